import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { StudioError, type FileChange, type FileEntry } from '../../core/api';
import { memoryFileSource } from '../../core/app/fileSource';
import { apiFileSource } from './apiFileSource';
import { createAppDocumentStore } from './appDocumentStore';
import { fakeApi, type FakeApi } from './fakeApi';

const contents: Record<string, string> = {
  'App/config/applicationmetadata.json': '{"id": "ttd/demo", "org": "ttd", "title": {"nb": "Demo"}, "dataTypes": []}',
  'App/config/texts/resource.nb.json': '{"language": "nb", "resources": []}',
  'App/ui/layout-sets.json': '{"sets": []}',
};
const files: readonly FileEntry[] = memoryFileSource(contents).files;

describe('apiFileSource', () => {
  it('reads the files asked for in one tick with one readFiles request', async () => {
    const api = fakeApi({ 'workspace:readFiles': ({ paths }) => paths.map((path) => ({ path, content: contents[path]! })) });
    const source = apiFileSource(api, files);
    const texts = await Promise.all(Object.keys(contents).map((p) => source.read(p)));
    expect(texts).toEqual(Object.values(contents));
    expect(api.calls.map((c) => c.channel)).toEqual(['workspace:readFiles']);
  });

  it('falls back to single reads so only the missing file fails', async () => {
    const api = fakeApi({
      'workspace:readFiles': () => {
        throw new StudioError('not-found', 'one is missing');
      },
      'workspace:readFile': ({ path }) => {
        if (!(path in contents)) throw new StudioError('not-found', `"${path}" does not exist in the open app`);
        return { path, content: contents[path]! };
      },
    });
    const source = apiFileSource(api, files);
    const [ok, gone] = await Promise.allSettled([source.read('App/ui/layout-sets.json'), source.read('gone.json')]);
    expect(ok).toEqual({ status: 'fulfilled', value: '{"sets": []}' });
    expect(gone).toMatchObject({ status: 'rejected', reason: { code: 'not-found' } });
  });
});

const layout = 'App/ui/layouts/Side1.json';
const page = '{\n  "data": {\n    "layout": []\n  }\n}\n';
const label = { key: 'edit.undo' } as const;

/** An app on a fake disk behind a fake API; `failWrites` makes applyChanges fail. */
function openApp(initial: Record<string, string> = { ...contents, [layout]: page }) {
  const disk = new Map(Object.entries(initial));
  const writes: FileChange[][] = [];
  const control = { failWrites: false, hold: null as Promise<void> | null };
  const api: FakeApi = fakeApi({
    'workspace:readFiles': ({ paths }) =>
      paths.map((path) => {
        const content = disk.get(path);
        if (content === undefined) throw new StudioError('not-found', `"${path}" does not exist in the open app`);
        return { path, content };
      }),
    'workspace:readFile': ({ path }) => {
      const content = disk.get(path);
      if (content === undefined) throw new StudioError('not-found', `"${path}" does not exist in the open app`);
      return { path, content };
    },
    'workspace:applyChanges': async ({ changes }) => {
      writes.push(changes);
      if (control.hold) await control.hold;
      if (control.failWrites) throw new StudioError('io', 'The disk is full');
      for (const c of changes) {
        if (c.content === null) disk.delete(c.path);
        else disk.set(c.path, c.content);
      }
      api.emit('files:changed', { dir: '/a/demo', paths: changes.map((c) => c.path) });
      return null;
    },
  });
  const store = createAppDocumentStore({ dir: '/a/demo', name: 'demo', files: memoryFileSource(initial).files }, { api, overviewDelayMs: 0 });
  const stop = store.getState().watchFiles();
  return { store, disk, writes, control, api, stop };
}

const ready = async (store: ReturnType<typeof openApp>['store']) => {
  await store.getState().settled();
  expect(store.getState().overviewStatus).toBe('ready');
};

