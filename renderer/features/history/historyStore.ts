/**
 * The History area's state: the repository, its changed files, branches, commits and recovery
 * entries as the host last told them, and every git operation the area offers. An operation that
 * fails keeps what the person typed and leaves a problem saying what to do next (keep a copy and
 * continue, give credentials, try again).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  StudioError,
  type GitAuthor,
  type GitBranch,
  type GitChange,
  type GitCommit,
  type GitDirtyPolicy,
  type GitProgressEvent,
  type GitRecoveryEntry,
  type GitRepoState,
  type GitStash,
  type GitTag,
  type StudioApi,
  type StudioErrorCode,
} from '../../../core/api';
import type { TextKey, TextParams } from '../../i18n/texts';

/** The operations the area runs; each has a text `history.op.<name>`. */
export type GitOperation =
  | 'load' | 'init' | 'stage' | 'unstage' | 'discard' | 'commit' | 'author' | 'history' | 'switch' | 'create' | 'rename'
  | 'delete' | 'fetch' | 'pull' | 'push' | 'remote' | 'recover' | 'merge' | 'credentials' | 'tag' | 'stash' | 'applyStash'
  | 'dropStash';

/** A failed operation and what can be done about it. */
export interface GitProblem {
  readonly operation: GitOperation;
  readonly code: StudioErrorCode;
  readonly message: string;
  /** Runs the operation again keeping a copy of the changes it would replace (would-overwrite). */
  readonly keepCopy?: () => Promise<void>;
  /** Stashes the uncommitted changes, then runs the operation again (would-overwrite of switch, pull, merge). */
  readonly stashFirst?: () => Promise<void>;
  /** Runs the operation again as it was (after credentials are given, or a passing failure). */
  readonly retry?: () => Promise<void>;
  /** Merges the remote branch into this one (needs-merge: both have moved on). */
  readonly merge?: () => Promise<void>;
}

/** Something that went well and is worth saying (a copy was kept, a push finished). */
export interface GitNotice {
  readonly key: TextKey;
  readonly params?: TextParams;
}

export interface HistoryState {
  readonly repo: GitRepoState | null;
  readonly changes: readonly GitChange[];
  readonly author: GitAuthor | null;
  readonly branches: readonly GitBranch[];
  readonly tags: readonly GitTag[];
  readonly commits: readonly GitCommit[];
  /** The cursor of the next history page; null after the last. */
  readonly next: string | null;
  readonly recovery: readonly GitRecoveryEntry[];
  /** Stashed work, newest first. */
  readonly stashes: readonly GitStash[];
  /** The operation running now (the buttons that would start another wait). */
  readonly busy: GitOperation | null;
  readonly progress: GitProgressEvent | null;
  readonly problem: GitProblem | null;
  readonly notice: GitNotice | null;
  /** Reads everything again (the first history page too). */
  refresh(): Promise<void>;
  /** Reads the changed files and the repository state (after an edit or a stage). */
  refreshChanges(): Promise<void>;
  init(): Promise<void>;
  stage(paths: readonly string[]): Promise<void>;
  unstage(paths: readonly string[]): Promise<void>;
  /** Writes `content` as the index version of `path` (chosen hunks). */
  stageContent(path: string, content: string): Promise<void>;
  discard(paths: readonly string[]): Promise<void>;
  /** Resolves to true when the commit was made. */
  commit(message: string, amend: boolean): Promise<boolean>;
  setAuthor(author: GitAuthor): Promise<boolean>;
  /** Tags commit `target` as `name` (annotated when there is a message). */
  createTag(name: string, target: string, message: string): Promise<boolean>;
  loadMore(): Promise<void>;
  switchBranch(name: string, onDirty?: GitDirtyPolicy): Promise<void>;
  createBranch(name: string, switchTo: boolean): Promise<boolean>;
  renameBranch(from: string, to: string): Promise<boolean>;
  deleteBranch(name: string, force: boolean): Promise<boolean>;
  fetch(): Promise<void>;
  pull(onDirty?: GitDirtyPolicy): Promise<void>;
  push(): Promise<void>;
  cancel(): Promise<void>;
  setRemote(url: string): Promise<boolean>;
  recover(id: string, paths?: readonly string[]): Promise<void>;
  /** Puts every uncommitted change aside; resolves to whether it was stashed. */
  stash(message: string): Promise<boolean>;
  /** Takes stash `index` back (with `drop`, removes it from the list: pop). */
  applyStash(index: number, drop: boolean, onDirty?: GitDirtyPolicy): Promise<void>;
  /** Removes stash `index`; its files go to the recovery list. */
  dropStash(index: number): Promise<void>;
  /** Merges branch (or remote-tracking branch) `branch` into the current one; conflicts leave a merge in progress. */
  merge(branch: string, onDirty?: GitDirtyPolicy): Promise<void>;
  /** Keeps a username and token for the remote's server; resolves to whether they were kept. */
  setCredentials(username: string, token: string): Promise<boolean>;
  forgetCredentials(): Promise<void>;
  /** Reads everything again after the merge panel took a step (null: the merge was concluded or aborted). */
  mergeChanged(): Promise<void>;
  dismissProblem(): void;
  dismissNotice(): void;
  /** Follows `git:progress` and changed files until the returned function is called. */
  watch(): () => void;
}

