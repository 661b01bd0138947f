import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CodeBackup } from '../../../core/api';
import { createCodeBuffers, isUnsaved } from './codeBuffers';

/** Backups held in memory, as the host keeps them; every call is recorded in order. */
function memoryBackups(initial: CodeBackup[] = []) {
  const map = new Map(initial.map((b) => [b.path, b]));
  const calls: string[] = [];
  let savedAt = 40;
  return {
    map,
    calls,
    list: async () => [...map.values()],
    write: async (path: string, text: string, base: string | null) => {
      calls.push(`write ${path}`);
      map.set(path, { path, text, base, savedAt: ++savedAt });
    },
    remove: async (path: string) => {
      calls.push(`remove ${path}`);
      map.delete(path);
    },
  };
}

/** Lets the store read the backups and settle its queued writes. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('code buffers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds a buffer without a tab (the split view) and lets it go when it is saved and has no tab', () => {
    const store = createCodeBuffers('/apps/a', { storage: null });
    store.getState().hold('p.json', '{}');
    expect(store.getState().open).toEqual([]);
    expect(store.getState().buffers.get('p.json')?.text).toBe('{}');
    store.getState().openFile('p.json', '{}');
    store.getState().close('p.json');
    expect(store.getState().buffers.has('p.json')).toBe(true);
    store.getState().update('p.json', { text: '{ }' });
    store.getState().release('p.json');
    expect(store.getState().buffers.has('p.json')).toBe(true);
    store.getState().hold('p.json', '{}');
    store.getState().update('p.json', { text: '{}' });
    store.getState().release('p.json');
    expect(store.getState().held).toEqual([]);
    expect(store.getState().buffers.has('p.json')).toBe(false);
  });

  it('opens files as tabs and closes them to the neighbour', () => {
    const store = createCodeBuffers('/apps/a', { storage: null });
    store.getState().openFile('a.json', '{}');
    store.getState().openFile('b.json', '[]');
    store.getState().openFile('a.json', '{}');
    expect(store.getState().open).toEqual(['a.json', 'b.json']);
    expect(store.getState().active).toBe('a.json');
    store.getState().close('a.json');
    expect(store.getState().open).toEqual(['b.json']);
    expect(store.getState().active).toBe('b.json');
    expect(store.getState().buffers.has('a.json')).toBe(false);
  });

  it('writes pending backups at once when the page goes away', async () => {
    const storage = memoryBackups();
    let leave: () => void = () => undefined;
    const store = createCodeBuffers('/apps/a', { storage, backupDelayMs: 1000, onLeave: (flush) => (leave = flush) });
    await settle();
    store.getState().openFile('a.json', '{}');
    store.getState().update('a.json', { text: '{"typed": tru' });
    await settle();
    expect(storage.map.size).toBe(0);
    leave();
    await settle();
    expect(storage.map.get('a.json')).toMatchObject({ text: '{"typed": tru', base: '{}' });
  });

  it('keeps an unsaved buffer when its tab closes, backs it up throttled, and drops the backup once saved', async () => {
    const storage = memoryBackups();
    const store = createCodeBuffers('/apps/a', { storage, backupDelayMs: 1000 });
    await settle();
    store.getState().openFile('a.json', '{}');
    store.getState().update('a.json', { text: '{' });
    store.getState().update('a.json', { text: '{x' });
    await settle();
    expect(storage.map.size).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.map.get('a.json')).toMatchObject({ text: '{x', base: '{}' });
    store.getState().close('a.json');
    expect(isUnsaved(store.getState().buffers.get('a.json')!)).toBe(true);
    store.getState().update('a.json', { text: '{}' });
    await settle();
    expect(storage.map.has('a.json')).toBe(false);
    expect(storage.calls).toEqual(['write a.json', 'remove a.json']);
  });

  it('restores a backup when its file opens, with its time, and knows it only once', async () => {
    const storage = memoryBackups([{ path: 'a.json', text: '{"a": ', base: '{}', savedAt: 7 }]);
    const store = createCodeBuffers('/apps/a', { storage });
    expect(store.getState().loaded).toBe(false);
    await settle();
    expect(store.getState().loaded).toBe(true);
    expect([...store.getState().restorable.keys()]).toEqual(['a.json']);
    store.getState().openFile('a.json', '{}');
    expect(store.getState().buffers.get('a.json')).toMatchObject({ text: '{"a": ', base: '{}', conflict: null, restoredAt: 7 });
    expect(store.getState().restorable.size).toBe(0);
  });

  it('asks when the file changed since its backup was made', async () => {
    const storage = memoryBackups([{ path: 'a.json', text: '{"mine": 1}', base: '{}', savedAt: 7 }]);
    const store = createCodeBuffers('/apps/a', { storage });
    await settle();
    store.getState().hold('a.json', '{"theirs": 2}');
    expect(store.getState().buffers.get('a.json')).toMatchObject({ text: '{"mine": 1}', base: '{"theirs": 2}', conflict: { text: '{"theirs": 2}' }, restoredAt: 7 });
  });

  it('drops a backup equal to the file when the file opens', async () => {
    const storage = memoryBackups([{ path: 'a.json', text: '{}', base: '{ }', savedAt: 7 }]);
    const store = createCodeBuffers('/apps/a', { storage });
    await settle();
    store.getState().openFile('a.json', '{}');
    expect(store.getState().buffers.get('a.json')?.restoredAt).toBeNull();
    await settle();
    expect(storage.calls).toEqual(['remove a.json']);
  });

  it('writes and removes one path in the order asked, even when the host answers late', async () => {
    const storage = memoryBackups();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const slow = { ...storage, write: (path: string, text: string, base: string | null) => new Promise<void>((resolve) => (release = () => void storage.write(path, text, base).then(resolve))).then(() => void order.push('write')), remove: (path: string) => storage.remove(path).then(() => void order.push('remove')) };
    const store = createCodeBuffers('/apps/a', { storage: slow, backupDelayMs: 10 });
    await settle();
    store.getState().openFile('a.json', '{}');
    store.getState().update('a.json', { text: '{x' });
    await vi.advanceTimersByTimeAsync(10);
    store.getState().update('a.json', { text: '{}' });
    await settle();
    expect(order).toEqual([]);
    release();
    await settle();
    expect(order).toEqual(['write', 'remove']);
    expect(storage.map.size).toBe(0);
  });
});
