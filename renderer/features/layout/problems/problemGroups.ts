/**
 * The app's diagnostics as the Problems list shows them: grouped by file, files with errors first,
 * errors first in each file; and where each one leads (a component on a page, a page, or a file line).
 */
import type { AppModel } from '../../../../core/app/model/types';
import type { Diagnostic, Severity } from '../../../../core/refs/diagnostic';
import type { PlacedDiagnostic } from '../../../../core/refs/placedCheck';

export interface ProblemGroup {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly errors: number;
}

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Diagnostics by file: files with the most severe problems first, then by path; in each, by severity, then line. */
export function groupDiagnostics(diagnostics: readonly Diagnostic[]): ProblemGroup[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const worst = (list: readonly Diagnostic[]) => Math.min(...list.map((d) => rank[d.severity]));
  return [...byFile]
    .map(([file, list]) => ({
      file,
      diagnostics: [...list].sort((a, b) => rank[a.severity] - rank[b.severity] || a.line - b.line || a.column - b.column),
      errors: list.filter((d) => d.severity === 'error').length,
    }))
    .sort((a, b) => worst(a.diagnostics) - worst(b.diagnostics) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export type ProblemTarget =
  | { readonly kind: 'component'; readonly folderId: string; readonly page: string; readonly id: string }
  | { readonly kind: 'page'; readonly folderId: string; readonly page: string }
  | { readonly kind: 'file'; readonly file: string; readonly line: number };

/** The layout page a file is, if it is one. */
export function pageOfFile(model: AppModel, file: string): { readonly folderId: string; readonly page: string } | null {
  for (const folder of model.uiFolders) {
    const page = folder.pages.find((p) => p.file.path === file);
    if (page) return { folderId: folder.id, page: page.name };
  }
  return null;
}

/** Where a diagnostic leads: the component it lies in on a page, else the page, else its file and line. */
export function problemTarget(model: AppModel, diagnostic: PlacedDiagnostic): ProblemTarget {
  const place = pageOfFile(model, diagnostic.file);
  if (!place) return { kind: 'file', file: diagnostic.file, line: diagnostic.line };
  return diagnostic.componentId !== undefined ? { kind: 'component', ...place, id: diagnostic.componentId } : { kind: 'page', ...place };
}

/** The diagnostics of one page file (the "this page" filter). */
export function onPage(model: AppModel, diagnostics: readonly Diagnostic[], folderId: string | null, page: string | null): Diagnostic[] {
  const file = model.uiFolders.find((f) => f.id === folderId)?.pages.find((p) => p.name === page)?.file.path;
  return file === undefined ? [] : diagnostics.filter((d) => d.file === file);
}
