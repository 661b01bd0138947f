import { describe, expect, it, vi } from 'vitest';
import { StudioError, type FileEntry } from '../../core/api';
import { memoryFileSource } from '../../core/app/fileSource';
import { apiFileSource } from './apiFileSource';
import { createAppDocumentStore } from './appDocumentStore';
import { fakeApi } from './fakeApi';

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

describe('app document store', () => {
  it('reads the overview when created, opens the App folder, and reads again after new files', async () => {
    vi.useFakeTimers();
    const reads: string[][] = [];
    const source = (list: readonly FileEntry[]) => {
      reads.push(list.map((f) => f.path));
      return memoryFileSource(contents);
    };
    const store = createAppDocumentStore({ dir: '/a/demo', name: 'demo', files }, { sourceFor: source, reloadDelayMs: 20 });
    await vi.waitFor(() => expect(store.getState().overviewStatus).toBe('ready'));
    expect(store.getState().overview).toMatchObject({ appId: 'ttd/demo', languages: ['nb'] });
    expect([...store.getState().expanded]).toEqual(['App']);

    store.getState().setFiles([...files, { path: 'x.json', kind: 'file', size: 1 }]);
    store.getState().setFiles([...files, { path: 'y.json', kind: 'file', size: 1 }]);
    await vi.advanceTimersByTimeAsync(30);
    expect(reads).toHaveLength(2);
    expect(reads[1]).toContain('y.json');
    vi.useRealTimers();
  });

  it('opens, closes and selects tree entries', () => {
    const store = createAppDocumentStore({ dir: '/a', name: 'a', files }, { sourceFor: () => memoryFileSource(contents) });
    store.getState().toggleFolder('App/config');
    store.getState().toggleFolder('App', false);
    store.getState().select('App/config');
    expect([...store.getState().expanded]).toEqual(['App/config']);
    expect(store.getState().selectedPath).toBe('App/config');
  });

  it('shows a failure instead of crashing when reading throws', async () => {
    const store = createAppDocumentStore(
      { dir: '/a', name: 'a', files },
      {
        sourceFor: () => {
          throw new Error('the host went away');
        },
      },
    );
    await vi.waitFor(() => expect(store.getState().overviewStatus).toBe('failed'));
    expect(store.getState().overviewError).toBe('the host went away');
  });
});
