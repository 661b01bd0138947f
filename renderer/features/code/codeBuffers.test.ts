import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backedUpPaths, backupKey, createCodeBuffers, isUnsaved, readBackup } from './codeBuffers';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

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

  it('writes pending backups at once when the page goes away', () => {
    const storage = memoryStorage();
    let leave: () => void = () => undefined;
    const store = createCodeBuffers('/apps/a', { storage, backupDelayMs: 1000, now: () => 7, onLeave: (flush) => (leave = flush) });
    store.getState().openFile('a.json', '{}');
    store.getState().update('a.json', { text: '{"typed": tru' });
    expect(storage.map.size).toBe(0);
    leave();
    expect(readBackup(storage, '/apps/a', 'a.json')).toEqual({ text: '{"typed": tru', base: '{}', savedAt: 7 });
  });

  it('keeps an unsaved buffer when its tab closes, and backs it up throttled', () => {
    const storage = memoryStorage();
    const store = createCodeBuffers('/apps/a', { storage, backupDelayMs: 1000, now: () => 42 });
    store.getState().openFile('a.json', '{}');
    store.getState().update('a.json', { text: '{' });
    store.getState().update('a.json', { text: '{x' });
    expect(storage.map.size).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(readBackup(storage, '/apps/a', 'a.json')).toEqual({ text: '{x', base: '{}', savedAt: 42 });
    store.getState().close('a.json');
    expect(isUnsaved(store.getState().buffers.get('a.json')!)).toBe(true);
    // Saved: the backup goes at once.
    store.getState().update('a.json', { text: '{}' });
    expect(storage.map.has(backupKey('/apps/a', 'a.json'))).toBe(false);
  });

  it('restores a backup on the next open, with its time', () => {
    const storage = memoryStorage();
    storage.setItem(backupKey('/apps/a', 'a.json'), JSON.stringify({ text: '{"a": ', base: '{}', savedAt: 7 }));
    storage.setItem(backupKey('/apps/b', 'a.json'), JSON.stringify({ text: 'other app', base: '', savedAt: 7 }));
    expect(backedUpPaths(storage, '/apps/a')).toEqual(['a.json']);
    const store = createCodeBuffers('/apps/a', { storage });
    store.getState().openFile('a.json', '{}');
    expect(store.getState().buffers.get('a.json')).toMatchObject({ text: '{"a": ', base: '{}', restoredAt: 7 });
  });

  it('ignores a backup equal to the file', () => {
    const storage = memoryStorage();
    storage.setItem(backupKey('/apps/a', 'a.json'), JSON.stringify({ text: '{}', base: '{}', savedAt: 7 }));
    const store = createCodeBuffers('/apps/a', { storage });
    store.getState().openFile('a.json', '{}');
    expect(store.getState().buffers.get('a.json')?.restoredAt).toBeNull();
  });
});
