/**
 * The files of the versions the Review area compares, read through the studio API: a version is the
 * working tree (the open app's model) with every file that differs in that version (git:compare
 * against the working tree) read as that version has it. Paths here are relative to the app folder;
 * git's are relative to the repository, so they are mapped through `appPath`.
 */
import type { GitBranch, GitCommit, GitTag } from '../../../core/api';
import { isTextFile } from '../../../core/app/model/appFiles';
import type { VersionFiles } from '../../../core/review';
import type { PlatformApi } from '../../platform';

type GitApi = Pick<PlatformApi, 'invoke'>;

/** A version: a commit id, branch or tag; null is the working tree. */
export type Version = string | null;

/** The app-relative path of a repository path, or null when it is outside the app folder. */
export function appRelative(repoPath: string, appPath: string): string | null {
  if (appPath === '') return repoPath;
  return repoPath.startsWith(`${appPath}/`) ? repoPath.slice(appPath.length + 1) : null;
}

/** The files of `version`: `working` with each file that differs read from that version (null: not there). */
export async function versionFiles(api: GitApi, version: Version, working: ReadonlyMap<string, string>, appPath: string): Promise<VersionFiles> {
  const files = new Map<string, string | null>(working);
  if (version === null) return files;
  const changed = await api.invoke('git:compare', { from: version, to: null });
  const reads = changed
    .map((file) => ({ repoPath: file.path, path: appRelative(file.path, appPath) }))
    .filter((file): file is { repoPath: string; path: string } => file.path !== null && isTextFile(file.path));
  const texts = await Promise.all(reads.map((file) => api.invoke('git:fileAt', { ref: version, path: file.repoPath })));
  reads.forEach((file, i) => files.set(file.path, texts[i]!.content));
  return files;
}

/** What the version pickers offer. */
export interface VersionChoices {
  readonly branch: string | null;
  readonly appPath: string;
  readonly branches: readonly GitBranch[];
  readonly tags: readonly GitTag[];
  readonly commits: readonly GitCommit[];
}

/** Branches, tags, the first page of history and where the repository stands. */
export async function readVersionChoices(api: GitApi): Promise<VersionChoices> {
  const state = await api.invoke('git:state');
  if (!state.isRepo || state.head === null) return { branch: state.branch, appPath: state.appPath, branches: [], tags: [], commits: [] };
  const [branches, tags, history] = await Promise.all([api.invoke('git:branches'), api.invoke('git:tags'), api.invoke('git:history', {})]);
  return { branch: state.branch, appPath: state.appPath, branches, tags, commits: history.entries };
}

/** The remote branch the current branch was last pushed to (`origin/<branch>`), or null when detached. */
export function lastPushedVersion(choices: VersionChoices): string | null {
  return choices.branch ? `origin/${choices.branch}` : null;
}

/** The newest tag on the shown history (the first commit that has one), else any tag; null without tags. */
export function lastTagVersion(choices: VersionChoices): string | null {
  for (const commit of choices.commits) {
    const tag = choices.tags.find((t) => t.oid === commit.oid);
    if (tag) return tag.name;
  }
  return choices.tags[0]?.name ?? null;
}