const asStudioError = (error: unknown) =>
  error instanceof StudioError ? error : new StudioError('io', error instanceof Error ? error.message : String(error));

const mergeNotices = {
  'up-to-date': 'history.notice.mergeUpToDate',
  'fast-forward': 'history.notice.mergeFastForward',
  merged: 'history.notice.mergeMerged',
  conflicts: 'history.notice.mergeConflicts',
} as const satisfies Record<string, TextKey>;

const pullNotices = {
  'up-to-date': 'history.notice.pullUpToDate',
  'fast-forward': 'history.notice.pullFastForward',
  ahead: 'history.notice.pullAhead',
  'not-on-remote': 'history.notice.pullNotOnRemote',
} as const satisfies Record<string, TextKey>;

/** Creates the History area's store over the studio API. */
export function createHistoryStore(api: StudioApi, refreshDelayMs = 250): StoreApi<HistoryState> {
  return createStore<HistoryState>((set, get) => {
    // Bumped by each read of the changes, so an older answer never replaces a newer one.
    let changesRead = 0;
    // Bumped by each read of the whole repository, for the same reason.
    let wholeReads = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // A change of .git came with the pending read: the whole repository is read, not only the changes.
    let outsideGit = false;

    /** Runs `work` as `operation`: one at a time, a failure becomes the problem; resolves to whether it worked. */
    const run = async (operation: GitOperation, work: () => Promise<void>, again?: Partial<Pick<GitProblem, 'keepCopy' | 'stashFirst'>>): Promise<boolean> => {
      set({ busy: operation, problem: null, notice: null });
      try {
        await work();
        return true;
      } catch (error) {
        const { code, message } = asStudioError(error);
        const retry = async () => void (await run(operation, work, again));
        const branch = get().repo?.branch;
        const merge = code === 'needs-merge' && branch ? () => get().merge(`origin/${branch}`) : undefined;
        set({ problem: { operation, code, message, retry, ...(code === 'would-overwrite' ? again : {}), ...(merge ? { merge } : {}) } });
        return false;
      } finally {
        set({ busy: null, progress: null });
      }
    };

    const readChanges = async () => {
      const read = ++changesRead;
      const [repo, changes] = await Promise.all([api.invoke('git:state'), api.invoke('git:status')]);
      if (read !== changesRead) return;
      set({ repo, changes });
    };

    const readAll = async () => {
      // Reads overlap when git runs elsewhere in bursts (add, then commit): only the newest read's answer is shown.
      const read = ++wholeReads;
      const repo = await api.invoke('git:state');
      if (read !== wholeReads) return;
      if (!repo.isRepo) {
        set({ repo, changes: [], branches: [], tags: [], commits: [], next: null, recovery: [], stashes: [] });
        return;
      }
      const [author, branches, tags, recovery, stashes, page] = await Promise.all([
        api.invoke('git:author'),
        api.invoke('git:branches'),
        api.invoke('git:tags'),
        api.invoke('git:recoveryList'),
        // Before the first commit there is nothing a stash could be made on.
        repo.head ? api.invoke('git:stashList') : Promise.resolve([]),
        // Before the first commit there is no history to read.
        repo.head ? api.invoke('git:history', {}) : Promise.resolve({ entries: [], next: null }),
      ]);
      if (read !== wholeReads) return;
      set({ author, branches, tags, recovery, stashes, commits: page.entries, next: page.next });
      await readChanges();
    };

    /** Reads again without marking the area busy (after an edit, a merge step); speaks only when it fails. */
    const quietly = async (read: () => Promise<void>) => {
      try {
        await read();
      } catch (error) {
        const { code, message } = asStudioError(error);
        set({ problem: { operation: 'load', code, message, retry: () => get().refresh() } });
      }
    };

    /** Stashes the changes in the way, then runs `operation` again (its own refusals still speak). */
    const stashThen = (operation: () => Promise<void>) => async () => {
      if (await get().stash('')) await operation();
    };

    /** The notice for an operation that kept a copy of replaced work. */
    const keptCopy = (recovery: GitRecoveryEntry | null) => (recovery ? set({ notice: { key: 'history.notice.keptCopy', params: { count: recovery.files.length } } }) : undefined);

    return {
      repo: null,
      changes: [],
      author: null,
      branches: [],
      tags: [],
      commits: [],
      next: null,
      recovery: [],
      stashes: [],
      busy: null,
      progress: null,
      problem: null,
      notice: null,
      refresh: async () => void (await run('load', readAll)),
      refreshChanges: () => quietly(readChanges),
      init: async () => void (await run('init', async () => (await api.invoke('git:init'), await readAll()))),
      stage: async (paths) =>
        void (await run('stage', async () => {
          await api.invoke('git:stage', { paths: [...paths] });
          await readChanges();
        })),
      unstage: async (paths) =>
        void (await run('unstage', async () => {
          await api.invoke('git:unstage', { paths: [...paths] });
          await readChanges();
        })),
      stageContent: async (path, content) =>
        void (await run('stage', async () => {
          await api.invoke('git:stageContent', { path, content });
          await readChanges();
        })),
      discard: async (paths) =>
        void (await run('discard', async () => {
          const entry = await api.invoke('git:discard', { paths: [...paths] });
          if (entry) set({ notice: { key: 'history.notice.discarded', params: { count: entry.files.length } } });
          set({ recovery: await api.invoke('git:recoveryList') });
          await readChanges();
        })),
      commit: (message, amend) =>
        run('commit', async () => {
          await api.invoke('git:commit', { message, ...(amend ? { amend: true } : {}) });
          await readAll();
        }),
      setAuthor: (author) =>
        run('author', async () => {
          await api.invoke('git:setAuthor', author);
          set({ author: await api.invoke('git:author') });
        }),
      createTag: (name, target, message) =>
        run('tag', async () => {
          await api.invoke('git:createTag', { name, target, ...(message.trim() ? { message: message.trim() } : {}) });
          set({ tags: await api.invoke('git:tags') });
        }),
      loadMore: async () => {
        const cursor = get().next;
        if (!cursor) return;
        await run('history', async () => {
          const page = await api.invoke('git:history', { cursor });
          set({ commits: [...get().commits, ...page.entries], next: page.next });
        });
      },
      switchBranch: async (name, onDirty) =>
        void (await run(
          'switch',
          async () => {
            keptCopy((await api.invoke('git:switchBranch', { name, ...(onDirty ? { onDirty } : {}) })).recovery);
            await readAll();
          },
          { keepCopy: () => get().switchBranch(name, 'keep-copy'), stashFirst: stashThen(() => get().switchBranch(name)) },
        )),
      createBranch: (name, switchTo) =>
        run('create', async () => {
          await api.invoke('git:createBranch', { name });
          try {
            // A new branch starts at the current commit: switching to it replaces no file (the host still refuses staged changes).
            if (switchTo) await api.invoke('git:switchBranch', { name });
          } finally {
            // The branch exists even when the switch was refused.
            await readAll();
          }
        }),
      renameBranch: (from, to) =>
        run('rename', async () => {
          await api.invoke('git:renameBranch', { from, to });
          await readAll();
        }),
      deleteBranch: (name, force) =>
        run('delete', async () => {
          await api.invoke('git:deleteBranch', { name, ...(force ? { force: true } : {}) });
          await readAll();
        }),
      fetch: async () =>
        void (await run('fetch', async () => {
          set({ repo: await api.invoke('git:fetch') });
        })),
      pull: async (onDirty) =>
        void (await run(
          'pull',
          async () => {
            const result = await api.invoke('git:pull', { ...(onDirty ? { onDirty } : {}) });
            keptCopy(result.recovery);
            if (!result.recovery) set({ notice: { key: pullNotices[result.outcome] } });
            await readAll();
          },
          { keepCopy: () => get().pull('keep-copy'), stashFirst: stashThen(() => get().pull()) },
        )),
      push: async () =>
        void (await run('push', async () => {
          set({ repo: await api.invoke('git:push'), notice: { key: 'history.notice.pushed' } });
        })),
      cancel: async () => {
        await api.invoke('git:cancel');
      },
      setRemote: (url) =>
        run('remote', async () => {
          await api.invoke('git:setRemote', { url });
          set({ repo: await api.invoke('git:state') });
        }),
      recover: async (id, paths) =>
        void (await run('recover', async () => {
          await api.invoke('git:recover', { id, ...(paths ? { paths: [...paths] } : {}) });
          set({ notice: { key: 'history.notice.recovered' }, recovery: await api.invoke('git:recoveryList') });
          await readChanges();
        })),
      stash: (message) =>
        run('stash', async () => {
          const stash = await api.invoke('git:stash', { ...(message.trim() ? { message: message.trim() } : {}) });
          set({ notice: { key: 'history.notice.stashed', params: { count: stash.files.length } } });
          await readAll();
        }),
      applyStash: async (index, drop, onDirty) =>
        void (await run(
          'applyStash',
          async () => {
            const result = await api.invoke('git:stashApply', { index, ...(drop ? { drop } : {}), ...(onDirty ? { onDirty } : {}) });
            const params = { count: result.written.length, merged: result.merged.length };
            set({ notice: { key: result.recovery ? 'history.notice.stashAppliedKept' : 'history.notice.stashApplied', params } });
            await readAll();
          },
          { keepCopy: () => get().applyStash(index, drop, 'keep-copy') },
        )),
      dropStash: async (index) =>
        void (await run('dropStash', async () => {
          const entry = await api.invoke('git:stashDrop', { index });
          if (entry) set({ notice: { key: 'history.notice.stashDropped' } });
          await readAll();
        })),
      merge: async (branch, onDirty) =>
        void (await run(
          'merge',
          async () => {
            const result = await api.invoke('git:merge', { branch, ...(onDirty ? { onDirty } : {}) });
            set({ notice: { key: mergeNotices[result.outcome], params: { branch, count: result.state?.conflicts.length ?? 0 } } });
            await readAll();
          },
          { keepCopy: () => get().merge(branch, 'keep-copy'), stashFirst: stashThen(() => get().merge(branch)) },
        )),
      setCredentials: (username, token) =>
        run('credentials', async () => {
          set({ repo: await api.invoke('git:setCredentials', { username, token }) });
        }),
      forgetCredentials: async () =>
        void (await run('credentials', async () => {
          set({ repo: await api.invoke('git:forgetCredentials') });
        })),
      mergeChanged: () => quietly(readAll),
      dismissProblem: () => set({ problem: null }),
      dismissNotice: () => set({ notice: null }),
      watch: () => {
        const stopProgress = api.on('git:progress', (progress) => {
          if (get().busy) set({ progress });
        });
        // Saves come in bursts; one read after the burst. Git run elsewhere (a terminal, another editor)
        // moved branches, commits or the index: then everything is read again, not only the changes.
        const schedule = (whole: boolean) => {
          outsideGit ||= whole;
          if (timer !== null) clearTimeout(timer);
          timer = setTimeout(() => {
            timer = null;
            if (!get().repo?.isRepo) return;
            // An operation is running: read once it is over (its own read may have started before this change).
            if (get().busy) return schedule(outsideGit);
            const all = outsideGit;
            outsideGit = false;
            void (all ? quietly(readAll) : get().refreshChanges());
          }, refreshDelayMs);
        };
        const stopFiles = api.on('files:changed', () => schedule(false));
        const stopGit = api.on('git:changed', ({ gitFiles, paths }) => {
          if (gitFiles.length > 0 || paths.length > 0) schedule(gitFiles.length > 0);
        });
        return () => {
          stopProgress();
          stopFiles();
          stopGit();
          if (timer !== null) clearTimeout(timer);
          timer = null;
        };
      },
    };
  });
}
