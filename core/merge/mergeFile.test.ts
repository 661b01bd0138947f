import { describe, expect, it } from 'vitest';
import { mergeFile, resolveConflict } from './mergeFile';

const layoutPath = 'App/ui/form/layouts/Side1.json';
const textPath = 'App/config/texts/resource.nb.json';

/** A layout page in the two-space style Studio writes. */
function layout(components: object[], indent: string | number = 2, eol = '\n'): string {
  const body = { $schema: 'https://altinncdn.no/toolkits/altinn-app-frontend/4/schemas/json/layout/layout.schema.v1.json', data: { layout: components } };
  return JSON.stringify(body, null, indent).replace(/\n/g, eol) + eol;
}

const name = { id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'person.name' }, textResourceBindings: { title: 'name.title' }, required: true };
const age = { id: 'age', type: 'Input', dataModelBindings: { simpleBinding: 'person.age' }, textResourceBindings: { title: 'age.title' } };
const intro = { id: 'intro', type: 'Paragraph', textResourceBindings: { title: 'intro' } };
const base = layout([intro, name, age]);

function texts(resources: object[], indent: string | number = 2): string {
  return JSON.stringify({ language: 'nb', resources }, null, indent) + '\n';
}

describe('layouts', () => {
  it('merges edits of different components of one page with no conflict', () => {
    const ours = layout([intro, { ...name, readOnly: true }, age]);
    const theirs = layout([intro, name, { ...age, textResourceBindings: { title: 'age.title2' } }]);
    const result = mergeFile(layoutPath, base, ours, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(layout([intro, { ...name, readOnly: true }, { ...age, textResourceBindings: { title: 'age.title2' } }]));
  });

  it('merges different properties of the same component', () => {
    const ours = layout([intro, { ...name, readOnly: true }, age]);
    const theirs = layout([intro, { ...name, required: false }, age]);
    const result = mergeFile(layoutPath, base, ours, theirs);
    expect(result.conflicts).toEqual([]);
    expect(JSON.parse(result.text!).data.layout[1]).toEqual({ ...name, readOnly: true, required: false });
  });

  it('conflicts exactly at a property both changed, keeping ours until resolved', () => {
    const ours = layout([intro, { ...name, textResourceBindings: { title: 'mine' } }, age]);
    const theirs = layout([intro, { ...name, textResourceBindings: { title: 'theirs' }, readOnly: true }, age]);
    const result = mergeFile(layoutPath, base, ours, theirs);
    expect(result.conflicts).toHaveLength(1);
    const [conflict] = result.conflicts;
    expect(conflict).toMatchObject({
      file: layoutPath,
      kind: 'value',
      where: { componentId: 'name', property: ['textResourceBindings', 'title'], path: 'data.layout[id=name].textResourceBindings.title' },
      base: 'name.title',
      ours: 'mine',
      theirs: 'theirs',
    });
    expect(conflict!.description).toContain('"textResourceBindings.title" of component "name"');
    expect(JSON.parse(result.text!).data.layout[1]).toEqual({ ...name, textResourceBindings: { title: 'mine' }, readOnly: true });

    const resolved = resolveConflict(result, conflict!.id, 'theirs');
    expect(resolved.conflicts).toEqual([]);
    expect(resolved.text).toBe(theirs);
    const edited = resolveConflict(result, conflict!.id, { value: 'both' });
    expect(JSON.parse(edited.text!).data.layout[1].textResourceBindings.title).toBe('both');
  });

  it('conflicts when one side deletes a component the other edited', () => {
    const ours = layout([intro, age]);
    const theirs = layout([intro, { ...name, required: false }, age]);
    const result = mergeFile(layoutPath, base, ours, theirs);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({ where: { componentId: 'name', property: [] }, ours: undefined, theirs: { ...name, required: false } });
    expect(result.conflicts[0]!.description).toMatch(/removed in ours and changed in theirs/);
    expect(result.text).toBe(ours);
    expect(resolveConflict(result, result.conflicts[0]!.id, 'theirs').text).toBe(theirs);
  });

  it('merges adds, removes and moves, keeping a sensible order', () => {
    const extra1 = { id: 'extra1', type: 'Header', size: 'L' };
    const extra2 = { id: 'extra2', type: 'Header', size: 'M' };
    const ours = layout([name, intro, extra1, age]); // moved name first, added extra1 before age
    const theirs = layout([intro, age, extra2]); // removed name? no: keeps it below
    const theirsKeep = layout([intro, name, age, extra2]);
    const merged = mergeFile(layoutPath, base, ours, theirsKeep);
    expect(merged.conflicts).toEqual([]);
    expect(JSON.parse(merged.text!).data.layout.map((c: { id: string }) => c.id)).toEqual(['name', 'intro', 'extra1', 'age', 'extra2']);
    const removed = mergeFile(layoutPath, base, layout([intro, name, extra1, age]), theirs);
    expect(removed.conflicts).toEqual([]);
    expect(JSON.parse(removed.text!).data.layout.map((c: { id: string }) => c.id)).toEqual(['intro', 'extra1', 'age', 'extra2']);
  });

  it('conflicts when both sides move the same component to different places', () => {
    const result = mergeFile(layoutPath, base, layout([name, intro, age]), layout([intro, age, name]));
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({ kind: 'order', where: { componentId: 'name' } });
    expect(JSON.parse(result.text!).data.layout.map((c: { id: string }) => c.id)).toEqual(['name', 'intro', 'age']);
    const theirs = resolveConflict(result, result.conflicts[0]!.id, 'theirs');
    expect(JSON.parse(theirs.text!).data.layout.map((c: { id: string }) => c.id)).toEqual(['intro', 'age', 'name']);
  });

  it('keeps CRLF line endings and tab indentation of ours', () => {
    const crlfBase = layout([intro, name, age], '\t', '\r\n');
    const ours = layout([intro, { ...name, readOnly: true }, age], '\t', '\r\n');
    const theirs = layout([intro, name, age, { id: 'new', type: 'Header', size: 'L' }], '\t', '\r\n');
    const result = mergeFile(layoutPath, crlfBase, ours, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(layout([intro, { ...name, readOnly: true }, age, { id: 'new', type: 'Header', size: 'L' }], '\t', '\r\n'));
  });

  it('keeps ours style when theirs is formatted differently', () => {
    const ours = layout([intro, { ...name, readOnly: true }, age], 4);
    const theirs = JSON.stringify(JSON.parse(layout([intro, name, { ...age, hidden: true }])));
    const result = mergeFile(layoutPath, layout([intro, name, age], 4), ours, theirs);
    expect(result.text).toBe(layout([intro, { ...name, readOnly: true }, { ...age, hidden: true }], 4));
  });
});

describe('resolving', () => {
  it('keeps the ids of the other conflicts when one is resolved, and ends with none', () => {
    const ours = layout([{ ...intro, textResourceBindings: { title: 'o' } }, { ...name, required: 'o' }, age]);
    const theirs = layout([{ ...intro, textResourceBindings: { title: 't' } }, { ...name, required: 't' }, age]);
    const first = mergeFile(layoutPath, base, ours, theirs);
    const ids = first.conflicts.map((conflict) => conflict.id);
    expect(ids).toEqual(['value:data.layout[id=intro].textResourceBindings.title', 'value:data.layout[id=name].required']);
    const second = resolveConflict(first, ids[0]!, 'theirs');
    expect(second.conflicts.map((conflict) => conflict.id)).toEqual([ids[1]]);
    const done = resolveConflict(second, ids[1]!, 'ours');
    expect(done.conflicts).toEqual([]);
    expect(done.text).toBe(layout([{ ...intro, textResourceBindings: { title: 't' } }, { ...name, required: 'o' }, age]));
  });

  it('keeps a byte order mark and a file without a final newline', () => {
    const bom = '\uFEFF';
    const plain = (o: object) => bom + JSON.stringify(o, null, 2);
    const result = mergeFile('App/config/applicationmetadata.json', plain({ a: 1, b: 1 }), plain({ a: 2, b: 1 }), plain({ a: 1, b: 2 }));
    expect(result.text).toBe(plain({ a: 2, b: 2 }));
  });
});

describe('text resources', () => {
  const a = { id: 'a', value: 'A' };
  const b = { id: 'b', value: 'B', variables: [{ key: 'x', dataSource: 'dataModel.default' }] };
  const textBase = texts([a, b]);

  it('merges texts both sides added', () => {
    const result = mergeFile(textPath, textBase, texts([a, b, { id: 'c', value: 'C' }]), texts([a, b, { id: 'd', value: 'D' }]));
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(texts([a, b, { id: 'c', value: 'C' }, { id: 'd', value: 'D' }]));
  });

  it('merges the value and the variables of one text separately', () => {
    const variables = [{ key: 'y', dataSource: 'dataModel.default' }];
    const result = mergeFile(textPath, textBase, texts([a, { ...b, value: 'B!' }]), texts([a, { ...b, variables }]));
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(texts([a, { ...b, value: 'B!', variables }]));
  });

  it('conflicts when both change the same text differently', () => {
    const result = mergeFile(textPath, textBase, texts([{ ...a, value: 'Ours' }, b]), texts([{ ...a, value: 'Theirs' }, b]));
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({ where: { textKey: 'a', language: 'nb', property: ['value'] }, base: 'A', ours: 'Ours', theirs: 'Theirs' });
    expect(result.conflicts[0]!.description).toContain('text "a" (nb)');
  });
});

describe('Settings.json page order', () => {
  const settings = (order: string[]) => JSON.stringify({ $schema: 'x', pages: { order, showProgress: true } }, null, 2) + '\n';
  const path = 'App/ui/form/Settings.json';

  it('lands pages both sides inserted at the same place', () => {
    const result = mergeFile(path, settings(['a', 'b']), settings(['a', 'x', 'b']), settings(['a', 'y', 'b']));
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(settings(['a', 'x', 'y', 'b']));
  });

  it('merges a move with an insert, and conflicts on a page moved differently', () => {
    expect(mergeFile(path, settings(['a', 'b', 'c']), settings(['c', 'a', 'b']), settings(['a', 'b', 'c', 'd'])).text).toBe(settings(['c', 'a', 'b', 'd']));
    const moved = mergeFile(path, settings(['a', 'b', 'c']), settings(['b', 'a', 'c']), settings(['b', 'c', 'a']));
    expect(moved.conflicts).toHaveLength(1);
    expect(moved.conflicts[0]).toMatchObject({ kind: 'order', where: { page: 'a' } });
  });
});

describe('options', () => {
  const path = 'App/options/colours.json';
  const list = (items: object[]) => JSON.stringify(items, null, 2) + '\n';
  const red = { value: 'red', label: 'colour.red' };
  const blue = { value: 'blue', label: 'colour.blue' };

  it('merges options by value', () => {
    const result = mergeFile(path, list([red, blue]), list([{ ...red, label: 'r' }, blue]), list([red, blue, { value: 'green', label: 'g' }]));
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe(list([{ ...red, label: 'r' }, blue, { value: 'green', label: 'g' }]));
  });

  it('conflicts on the same option changed differently', () => {
    const result = mergeFile(path, list([red]), list([{ ...red, label: 'r1' }]), list([{ ...red, label: 'r2' }]));
    expect(result.conflicts[0]).toMatchObject({ where: { optionValue: 'red', property: ['label'] } });
  });
});

describe('other files', () => {
  it('merges other JSON per key, arrays as whole values', () => {
    const path = 'App/config/applicationmetadata.json';
    const doc = (o: object) => JSON.stringify(o, null, 2) + '\n';
    const b = { id: 'ttd/app', title: { nb: 'App' }, partyTypesAllowed: { person: false }, dataTypes: [{ id: 'a' }] };
    const result = mergeFile(path, doc(b), doc({ ...b, title: { nb: 'App', en: 'App' } }), doc({ ...b, partyTypesAllowed: { person: true } }));
    expect(result.conflicts).toEqual([]);
    expect(JSON.parse(result.text!)).toEqual({ ...b, title: { nb: 'App', en: 'App' }, partyTypesAllowed: { person: true } });
    const arrays = mergeFile(path, doc(b), doc({ ...b, dataTypes: [{ id: 'a' }, { id: 'b' }] }), doc({ ...b, dataTypes: [{ id: 'c' }] }));
    expect(arrays.conflicts).toHaveLength(1);
    expect(arrays.conflicts[0]!.where).toMatchObject({ path: 'dataTypes', property: ['dataTypes'] });
  });

  it('falls back to the line merge when a side is not valid JSON', () => {
    const result = mergeFile(layoutPath, '{\n  "a": 1,\n  "x": 0,\n  "b": 2\n}\n', '{\n  "a": 1,\n  "x": 0,\n  "b": 3,\n', '{\n  "a": 0,\n  "x": 0,\n  "b": 2\n}\n');
    expect(result.conflicts).toEqual([]);
    expect(result.text).toBe('{\n  "a": 0,\n  "x": 0,\n  "b": 3,\n');
  });

  it('handles deleted and added files', () => {
    expect(mergeFile('x.txt', 'a\n', null, 'a\n').text).toBeNull();
    expect(mergeFile('x.txt', null, null, 'new\n').text).toBe('new\n');
    const deleted = mergeFile('x.txt', 'a\n', null, 'b\n');
    expect(deleted.conflicts).toMatchObject([{ kind: 'file', ours: null, theirs: 'b\n' }]);
    expect(deleted.text).toBe('b\n');
    expect(resolveConflict(deleted, 'file', 'ours').text).toBeNull();
  });
});

describe('writing the merged value', () => {
  it('writes a merged value whole in ours style when the text cannot be edited in place', () => {
    // Duplicate keys: the edit lands on the first, JSON.parse reads the last; the value must still be right.
    const path = 'App/config/other.json';
    const result = mergeFile(path, '{\n\t"a": 1,\n\t"a": 1,\n\t"b": 1\n}\n', '{\n\t"a": 1,\n\t"a": 1,\n\t"b": 2\n}\n', '{\n\t"a": 3,\n\t"b": 1\n}\n');
    expect(result.conflicts).toEqual([]);
    expect(JSON.parse(result.text!)).toEqual({ a: 3, b: 2 });
    expect(result.text).toMatch(/^\{\n\t"/);
  });
});
