import { describe, expect, it, vi } from 'vitest';
import { StudioError, type GitChange, type GitCommit, type GitRepoState } from '../../../core/api';
import { fakeApi } from '../../state/fakeApi';
import { createHistoryStore } from './historyStore';

const repo: GitRepoState = {
  isRepo: true,
  branch: 'main',
  head: 'a'.repeat(40),
  appPath: '',
  remote: null,
  ahead: null,
  behind: null,
  merging: null,
  hasCredentials: false,
};
const commit = (n: number): GitCommit => ({ oid: String(n).padStart(40, '0'), parents: [], author: { name: 'A', email: 'a@x' }, date: n, message: `c${n}` });

function api(status: () => GitChange[], extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'git:state': () => repo,
    'git:status': status,
    'git:author': () => ({ name: 'A', email: 'a@x' }),
    'git:branches': () => [{ name: 'main', oid: repo.head!, current: true }],
    'git:tags': () => [],
    'git:recoveryList': () => [],
    'git:stashList': () => [],
    'git:history': ({ cursor }) => (cursor ? { entries: [commit(2)], next: null } : { entries: [commit(1)], next: 'page2' }),
    ...extra,
  });
}

describe('history store', () => {
  it('reads the repository and pages through the history', async () => {
    const store = createHistoryStore(api(() => []));
    await store.getState().refresh();
    expect(store.getState().repo?.branch).toBe('main');
    expect(store.getState().commits.map((c) => c.message)).toEqual(['c1']);
    await store.getState().loadMore();
    expect(store.getState().commits.map((c) => c.message)).toEqual(['c1', 'c2']);
    expect(store.getState().next).toBeNull();
  });

  it('offers to keep a copy when a switch would overwrite changes, and keeps one when asked', async () => {
    const switches: unknown[] = [];
    const entry = { id: 'r1', operation: 'switch to dev', createdAt: '2026-01-01T00:00:00Z', files: [{ path: 'a.json', inWorkingTree: true, hasStagedVersion: false }] };
    const store = createHistoryStore(
      api(() => [], {
        'git:switchBranch': (args) => {
          switches.push(args);
          if (args.onDirty !== 'keep-copy') throw new StudioError('would-overwrite', 'Switching would overwrite a.json.');
          return { recovery: entry };
        },
      }),
    );
    await store.getState().refresh();
    await store.getState().switchBranch('dev');
    const problem = store.getState().problem!;
    expect(problem).toMatchObject({ operation: 'switch', code: 'would-overwrite', message: 'Switching would overwrite a.json.' });
    expect(problem.keepCopy).toBeTypeOf('function');
    await problem.keepCopy!();
    expect(switches).toEqual([{ name: 'dev' }, { name: 'dev', onDirty: 'keep-copy' }]);
    expect(store.getState().problem).toBeNull();
    expect(store.getState().notice).toEqual({ key: 'history.notice.keptCopy', params: { count: 1 } });
  });

  it('offers to stash the changes in the way of a switch, then switches, and takes a stash back', async () => {
    let dirty = true;
    const calls: string[] = [];
    const stash = { index: 0, oid: 'c'.repeat(40), message: 'On main: wip', createdAt: '2026-11-27T06:00:00Z', files: [{ path: 'a.json', change: 'modified' as const }] };
    const store = createHistoryStore(
      api(() => [], {
        'git:switchBranch': () => {
          calls.push('switch');
          if (dirty) throw new StudioError('would-overwrite', 'Switching would overwrite a.json.');
          return { recovery: null };
        },
        'git:stash': (args) => (calls.push(`stash ${JSON.stringify(args)}`), (dirty = false), stash),
        'git:stashList': () => (dirty ? [] : [stash]),
        'git:stashApply': (args) => (calls.push(`apply ${JSON.stringify(args)}`), { written: ['a.json'], merged: ['a.json'], recovery: null }),
      }),
    );
    await store.getState().refresh();
    await store.getState().switchBranch('dev');
    await store.getState().problem!.stashFirst!();
    expect(calls).toEqual(['switch', 'stash {}', 'switch']);
    expect(store.getState().problem).toBeNull();
    expect(store.getState().stashes).toEqual([stash]);

    await store.getState().applyStash(0, true);
    expect(calls.at(-1)).toBe('apply {"index":0,"drop":true}');
    expect(store.getState().notice).toEqual({ key: 'history.notice.stashApplied', params: { count: 1, merged: 1 } });
  });

  it('reads branches and history again after git ran elsewhere, and only the changes for a file outside the app', async () => {
    vi.useFakeTimers();
    try {
      let historyReads = 0;
      let statusReads = 0;
      const fake = api(() => (statusReads++, []), { 'git:history': () => (historyReads++, { entries: [commit(historyReads)], next: null }) });
      const store = createHistoryStore(fake, 50);
      await store.getState().refresh();
      const stop = store.getState().watch();
      fake.emit('git:changed', { gitFiles: [], paths: ['docs/readme.md'] });
      await vi.advanceTimersByTimeAsync(60);
      expect([historyReads, statusReads]).toEqual([1, 2]);
      // A commit in a terminal, then a save in the same burst: the whole repository is read once.
      fake.emit('git:changed', { gitFiles: ['HEAD', 'refs/heads/main'], paths: [] });
      fake.emit('files:changed', { dir: '/a', paths: ['x.json'] });
      await vi.advanceTimersByTimeAsync(60);
      expect([historyReads, statusReads]).toEqual([2, 3]);
      expect(store.getState().commits.map((c) => c.message)).toEqual(['c2']);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the newest whole read when reads overlap (a slow read started before a commit in a terminal does not win)', async () => {
    vi.useFakeTimers();
    try {
      let historyReads = 0;
      const fake = api(() => [], {
        // The first read after the watch starts is slow: it answers after the second.
        'git:history': async () => {
          const n = ++historyReads;
          if (n === 2) await new Promise((resolve) => setTimeout(resolve, 500));
          return { entries: [commit(n)], next: null };
        },
      });
      const store = createHistoryStore(fake, 50);
      await store.getState().refresh();
      const stop = store.getState().watch();
      fake.emit('git:changed', { gitFiles: ['index'], paths: [] });
      await vi.advanceTimersByTimeAsync(60);
      fake.emit('git:changed', { gitFiles: ['HEAD', 'refs/heads/main'], paths: [] });
      await vi.advanceTimersByTimeAsync(60);
      expect(store.getState().commits.map((c) => c.message)).toEqual(['c3']);
      await vi.advanceTimersByTimeAsync(600);
      expect(store.getState().commits.map((c) => c.message)).toEqual(['c3']);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the message and says why when a commit fails', async () => {
    const store = createHistoryStore(
      api(() => [], {
        'git:commit': () => {
          throw new StudioError('git', 'Nothing is staged.');
        },
      }),
    );
    expect(await store.getState().commit('Fix', false)).toBe(false);
    expect(store.getState().problem).toMatchObject({ operation: 'commit', code: 'git', message: 'Nothing is staged.' });
    expect(store.getState().busy).toBeNull();
  });

  it('reads the changes again once after a burst of file changes, and an older answer never wins', async () => {
    vi.useFakeTimers();
    try {
      let reads = 0;
      const fake = api(() => [{ path: `f${++reads}`, staged: null, unstaged: 'modified' }]);
      const store = createHistoryStore(fake, 50);
      await store.getState().refresh();
      const before = reads;
      const stop = store.getState().watch();
      for (let i = 0; i < 5; i++) fake.emit('files:changed', { changes: [] } as never);
      await vi.advanceTimersByTimeAsync(60);
      expect(reads).toBe(before + 1);
      stop();

      // Two reads in flight: the first to start answers last and is ignored.
      let release: (changes: GitChange[]) => void = () => undefined;
      const slow = new Promise<GitChange[]>((resolve) => (release = resolve));
      let call = 0;
      const racing = createHistoryStore(api(() => (++call === 1 ? (slow as unknown as GitChange[]) : [{ path: 'new', staged: null, unstaged: 'modified' }])));
      const first = racing.getState().refreshChanges();
      await racing.getState().refreshChanges();
      release([{ path: 'old', staged: null, unstaged: 'modified' }]);
      await first;
      expect(racing.getState().changes.map((c) => c.path)).toEqual(['new']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says how a pull went, and offers keep-a-copy when it would overwrite', async () => {
    let dirty = true;
    const store = createHistoryStore(
      api(() => [], {
        'git:pull': ({ onDirty }) => {
          if (dirty && onDirty !== 'keep-copy') throw new StudioError('would-overwrite', 'Pulling would overwrite a.json.');
          return { outcome: 'fast-forward', recovery: null };
        },
      }),
    );
    await store.getState().pull();
    expect(store.getState().problem?.keepCopy).toBeTypeOf('function');
    dirty = false;
    await store.getState().pull();
    expect(store.getState().notice).toEqual({ key: 'history.notice.pullFastForward' });
  });

  it('offers a merge of the remote branch when a pull needs one, and the credentials retry the refused push', async () => {
    const merges: unknown[] = [];
    let authorized = false;
    const store = createHistoryStore(
      api(() => [], {
        'git:pull': () => {
          throw new StudioError('needs-merge', 'Both have changed.');
        },
        'git:merge': (args) => (merges.push(args), { outcome: 'merged', oid: 'b'.repeat(40), state: null }),
        'git:push': () => {
          if (!authorized) throw new StudioError('auth-failed', 'Refused.');
          return repo;
        },
        'git:setCredentials': () => ((authorized = true), { ...repo, hasCredentials: true }),
      }),
    );
    await store.getState().refresh();
    await store.getState().pull();
    await store.getState().problem!.merge!();
    expect(merges).toEqual([{ branch: 'origin/main' }]);
    expect(store.getState().notice).toEqual({ key: 'history.notice.mergeMerged', params: { branch: 'origin/main', count: 0 } });

    await store.getState().push();
    const refused = store.getState().problem!;
    expect(refused.code).toBe('auth-failed');
    expect(await store.getState().setCredentials('ada', 'token')).toBe(true);
    await refused.retry!();
    expect(store.getState().problem).toBeNull();
    expect(store.getState().notice).toEqual({ key: 'history.notice.pushed' });
  });
});
