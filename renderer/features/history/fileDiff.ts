/**
 * Which two texts of a changed file the Changes view compares: the index and the working file for
 * its unstaged changes, the last commit and the index for its staged ones (the index read through the
 * host, so a part staged by another program shows as it is).
 */
import type { GitChange, GitRepoState, StudioApi } from '../../../core/api';
import { looksBinary } from './hunks';

export type DiffSide = 'unstaged' | 'staged';

/** The texts to compare, or why there are none to show. */
export type DiffTexts =
  | {
      readonly kind: 'texts';
      readonly base: string;
      readonly next: string;
      /** Whether single hunks can be staged (or unstaged) from this comparison. */
      readonly choosable: boolean;
    }
  | { readonly kind: 'binary' | 'outside' };

/** The path inside the app folder of a path from the repository root, or null when it is outside the app. */
export function appRelativePath(path: string, appPath: string): string | null {
  if (appPath === '') return path;
  return path.startsWith(`${appPath}/`) ? path.slice(appPath.length + 1) : null;
}

/** Reads the texts that show `change` on `side`. */
export async function readDiffTexts(api: StudioApi, repo: GitRepoState, change: GitChange, side: DiffSide): Promise<DiffTexts> {
  const inHead = async () => (repo.head ? ((await api.invoke('git:fileAt', { ref: 'HEAD', path: change.path })).content ?? '') : '');
  const working = async (): Promise<string | null> => {
    if (change.unstaged === 'deleted' || (change.unstaged === null && change.staged === 'deleted')) return '';
    const inApp = appRelativePath(change.path, repo.appPath);
    if (inApp === null) return null;
    return (await api.invoke('workspace:readFile', { path: inApp })).content;
  };
  const head = await inHead();
  const index = change.staged === null ? head : change.staged === 'deleted' ? '' : ((await api.invoke('git:fileAtIndex', { path: change.path })).content ?? '');
  let base: string;
  let next: string;
  if (side === 'staged') {
    base = head;
    next = index;
  } else {
    const work = await working();
    if (work === null) return { kind: 'outside' };
    base = index;
    next = work;
  }
  if (looksBinary(base) || looksBinary(next)) return { kind: 'binary' };
  // A deletion is staged as a whole: a staged empty text would be a file, not its removal.
  const deletion = side === 'unstaged' ? change.unstaged === 'deleted' : change.staged === 'deleted';
  return { kind: 'texts', base, next, choosable: !deletion };
}
