/**
 * git for the studio: one verb per module, every verb through the repository's single-writer queue
 * with its own isomorphic-git cache, failures as the typed errors of errors.ts. `dir` is always the
 * repository root (findRepositoryRoot finds it from an app folder). Nothing here overwrites
 * uncommitted work: operations that would either refuse (WouldOverwrite, naming the files) or,
 * when asked to, put it in the recovery store first (recoveryList / recover).
 */
export * from './errors';
export { findRepositoryRoot, type HeadState } from './repository';
export type { Credentials, Progress, RemoteOptions } from './transport';
export { clone } from './clone';
export { status, type ChangeKind, type FileChange } from './status';
export { stage, unstage } from './stage';
export { commit, defaultFileSizeLimit, type Author } from './commit';
export { amend } from './amend';
export { history, type HistoryEntry, type HistoryPage } from './history';
export { commitChanges, type ChangedFile } from './commitChanges';
export { compareVersions, readFileAt, readFileInIndex, resolveVersion } from './compareVersions';
export { createBranch, currentBranch, deleteBranch, listBranches, renameBranch, type Branch } from './branches';
export { switchBranch } from './switchBranch';
export { reset, type ResetResult } from './reset';
export { discard } from './discard';
export { forgetRecovery, readRecoveredFile, recover, recoveryList, type RecoveredFile, type RecoveryEntry } from './recoveryStore';
export type { DirtyPolicy } from './workingTreeGuard';
export { fetch } from './fetch';
export { pull, type PullResult } from './pull';
export { push } from './push';
export { pushTag } from './pushTag';
export { aheadBehind, type AheadBehind } from './aheadBehind';
export { createTag, listTags, type Tag } from './tags';
export { merge, type MergeOutcome, type MergeProgress } from './merge';
export { abortMerge, concludeMerge, conflictKey, mergeProgress, refuseDuringMerge, resolveMergeConflict } from './mergeResolve';
export { stashDrop, stashList, stashPush, NothingToStash, StashNotFound, type Stash } from './stash';
export { stashApply, type StashApplyResult } from './stashApply';
