/**
 * git: one error class per way a git operation fails. `kind` is for programs (and the channel
 * contract), the message is for people: it says what happened and what to do, and the work is kept.
 */

export type GitErrorKind =
  | 'not-a-repository'
  | 'no-commits'
  | 'nothing-to-commit'
  | 'would-overwrite'
  | 'file-too-large'
  | 'auth-failed'
  | 'remote-rejected'
  | 'needs-merge'
  | 'detached-head'
  | 'no-remote'
  | 'branch-exists'
  | 'branch-not-found'
  | 'branch-not-merged'
  | 'current-branch'
  | 'tag-exists'
  | 'recovery-not-found'
  | 'folder-not-empty'
  | 'cancelled'
  | 'network'
  | 'merge-in-progress'
  | 'no-merge'
  | 'conflicts-left'
  | 'conflict-not-found'
  | 'repository-busy'
  | 'stash-not-found'
  | 'nothing-to-stash'
  | 'sides-only'
  | 'git'
  | 'damaged-index';

/** The base of every git failure the studio reports. */
export class GitError extends Error {
  constructor(
    readonly kind: GitErrorKind,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

const listed = (files: readonly string[], most = 10): string =>
  files.slice(0, most).map((file) => `"${file}"`).join(', ') + (files.length > most ? ` and ${files.length - most} more` : '');

/** The folder is not inside a git repository. */
export class NotARepository extends GitError {
  constructor(readonly dir: string) {
    super('not-a-repository', `${dir} is not a git repository. Open a folder that has one, or clone the app first.`);
  }
}

/** HEAD has no commit yet, so there is nothing to read, amend or push. */
export class NoCommits extends GitError {
  constructor(what: string) {
    super('no-commits', `The repository has no commits yet, so there is nothing to ${what}. Make a first commit.`);
  }
}

/** A commit was asked for with nothing staged. */
export class NothingToCommit extends GitError {
  constructor() {
    super('nothing-to-commit', 'There is nothing to commit: no changes are staged. Stage the files you want in the commit first.');
  }
}

/** The operation would replace uncommitted changes in these files; nothing was changed. */
export class WouldOverwrite extends GitError {
  constructor(
    readonly operation: string,
    readonly files: readonly string[],
  ) {
    super(
      'would-overwrite',
      `Cannot ${operation}: it would replace your uncommitted changes in ${listed(files)}. Nothing was changed. Commit or discard those changes (discarded changes stay in the recovery list), or ${operation} keeping a recovery copy.`,
    );
  }
}

/** Files over the size limit were staged for a commit. */
export class FileTooLarge extends GitError {
  constructor(
    readonly files: readonly { path: string; size: number }[],
    readonly limit: number,
  ) {
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    super(
      'file-too-large',
      `Not committed: ${files.map((f) => `"${f.path}" (${mb(f.size)})`).join(', ')} ${files.length === 1 ? 'is' : 'are'} over the ${mb(limit)} limit. Unstage ${files.length === 1 ? 'it' : 'them'}, or add ${files.length === 1 ? 'it' : 'them'} to .gitignore.`,
    );
  }
}

/** The remote refused the credentials, or wanted some and got none. */
export class AuthFailed extends GitError {
  constructor(readonly url: string) {
    super('auth-failed', `The server at ${url} did not accept the credentials. Check the username and the access token (it may have expired), then try again.`);
  }
}

/** The remote did not take the push; `reason` is 'not-fast-forward' when it has commits we lack. */
export class RemoteRejected extends GitError {
  constructor(
    readonly reason: 'not-fast-forward' | 'rejected',
    detail = '',
  ) {
    super(
      'remote-rejected',
      reason === 'not-fast-forward'
        ? 'The push was rejected: the remote branch has commits you do not have. Pull first, then push again. Your commits are kept.'
        : `The push was rejected by the remote${detail ? `: ${detail}` : ''}. Your commits are kept.`,
    );
  }
}

/** Local and remote branch have both moved on: a merge is needed, which pull does not do on its own. */
export class NeedsMerge extends GitError {
  constructor(
    readonly ahead: number,
    readonly behind: number,
  ) {
    super('needs-merge', `Your branch and the remote have both changed (${ahead} commit(s) here, ${behind} there). Merge them, then push. Nothing was changed.`);
  }
}

/** The operation needs a branch, and HEAD points at a commit. */
export class DetachedHead extends GitError {
  constructor(operation: string) {
    super('detached-head', `Cannot ${operation}: no branch is checked out (detached HEAD). Switch to a branch, or create one here.`);
  }
}

/** No remote of that name. */
export class NoRemote extends GitError {
  constructor(remote: string) {
    super('no-remote', `The repository has no remote called "${remote}". Add one, or clone the app from its server.`);
  }
}

/** A branch of that name already exists. */
export class BranchExists extends GitError {
  constructor(readonly branch: string) {
    super('branch-exists', `A branch called "${branch}" already exists. Pick another name.`);
  }
}

/** No branch of that name. */
export class BranchNotFound extends GitError {
  constructor(readonly branch: string) {
    super('branch-not-found', `There is no branch called "${branch}".`);
  }
}

/** Deleting the branch would lose commits no other branch has. */
export class BranchNotMerged extends GitError {
  constructor(readonly branch: string) {
    super('branch-not-merged', `Branch "${branch}" has commits that no other branch has. Merge it first, or delete it anyway if you are sure.`);
  }
}

/** The checked-out branch cannot be deleted. */
export class CurrentBranch extends GitError {
  constructor(readonly branch: string) {
    super('current-branch', `"${branch}" is the branch you are on, so it cannot be deleted. Switch to another branch first.`);
  }
}

/** A tag of that name already exists. */
export class TagExists extends GitError {
  constructor(readonly tag: string) {
    super('tag-exists', `A tag called "${tag}" already exists. Pick another name.`);
  }
}

/** The recovery entry is not (or no longer) in the recovery store. */
export class RecoveryNotFound extends GitError {
  constructor(readonly id: string) {
    super('recovery-not-found', `The recovery entry "${id}" is not in the recovery list any more.`);
  }
}

/** A clone was asked into a folder that already has files. */
export class FolderNotEmpty extends GitError {
  constructor(readonly dir: string) {
    super('folder-not-empty', `Cannot clone into ${dir}: the folder is not empty, and cloning there could mix with its files. Pick an empty or new folder.`);
  }
}

/** The user cancelled the operation; what it had started is undone. */
export class Cancelled extends GitError {
  constructor(operation: string) {
    super('cancelled', `The ${operation} was cancelled.`);
  }
}

/** The remote could not be reached or answered with an error. */
export class NetworkFailed extends GitError {
  constructor(url: string, detail: string) {
    super('network', `Could not reach ${url}: ${detail}. Check the address and the connection, then try again.`);
  }
}

/** A merge is in progress, and the operation would mix with it. */
export class MergeInProgress extends GitError {
  constructor(operation = 'start another merge') {
    super('merge-in-progress', `Cannot ${operation}: a merge is in progress. Resolve its conflicts and finish it, or abort it (abort puts everything back as it was).`);
  }
}

/** A merge operation (resolve, abort, finish) was asked for with no merge in progress. */
export class NoMerge extends GitError {
  constructor(operation: string) {
    super('no-merge', `Cannot ${operation}: no merge is in progress. Start one by merging a branch.`);
  }
}

/** The merge cannot be finished while conflicts are left. */
export class ConflictsLeft extends GitError {
  constructor(readonly count: number) {
    super('conflicts-left', `The merge still has ${count} conflict${count === 1 ? '' : 's'} to resolve. Choose ours, theirs or a value for each, then finish the merge (or abort it).`);
  }
}

/** The conflict named is not (or no longer) one of the merge's conflicts. */
export class ConflictNotFound extends GitError {
  constructor(readonly conflictId: string) {
    super('conflict-not-found', `The conflict "${conflictId}" is not one of the merge's open conflicts (it may be resolved already). Reload the list of conflicts.`);
  }
}

const codeOf = (error: unknown): string | undefined => (error as { code?: string } | null)?.code;

/** Turns an isomorphic-git (or socket) failure during a remote operation into one of ours. */
export function remoteError(error: unknown, url: string): unknown {
  if (error instanceof GitError) return error;
  const code = codeOf(error);
  const data = (error as { data?: { statusCode?: number; reason?: string } }).data;
  if (code === 'HttpError' && (data?.statusCode === 401 || data?.statusCode === 403)) return new AuthFailed(url);
  if (code === 'UserCanceledError') return new AuthFailed(url);
  if (code === 'PushRejectedError') return new RemoteRejected(data?.reason === 'not-fast-forward' ? 'not-fast-forward' : 'rejected');
  if (code === 'HttpError') return new NetworkFailed(url, `the server answered ${data?.statusCode}`);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ECONNRESET') return new NetworkFailed(url, (error as Error).message);
  return error;
}

/** Another git program holds the repository's lock file. */
export class RepositoryBusy extends GitError {
  constructor(readonly lockFile: string) {
    super('repository-busy', `Another git program is changing this repository (${lockFile} exists). Wait for it to finish, or delete that file if no git is running, then try again.`);
  }
}

/** The index file cannot be read. */
export class DamagedIndex extends GitError {
  constructor(why: string) {
    super('damaged-index', `The repository's index (.git/index) is damaged: ${why}. Run \`git reset\` in a terminal to rebuild it from the last commit (your files are not touched).`);
  }
}

/** A conflict only a side settles was given a value. */
export class SidesOnly extends GitError {
  constructor(readonly path: string) {
    super('sides-only', `"${path}" is a file on one side and a folder on the other: keep ours or take theirs (a value of your own cannot stand for it).`);
  }
}
