import { afterEach, describe, expect, it, vi } from 'vitest';
import { StudioError, type OpenedApp, type RecentApp, type StudioInfo } from '../../core/api';
import { fakeApi } from './fakeApi';
import { createRecentStore } from './recentStore';
import { createUiStore } from './uiStore';
import { createWorkspaceStore } from './workspaceStore';

const info: StudioInfo = { host: 'web', version: '0.1.0', platform: 'linux', homeDir: '/home/kari' };
const app = (dir: string, files: OpenedApp['files'] = []): OpenedApp => ({ dir, name: dir.split('/').pop()!, files });

afterEach(() => vi.useRealTimers());

describe('workspace store', () => {
  it('shows the start screen when no app is open, and the shell when the host already has one', async () => {
    const empty = createWorkspaceStore(fakeApi({ 'studio:info': () => info, 'workspace:current': () => null }));
    await empty.getState().init();
    expect(empty.getState()).toMatchObject({ phase: 'start', info, app: null });

    const served = createWorkspaceStore(fakeApi({ 'studio:info': () => info, 'workspace:current': () => app('/a/demo') }));
    await served.getState().init();
    expect(served.getState()).toMatchObject({ phase: 'open', app: { dir: '/a/demo' } });
  });

  it('says why when the host cannot be reached', async () => {
    const store = createWorkspaceStore(
      fakeApi({
        'studio:info': () => {
          throw new StudioError('io', 'The studio host does not answer');
        },
        'workspace:current': () => null,
      }),
    );
    await store.getState().init();
    expect(store.getState()).toMatchObject({ phase: 'unreachable', unreachable: 'The studio host does not answer' });
  });

  it('opens, creates and closes apps, and returns failures with their code', async () => {
    const api = fakeApi({
      'studio:info': () => info,
      'workspace:current': () => null,
      'workspace:open': ({ dir }) => {
        if (dir === '/nope') throw new StudioError('not-an-app', '/nope is not an Altinn app');
        return app(dir);
      },
      'app:create': ({ dir }) => app(dir),
      'workspace:close': () => null,
    });
    const store = createWorkspaceStore(api);
    await store.getState().init();
    expect(await store.getState().open('/nope')).toEqual({ ok: false, error: { code: 'not-an-app', message: '/nope is not an Altinn app' } });
    expect(store.getState().phase).toBe('start');
    expect(await store.getState().open('/a/one')).toEqual({ ok: true });
    expect(store.getState()).toMatchObject({ phase: 'open', app: { dir: '/a/one' } });
    expect(await store.getState().close()).toEqual({ ok: true });
    expect(store.getState()).toMatchObject({ phase: 'start', app: null });
    await store.getState().create({ dir: '/w/new-app', org: 'ttd', name: 'new-app', title: 'New' });
    expect(store.getState().app?.dir).toBe('/w/new-app');
    expect(api.calls.find((c) => c.channel === 'app:create')?.args).toEqual({ dir: '/w/new-app', org: 'ttd', name: 'new-app', title: 'New' });
  });

  it('follows workspace:changed and refreshes the files once after a burst of files:changed', async () => {
    vi.useFakeTimers();
    let listing = 0;
    const api = fakeApi({
      'studio:info': () => info,
      'workspace:current': () => app('/a/demo'),
      'workspace:listFiles': () => {
        listing++;
        return app('/a/demo', [{ path: 'new.json', kind: 'file', size: 2 }]);
      },
    });
    const store = createWorkspaceStore(api, 50);
    await store.getState().init();
    api.emit('files:changed', { dir: '/a/demo', paths: ['a'] });
    api.emit('files:changed', { dir: '/a/demo', paths: ['b'] });
    api.emit('files:changed', { dir: '/other', paths: ['c'] });
    await vi.advanceTimersByTimeAsync(60);
    expect(listing).toBe(1);
    expect(store.getState().app?.files).toEqual([{ path: 'new.json', kind: 'file', size: 2 }]);

    api.emit('workspace:changed', { app: app('/b/second') });
    expect(store.getState().app?.dir).toBe('/b/second');
    api.emit('workspace:changed', { app: null });
    expect(store.getState().phase).toBe('start');
  });

  it('asks again what is open after the event stream reconnects, and stops listening on dispose', async () => {
    let current: OpenedApp | null = null;
    const api = fakeApi({ 'studio:info': () => info, 'workspace:current': () => current });
    const store = createWorkspaceStore(api);
    await store.getState().init();
    current = app('/a/elsewhere');
    api.reconnect();
    await vi.waitFor(() => expect(store.getState().app?.dir).toBe('/a/elsewhere'));
    store.getState().dispose();
    expect(api.listenerCount()).toBe(0);
  });

  it('drops an answer to a reconnect when the app was closed while it was on its way', async () => {
    let answer: (app: OpenedApp | null) => void = () => undefined;
    const api = fakeApi({ 'studio:info': () => info, 'workspace:current': () => new Promise<OpenedApp | null>((resolve) => (answer = resolve)), 'workspace:close': () => null });
    const store = createWorkspaceStore(api);
    const started = store.getState().init();
    answer(app('/a/open'));
    await started;
    expect(store.getState().app?.dir).toBe('/a/open');
    api.reconnect();
    // Closed after the question went out: the late answer (still naming the app) must not reopen it.
    await store.getState().close();
    answer(app('/a/open'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().phase).toBe('start');
  });

  it('drops a late answer to a create when the app was closed after the host said it was open', async () => {
    let created: (app: OpenedApp) => void = () => undefined;
    const api = fakeApi({ 'studio:info': () => info, 'workspace:current': () => null, 'app:create': () => new Promise<OpenedApp>((resolve) => (created = resolve)), 'workspace:close': () => null });
    const store = createWorkspaceStore(api);
    await store.getState().init();
    const creating = store.getState().create({ dir: '/a/new', org: 'ttd', name: 'new', title: 'New' });
    // The host's event shows the app before the answer to the request arrives; the person closes it.
    api.emit('workspace:changed', { app: app('/a/new') });
    expect(store.getState().phase).toBe('open');
    await store.getState().close();
    created(app('/a/new'));
    expect(await creating).toEqual({ ok: true });
    expect(store.getState().phase).toBe('start');
  });
});

describe('recent store', () => {
  it('loads the list and forgets an entry; a failure keeps the list', async () => {
    const recent = [{ dir: '/a', name: 'a', openedAt: '2026-01-01T00:00:00Z', available: false }];
    const api = fakeApi({ 'recent:list': () => recent, 'recent:forget': () => [] });
    const store = createRecentStore(api);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ status: 'ready', items: recent });
    expect(await store.getState().forget('/a')).toEqual({ ok: true });
    expect(store.getState().items).toEqual([]);

    const failing = createRecentStore(fakeApi({}));
    await failing.getState().load();
    expect(failing.getState()).toMatchObject({ status: 'failed', error: 'no handler for recent:list' });
  });

  it('keeps the newest list when an earlier answer arrives after it', async () => {
    const answers: ((items: RecentApp[]) => void)[] = [];
    const store = createRecentStore(fakeApi({ 'recent:list': () => new Promise<RecentApp[]>((resolve) => answers.push(resolve)) }));
    const first = store.getState().load();
    const second = store.getState().load();
    const fresh = [{ dir: '/a/new', name: 'new', openedAt: '2026-01-02T00:00:00Z', available: true }];
    answers[1]!(fresh);
    await second;
    answers[0]!([]);
    await first;
    expect(store.getState()).toMatchObject({ status: 'ready', items: fresh });
  });
});

describe('ui store', () => {
  it('starts in the browser language and keeps a chosen language', () => {
    const saved: Record<string, string> = {};
    const storage = { getItem: (k: string) => saved[k] ?? null, setItem: (k: string, v: string) => void (saved[k] = v) };
    const first = createUiStore({ storage, navigatorLanguages: ['nb-NO'] });
    expect(first.getState().language).toBe('nb');
    first.getState().setLanguage('en');
    expect(saved['studio.language']).toBe('en');
    expect(createUiStore({ storage, navigatorLanguages: ['nb-NO'] }).getState().language).toBe('en');
    expect(createUiStore({ storage: null, navigatorLanguages: ['de'] }).getState().language).toBe('en');
  });
});
