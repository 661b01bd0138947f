/** The studio API's view of git: the open app's repository, as the History and Review areas show it. */

/** How a file differs from HEAD (staged) or from the index (unstaged). */
export type GitChangeKind = 'added' | 'modified' | 'deleted' | 'untracked';

/** One changed file of the working tree. */
export interface GitChange {
  readonly path: string;
  readonly staged: Exclude<GitChangeKind, 'untracked'> | null;
  readonly unstaged: GitChangeKind | null;
}

/** Where the repository stands. */
export interface GitRepoState {
  /** False when the app folder is not in a git repository (the rest is then empty). */
  readonly isRepo: boolean;
  /** The current branch, or null when HEAD is detached. */
  readonly branch: string | null;
  /** The commit HEAD points at (null before the first commit). */
  readonly head: string | null;
  /** The app folder's path inside the repository ('' when the app is the repository's root). */
  readonly appPath: string;
  /** The URL of `origin`, or null. */
  readonly remote: string | null;
  /** Commits here and not on the remote branch, and the other way round (null: no remote branch known). */
  readonly ahead: number | null;
  readonly behind: number | null;
  /** A merge in progress (conflicts to resolve), or null. */
  readonly merging: GitMergeState | null;
  /** Whether credentials are stored for the remote (never the credentials themselves). */
  readonly hasCredentials: boolean;
}

export interface GitAuthor {
  readonly name: string;
  readonly email: string;
}

export interface GitCommit {
  readonly oid: string;
  readonly parents: readonly string[];
  readonly author: GitAuthor;
  /** Milliseconds since 1970. */
  readonly date: number;
  readonly message: string;
}

export interface GitHistoryPage {
  readonly entries: readonly GitCommit[];
  /** Pass as `cursor` for the next page; null after the last. */
  readonly next: string | null;
}

/** A file a commit (or a comparison of two versions) changed. */
export interface GitChangedFile {
  readonly path: string;
  readonly change: 'added' | 'modified' | 'deleted';
}

export interface GitBranch {
  readonly name: string;
  readonly oid: string;
  readonly current: boolean;
}

export interface GitTag {
  readonly name: string;
  readonly oid: string;
  readonly message: string | null;
}

/** Uncommitted work put aside; `index` 0 is the newest (git's `stash@{0}`). */
export interface GitStash {
  readonly index: number;
  readonly oid: string;
  /** As git words it: "On main: <message>" or "WIP on main: <commit>". */
  readonly message: string;
  /** ISO date and time. */
  readonly createdAt: string;
  readonly files: readonly GitChangedFile[];
}

/** What applying a stash did: the files merged with changes made since, and the copy of rewritten work. */
export interface GitStashApplied {
  readonly written: readonly string[];
  readonly merged: readonly string[];
  readonly recovery: GitRecoveryEntry | null;
}

/** A snapshot of uncommitted work kept before an operation replaced it. */
export interface GitRecoveryEntry {
  readonly id: string;
  /** What replaced the work: 'discard', 'switch to main', 'pull', … */
  readonly operation: string;
  /** ISO date and time. */
  readonly createdAt: string;
  readonly files: readonly { readonly path: string; readonly inWorkingTree: boolean; readonly hasStagedVersion: boolean }[];
}

/** What to do with uncommitted changes an operation would replace: refuse (the default), or keep a copy in the recovery list first. */
export type GitDirtyPolicy = 'refuse' | 'keep-copy';

/** The repository changed outside the studio's own verbs (git in a terminal, a file outside the app). */
export interface GitChangedEvent {
  /** Files of `.git` that changed (`HEAD`, `index`, `refs/heads/main`): branches, commits or the index moved. */
  readonly gitFiles: readonly string[];
  /** Working-tree paths outside the app folder, relative to the repository root. */
  readonly paths: readonly string[];
}

/** Progress of a remote operation (total 0 when unknown). */
export interface GitProgressEvent {
  readonly operation: 'clone' | 'fetch' | 'pull' | 'push';
  readonly phase: string;
  readonly loaded: number;
  readonly total: number;
}

/** One conflict of a merge in progress, where it is and what each side has. */
export interface GitMergeConflict {
  readonly id: string;
  readonly file: string;
  readonly kind: 'file' | 'value' | 'order' | 'lines';
  /** Readable place: `data.layout[id=name].readOnly`, a text key, lines… */
  readonly path: string;
  readonly componentId?: string;
  readonly textKey?: string;
  readonly language?: string;
  /** JSON of each side's value (absent: the side does not have it). */
  readonly base?: string;
  readonly ours?: string;
  readonly theirs?: string;
  readonly description: string;
  /** Only ours or theirs settles it (a file against a folder); no value can be typed. */
  readonly sidesOnly?: boolean;
}

/** A merge in progress: what is merged into what, and what is left to resolve. */
export interface GitMergeState {
  /** The branch (or commit) being merged in. */
  readonly theirs: string;
  readonly theirsOid: string;
  readonly oursOid: string;
  readonly conflicts: readonly GitMergeConflict[];
}

/** What a merge did. */
export interface GitMergeResult {
  readonly outcome: 'up-to-date' | 'fast-forward' | 'merged' | 'conflicts';
  readonly oid: string | null;
  readonly state: GitMergeState | null;
}

/** A conflict's resolution: one side, or a value (JSON text) written by the person. */
export type GitConflictChoice = 'ours' | 'theirs' | { readonly value: string };
