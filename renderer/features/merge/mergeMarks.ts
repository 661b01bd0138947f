/**
 * The conflicts of the merge in progress as findings on their components, so the canvas marks a
 * conflicted component like a problem (its message says to settle it in History). Set by the merge
 * panel as the merge goes; empty when no merge is in progress.
 */
import { createStore } from 'zustand/vanilla';
import type { GitMergeConflict } from '../../../core/api';
import type { PlacedDiagnostic } from '../../../core/refs/placedCheck';

export interface MergeMarks {
  readonly diagnostics: readonly PlacedDiagnostic[];
}

/** The marks of the merge in progress. */
export const mergeMarks = createStore<MergeMarks>(() => ({ diagnostics: [] }));

/** The conflicts on components, as findings in app-relative files (`appPath`: the app folder in the repository). */
export function conflictDiagnostics(conflicts: readonly GitMergeConflict[], appPath: string): PlacedDiagnostic[] {
  return conflicts.flatMap((c) => {
    const file = appPath === '' ? c.file : c.file.startsWith(`${appPath}/`) ? c.file.slice(appPath.length + 1) : null;
    if (file === null || !c.componentId) return [];
    return [{ file, line: 1, column: 1, severity: 'error' as const, code: 'merge-conflict', message: `Merge conflict: ${c.description} Settle it in History.`, componentId: c.componentId }];
  });
}

/** Shows `conflicts` on the canvas (none: clears the marks). */
export function markConflicts(conflicts: readonly GitMergeConflict[], appPath: string): void {
  mergeMarks.setState({ diagnostics: conflictDiagnostics(conflicts, appPath) });
}