describe('app document store', () => {
  it('reads the model once when created, projects the overview from it, and opens the App folder', async () => {
    const { store, api } = openApp();
    await ready(store);
    expect(store.getState().model?.texts.get(layout)).toBe(page);
    expect(store.getState().overview).toMatchObject({ appId: 'ttd/demo', languages: ['nb'] });
    expect([...store.getState().expanded]).toEqual(['App']);
    store.getState().setFiles([...files, { path: 'x.json', kind: 'file', size: 1 }]);
    expect(store.getState().files.map((f) => f.path)).toContain('x.json');
    expect(api.calls.filter((c) => c.channel === 'workspace:readFiles')).toHaveLength(1);
  });

  it('applies an edit to the model at once, writes it through the API, and marks the file changed', async () => {
    const { store, disk, writes } = openApp();
    await ready(store);
    const edited = page.replace('[]', '[{"id": "a", "type": "Input"}]');
    const overview = store.getState().overview;
    const model = await store.getState().apply(new Map([[layout, edited], ['App/ui/layouts/Side2.json', page]]), label);
    expect(model.texts.get(layout)).toBe(edited);
    expect(store.getState().model).toBe(model);
    expect(model.filePaths).toContain('App/ui/layouts/Side2.json');
    expect(store.getState().files.map((f) => f.path)).toContain('App/ui/layouts/Side2.json');
    expect([...store.getState().changedInSession]).toEqual([layout, 'App/ui/layouts/Side2.json']);
    await store.getState().settled();
    expect(writes).toEqual([[{ path: layout, content: edited }, { path: 'App/ui/layouts/Side2.json', content: page }]]);
    expect(disk.get(layout)).toBe(edited);
    // The overview is projected again from the edited model.
    await vi.waitFor(() => expect(store.getState().overview).not.toBe(overview));
  });

  it('applies a large code edit in tasks of its own (build, then the views); the check and overview follow the newest model', async () => {
    const { store, disk, writes } = openApp();
    await ready(store);
    const big = `{"data": {"layout": [${Array.from({ length: 6000 }, (_, i) => `{"id": "field${i}", "type": "Input", "textResourceBindings": {"title": "t"}}`).join(', ')}]}}`;
    expect(big.length).toBeGreaterThan(256 * 1024);
    const overview = store.getState().overview;
    const first = store.getState().apply(new Map([[layout, big]]), label);
    // The model is built, and the write starts, in a later task; the views follow in the one after.
    expect(writes).toHaveLength(0);
    expect(store.getState().model?.texts.get(layout)).toBe(page);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(writes).toHaveLength(1);
    expect(store.getState().model?.texts.get(layout)).toBe(page);
    const next = big.replace('field0', 'field0x');
    const second = store.getState().apply(new Map([[layout, next]]), label);
    expect((await first).texts.get(layout)).toBe(big);
    const secondModel = await second;
    expect(store.getState().model).toBe(secondModel);
    expect(store.getState().model?.texts.get(layout)).toBe(next);
    await store.getState().settled();
    expect(disk.get(layout)).toBe(next);
    expect(store.getState().check?.model).toBe(secondModel);
    expect(store.getState().overview).not.toBe(overview);
  });

  it('keeps one write in flight and sends what was queued meanwhile next, in order', async () => {
    const { store, writes, control, disk } = openApp();
    await ready(store);
    let release!: () => void;
    control.hold = new Promise((resolve) => (release = resolve));
    await store.getState().apply(new Map([[layout, 'one']]), label);
    await store.getState().apply(new Map([[layout, 'two'], ['b.json', 'b']]), label);
    await store.getState().apply(new Map([[layout, 'three']]), label);
    expect(writes).toHaveLength(1);
    expect(store.getState().save).toMatchObject({ saving: true, unsaved: [layout, 'b.json'] });
    control.hold = null;
    release();
    await store.getState().settled();
    expect(writes).toEqual([[{ path: layout, content: 'one' }], [{ path: 'b.json', content: 'b' }, { path: layout, content: 'three' }]]);
    expect(disk.get(layout)).toBe('three');
    expect(store.getState().save).toEqual({ saving: false, error: null, unsaved: [] });
  });

  it('keeps the edit in the model when a write fails, says why, and writes it on retry', async () => {
    const { store, control, disk } = openApp();
    await ready(store);
    control.failWrites = true;
    await store.getState().apply(new Map([[layout, 'kept']]), label);
    await store.getState().settled();
    expect(store.getState().save).toEqual({ saving: false, error: 'The disk is full', unsaved: [layout] });
    expect(store.getState().model?.texts.get(layout)).toBe('kept');
    await store.getState().apply(new Map([['App/ui/layouts/Side1.json', 'kept too']]), label);
    await store.getState().settled();
    expect(disk.get(layout)).toBe(page);
    control.failWrites = false;
    store.getState().retrySave();
    await store.getState().settled();
    expect(disk.get(layout)).toBe('kept too');
    expect(store.getState().save.error).toBeNull();
  });

  it('takes external changes of the named paths into the model, deleted files leaving it', async () => {
    const { store, disk, api } = openApp();
    await ready(store);
    const reads = api.calls.length;
    const outside = page.replace('[]', '[{"id": "x", "type": "Paragraph"}]');
    disk.set(layout, outside);
    disk.delete('App/ui/layout-sets.json');
    disk.set('App/ui/layouts/New.json', page);
    api.emit('files:changed', { dir: '/a/demo', paths: [layout, 'App/ui/layout-sets.json', 'App/ui/layouts/New.json'] });
    await vi.waitFor(() => expect(store.getState().model?.texts.get(layout)).toBe(outside));
    await store.getState().settled();
    const model = store.getState().model!;
    expect(model.texts.has('App/ui/layout-sets.json')).toBe(false);
    expect(model.filePaths).toContain('App/ui/layouts/New.json');
    expect(store.getState().files.map((f) => f.path)).not.toContain('App/ui/layout-sets.json');
    expect(store.getState().changedInSession.size).toBe(0);
    // Only the named paths were read (one by one after the batch, since one is gone).
    const read = api.calls.slice(reads).flatMap((c) => {
      const args = c.args as { path?: string; paths?: string[] };
      return args.paths ?? [args.path!];
    });
    expect(new Set(read)).toEqual(new Set([layout, 'App/ui/layout-sets.json', 'App/ui/layouts/New.json']));
  });

  it('ignores its own writes coming back, and events of other apps', async () => {
    const { store, api } = openApp();
    await ready(store);
    const readCount = () => api.calls.filter((c) => c.channel === 'workspace:readFiles' || c.channel === 'workspace:readFile').length;
    await store.getState().apply(new Map([[layout, 'mine']]), label);
    await store.getState().settled();
    // The event came while the write was in flight: nothing to read.
    expect(readCount()).toBe(1);
    const model = store.getState().model;
    // The same event after the write: read, equal to the model, ignored.
    api.emit('files:changed', { dir: '/a/demo', paths: [layout] });
    await vi.waitFor(() => expect(readCount()).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await store.getState().settled();
    expect(store.getState().model).toBe(model);
    api.emit('files:changed', { dir: '/elsewhere', paths: [layout] });
    expect(readCount()).toBe(2);
  });

  it('undoes and redoes through the same writes, and survives as store state', async () => {
    const { store, disk } = openApp();
    await ready(store);
    store.getState().beginGesture({ key: 'edit.undo', params: { action: 'drag' } });
    void store.getState().apply(new Map([[layout, 'a']]), label);
    void store.getState().apply(new Map([[layout, 'b'], ['c.json', 'c']]), label);
    store.getState().endGesture();
    await store.getState().settled();
    expect(store.getState().history.undo).toHaveLength(1);
    expect(await store.getState().undo()).toMatchObject({ ok: true });
    await store.getState().settled();
    expect(disk.get(layout)).toBe(page);
    expect(disk.has('c.json')).toBe(false);
    expect(store.getState().model?.texts.get(layout)).toBe(page);
    await store.getState().redo();
    await store.getState().settled();
    expect(disk.get(layout)).toBe('b');
    expect(disk.get('c.json')).toBe('c');
  });

  it('refuses an undo over a file changed outside, and says so', async () => {
    const { store, disk, api } = openApp();
    await ready(store);
    await store.getState().apply(new Map([[layout, 'mine']]), { key: 'edit.undo' });
    await store.getState().settled();
    disk.set(layout, 'theirs');
    api.emit('files:changed', { dir: '/a/demo', paths: [layout] });
    await vi.waitFor(() => expect(store.getState().model?.texts.get(layout)).toBe('theirs'));
    const result = await store.getState().undo();
    expect(result).toMatchObject({ ok: false, reason: 'changed', paths: [layout] });
    expect(store.getState().historyNotice).toEqual({ action: 'undo', label: { key: 'edit.undo' }, paths: [layout] });
    expect(disk.get(layout)).toBe('theirs');
    store.getState().dismissHistoryNotice();
    expect(store.getState().historyNotice).toBeNull();
  });

  it('refuses edits before the app is read, and shows a failure to read', async () => {
    const store = createAppDocumentStore(
      { dir: '/a', name: 'a', files },
      {
        api: fakeApi({}),
        sourceFor: () => {
          throw new Error('the host went away');
        },
      },
    );
    await expect(store.getState().apply(new Map([['a', 'b']]), label)).rejects.toThrow('still being read');
    await store.getState().settled();
    expect(store.getState().overviewStatus).toBe('failed');
    expect(store.getState().overviewError).toBe('the host went away');
  });

  it('opens, closes and selects tree entries', () => {
    const store = createAppDocumentStore({ dir: '/a', name: 'a', files }, { api: fakeApi({}), sourceFor: () => memoryFileSource(contents) });
    store.getState().toggleFolder('App/config');
    store.getState().toggleFolder('App', false);
    store.getState().select('App/config');
    expect([...store.getState().expanded]).toEqual(['App/config']);
    expect(store.getState().selectedPath).toBe('App/config');
  });

  it('undo-all through the store puts every file on disk back byte for byte, redo-all gives the end state (property)', async () => {
    const path = fc.constantFrom(layout, 'App/ui/layouts/Side2.json', 'App/config/texts/resource.nb.json', 'notes.txt');
    const text = fc.option(fc.constantFrom(page, '{\r\n}', '{"data": {"layout": [{"id": "æ"}]}}', 'plain\n'), { nil: null });
    const edit = fc.record({ change: fc.dictionary(path, text, { minKeys: 1, maxKeys: 3 }), gesture: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
        const { store, disk, stop } = openApp();
        await ready(store);
        const initial = new Map(disk);
        for (const { change, gesture } of edits) {
          if (gesture) store.getState().beginGesture(label);
          void store.getState().apply(new Map(Object.entries(change)), label);
          if (gesture) store.getState().endGesture();
        }
        await store.getState().settled();
        const end = new Map(disk);
        const entries = store.getState().history.undo.length;
        for (let i = 0; i < entries; i++) expect((await store.getState().undo()).ok).toBe(true);
        await store.getState().settled();
        expect(disk).toEqual(initial);
        for (let i = 0; i < entries; i++) expect((await store.getState().redo()).ok).toBe(true);
        await store.getState().settled();
        expect(disk).toEqual(end);
        stop();
      }),
      { numRuns: 40 },
    );
  });
});
