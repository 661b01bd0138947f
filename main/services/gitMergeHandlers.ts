/**
 * The merge channels of the studio API (git:merge, mergeState, resolveConflict, abortMerge,
 * concludeMerge) over the merge verbs: core/merge's conflicts as the API's GitMergeConflict (values
 * as JSON text), and a person's value for a conflict read back from JSON where the file is JSON.
 */
import {
  type GitConflictChoice,
  type GitMergeConflict,
  type GitMergeState,
  type StudioHandlers,
  StudioError,
} from '../../core/api';
import type { Conflict, ConflictChoice } from '../../core/merge';
import * as verbs from './git';
import type { GitAuthor } from '../../core/api';

type MergeChannels = 'git:merge' | 'git:mergeState' | 'git:resolveConflict' | 'git:abortMerge' | 'git:concludeMerge';
type InRepo = <A, R>(work: (dir: string, args: A) => Promise<R>) => (args: A) => Promise<R>;
type Moved = <R>(dir: string, work: () => Promise<R>) => Promise<R>;

const json = (value: unknown): string | undefined => (value === undefined ? undefined : JSON.stringify(value));

/** A conflict as the API reports it: one id across files, each side's value as JSON. */
export function apiConflict(conflict: Conflict): GitMergeConflict {
  const { where } = conflict;
  return {
    id: verbs.conflictKey(conflict.file, conflict.id),
    file: conflict.file,
    kind: conflict.kind,
    path: where.path,
    ...(where.componentId !== undefined ? { componentId: where.componentId } : {}),
    ...(where.textKey !== undefined ? { textKey: where.textKey } : {}),
    ...(where.language !== undefined ? { language: where.language } : {}),
    ...(json(conflict.base) !== undefined ? { base: json(conflict.base) } : {}),
    ...(json(conflict.ours) !== undefined ? { ours: json(conflict.ours) } : {}),
    ...(json(conflict.theirs) !== undefined ? { theirs: json(conflict.theirs) } : {}),
    description: conflict.description,
    ...(conflict.sidesOnly ? { sidesOnly: true } : {}),
  };
}

/** A merge in progress as the API reports it. */
export function apiMergeState(progress: verbs.MergeProgress): GitMergeState {
  return { theirs: progress.theirs, theirsOid: progress.theirsOid, oursOid: progress.oursOid, conflicts: progress.conflicts.map(apiConflict) };
}

/** The merge in progress in `dir` for `git:state`, or null. */
export async function mergeStateOf(dir: string): Promise<GitMergeState | null> {
  const progress = await verbs.mergeProgress(dir);
  return progress ? apiMergeState(progress) : null;
}

/** A person's choice for `conflict`: a value is JSON for JSON values, text for lines and whole files. */
export function choiceFor(conflict: Conflict, choice: GitConflictChoice): ConflictChoice {
  if (typeof choice === 'string') return choice;
  if (conflict.kind === 'lines' || conflict.kind === 'file') return { value: choice.value };
  try {
    return { value: JSON.parse(choice.value) as unknown };
  } catch {
    throw new StudioError('invalid-argument', `The value for "${conflict.where.path || conflict.file}" is not valid JSON. Write it as JSON (text in "quotes"), or take ours or theirs.`);
  }
}

/** The handlers of the merge channels; `inRepo` and `moved` are GitService's wrappers (errors, kept status). */
export function mergeHandlers(service: { requireAuthor(): Promise<GitAuthor> }, inRepo: InRepo, moved: Moved): Pick<StudioHandlers, MergeChannels> {
  return {
    'git:merge': inRepo(async (dir, { branch, onDirty }: { branch: string; onDirty?: verbs.DirtyPolicy }) => {
      const author = await service.requireAuthor();
      const result = await moved(dir, () => verbs.merge(dir, branch, { author, onDirty: onDirty ?? 'refuse' }));
      return { outcome: result.outcome, oid: result.oid, state: result.progress ? apiMergeState(result.progress) : null };
    }),
    'git:mergeState': inRepo((dir) => mergeStateOf(dir)),
    'git:resolveConflict': inRepo(async (dir, { conflictId, choice }: { conflictId: string; choice: GitConflictChoice }) => {
      const progress = await verbs.mergeProgress(dir);
      if (!progress) throw new verbs.NoMerge('resolve a conflict');
      const conflict = progress.conflicts.find((c) => verbs.conflictKey(c.file, c.id) === conflictId);
      if (!conflict) throw new verbs.ConflictNotFound(conflictId);
      return apiMergeState(await moved(dir, () => verbs.resolveMergeConflict(dir, conflictId, choiceFor(conflict, choice))));
    }),
    'git:abortMerge': inRepo((dir) => moved(dir, () => verbs.abortMerge(dir))),
    'git:concludeMerge': inRepo(async (dir, { message }: { message?: string }) => {
      const author = await service.requireAuthor();
      return { oid: await moved(dir, () => verbs.concludeMerge(dir, { ...(message ? { message } : {}), author })) };
    }),
  };
}
