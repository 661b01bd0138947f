import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  beginGesture,
  cancelGestureStep,
  emptyHistory,
  endGesture,
  recordChange,
  redoLabel,
  redoStep,
  undoLabel,
  undoStep,
  type FileChanges,
  type History,
  type HistoryStep,
} from './history';

/** Files in memory with a history, changed the way the document store changes them. */
class Files {
  texts = new Map<string, string>();
  history: History<string> = emptyHistory<string>();
  constructor(initial: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(initial)) this.texts.set(path, text);
  }
  readonly current = (path: string) => this.texts.get(path) ?? null;
  write(changes: FileChanges) {
    for (const [path, text] of changes) {
      if (text === null) this.texts.delete(path);
      else this.texts.set(path, text);
    }
  }
  edit(changes: Record<string, string | null>, label = 'edit', mergeKey?: string) {
    const map = new Map(Object.entries(changes));
    this.history = recordChange(this.history, this.current, map, label, mergeKey);
    this.write(map);
  }
  undo() {
    return this.take(undoStep(this.history, this.current));
  }
  redo() {
    return this.take(redoStep(this.history, this.current));
  }
  take(step: HistoryStep<string>) {
    if (step.ok) {
      this.write(step.changes);
      this.history = step.history;
    }
    return step;
  }
  snapshot() {
    return new Map(this.texts);
  }
}

describe('history', () => {
  it('undoes and redoes edits across files, creating and deleting files byte for byte', () => {
    const files = new Files({ 'a.json': '{"a":1}\r\n', 'b.json': 'b' });
    files.edit({ 'a.json': '{"a":2}\r\n', 'c.json': 'new' }, 'Move Input');
    files.edit({ 'b.json': null }, 'Delete page');
    expect(undoLabel(files.history)).toBe('Delete page');
    files.undo();
    expect(files.snapshot()).toEqual(new Map([['a.json', '{"a":2}\r\n'], ['b.json', 'b'], ['c.json', 'new']]));
    files.undo();
    expect(files.snapshot()).toEqual(new Map([['a.json', '{"a":1}\r\n'], ['b.json', 'b']]));
    expect(undoStep(files.history, files.current)).toEqual({ ok: false, reason: 'empty' });
    expect(redoLabel(files.history)).toBe('Move Input');
    files.redo();
    files.redo();
    expect(files.snapshot()).toEqual(new Map([['a.json', '{"a":2}\r\n'], ['c.json', 'new']]));
  });

  it('merges a gesture into one entry named after the gesture', () => {
    const files = new Files({ 'p.json': '0' });
    files.history = beginGesture(files.history, 'Move Input');
    files.edit({ 'p.json': '1' }, 'step');
    files.edit({ 'p.json': '2', 'q.json': 'x' }, 'step');
    files.history = endGesture(files.history);
    files.edit({ 'p.json': '3' }, 'after');
    expect(files.history.undo.map((e) => e.label)).toEqual(['Move Input', 'after']);
    files.undo();
    files.undo();
    expect(files.snapshot()).toEqual(new Map([['p.json', '0']]));
  });

  it('merges a typing burst with one merge key, and starts anew after another edit or an undo', () => {
    const files = new Files({ 'p.json': '' });
    for (const text of ['H', 'He', 'Hey']) files.edit({ 'p.json': text }, 'Edit title', 'title');
    files.edit({ 'p.json': 'Hey!' }, 'Other');
    files.edit({ 'p.json': 'Hey!?' }, 'Edit title', 'title');
    expect(files.history.undo.map((e) => [...e.after.values()])).toEqual([['Hey'], ['Hey!'], ['Hey!?']]);
    files.undo();
    files.edit({ 'p.json': 'Hey!.' }, 'Edit title', 'title');
    expect(files.history.undo).toHaveLength(3);
  });

  it('drops the redo branch on a new edit, but not on an edit that changes nothing', () => {
    const files = new Files({ 'a': '1' });
    files.edit({ a: '2' });
    files.undo();
    files.edit({ a: '1' });
    expect(files.history.redo).toHaveLength(1);
    files.edit({ a: '3' });
    expect(files.history.redo).toHaveLength(0);
  });

  it('refuses to undo over a file changed outside since, and keeps the entry', () => {
    const files = new Files({ 'a': '1', 'b': '1' });
    files.edit({ a: '2', b: '2' }, 'Move');
    files.texts.set('b', 'typed elsewhere');
    const step = files.undo();
    expect(step).toMatchObject({ ok: false, reason: 'changed', paths: ['b'] });
    expect(files.texts.get('a')).toBe('2');
    expect(files.history.undo).toHaveLength(1);
  });

  it('refuses to redo over a file changed since the undo', () => {
    const files = new Files({ 'a': '1' });
    files.edit({ a: '2' });
    files.undo();
    files.texts.delete('a');
    expect(files.redo()).toMatchObject({ ok: false, reason: 'changed', paths: ['a'] });
  });

  it('cancels a gesture as if it never started', () => {
    const files = new Files({ 'a': '1' });
    files.edit({ a: '2' }, 'before');
    files.history = beginGesture(files.history, 'Drag');
    files.edit({ a: '3', b: 'new' });
    expect(files.take(cancelGestureStep(files.history, files.current)).ok).toBe(true);
    expect(files.snapshot()).toEqual(new Map([['a', '2']]));
    expect(files.history.undo.map((e) => e.label)).toEqual(['before']);
    expect(files.history.redo).toEqual([]);
    expect(files.history.gesture).toBeNull();
  });

  it('drops an entry whose changes cancel out', () => {
    const files = new Files({ 'a': 'x' });
    files.edit({ a: 'xy' }, 'Type', 'k');
    files.edit({ a: 'x' }, 'Type', 'k');
    expect(files.history.undo).toEqual([]);
  });

  it('undo-all restores every file byte for byte and redo-all restores the end state (property)', () => {
    const path = fc.constantFrom('App/ui/a.json', 'App/ui/b.json', 'App/config/texts/resource.nb.json', 'x\\y.json', 'new.json');
    const text = fc.option(fc.string({ maxLength: 6, unit: fc.constantFrom('a', '{', '\r', '\n', 'æ', '\u{1F600}') }), { nil: null });
    const change = fc.dictionary(path, text, { minKeys: 1, maxKeys: 3 });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), change, mergeKey: fc.option(fc.constantFrom('k1', 'k2'), { nil: undefined }) }),
      fc.constant({ kind: 'begin' as const }),
      fc.constant({ kind: 'end' as const }),
      fc.constant({ kind: 'undo' as const }),
    );
    fc.assert(
      fc.property(fc.dictionary(path, fc.string({ maxLength: 4 })), fc.array(step, { maxLength: 30 }), (initial, steps) => {
        const files = new Files(initial);
        for (const s of steps) {
          if (s.kind === 'edit') files.edit(s.change, 'edit', s.mergeKey);
          else if (s.kind === 'begin') files.history = beginGesture(files.history, 'gesture');
          else if (s.kind === 'end') files.history = endGesture(files.history);
          else files.undo();
        }
        const end = files.snapshot();
        const entries = files.history.undo.length;
        for (let i = 0; i < entries; i++) expect(files.undo().ok).toBe(true);
        expect(files.snapshot()).toEqual(new Map(Object.entries(initial)));
        for (let i = 0; i < entries; i++) expect(files.redo().ok).toBe(true);
        expect(files.snapshot()).toEqual(end);
      }),
    );
  });
});
