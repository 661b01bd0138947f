import { describe, expect, it } from 'vitest';
import { testAppFiles } from '../app/layoutEdits/testApp';
import { expressionText } from './valueChanges';
import { isEmptyReview, reviewVersions } from './reviewDiff';
import type { ComponentChange } from './types';

type Files = Record<string, string | null>;
const pageA = 'App/ui/form/layouts/A.json';
const pageB = 'App/ui/form/layouts/B.json';
const nbTexts = 'App/config/texts/resource.nb.json';

const asMap = (files: Files) => new Map(Object.entries(files));
const review = (before: Files, after: Files) => reviewVersions(asMap(before), asMap(after)).diff;

/** The files with one JSON file changed by `edit` (parsed, edited, written back). */
function editJson(files: Files, path: string, edit: (value: any) => void): Files {
  const value = JSON.parse(files[path]!);
  edit(value);
  return { ...files, [path]: JSON.stringify(value, null, 2) };
}

const layoutOf = (value: any): any[] => value.data.layout;
const component = (diff: ReturnType<typeof review>, id: string): ComponentChange | undefined => diff.folders.flatMap((f) => f.components).find((c) => c.id === id);

describe('reviewVersions', () => {
  it('finds nothing between a version and itself', () => {
    const diff = review(testAppFiles, testAppFiles);
    expect(isEmptyReview(diff)).toBe(true);
  });

  it('lists a reformatted file but finds no semantic change in it', () => {
    const diff = review(testAppFiles, editJson(testAppFiles, pageA, () => {}));
    expect(diff.files.map((f) => [f.path, f.kind])).toEqual([[pageA, 'layout']]);
    expect(diff.folders).toEqual([]);
  });

  it('shows exactly the one property changed on a component', () => {
    const after = editJson(testAppFiles, pageA, (v) => (layoutOf(v).find((c) => c.id === 'name').readOnly = true));
    const diff = review(testAppFiles, after);
    expect(diff.folders).toHaveLength(1);
    expect(diff.folders[0]!.components).toEqual([
      { id: 'name', status: 'changed', before: expect.objectContaining({ page: 'A', parent: 'group' }), after: expect.objectContaining({ page: 'A' }), changes: [{ path: 'readOnly', kind: 'property', after: 'true' }] },
    ]);
  });

  it('tells text bindings, data bindings and expressions apart and writes expressions as calls', () => {
    const after = editJson(testAppFiles, pageA, (v) => {
      const age = layoutOf(v).find((c) => c.id === 'age');
      age.hidden = ['notEquals', ['component', 'name'], 'x'];
      age.dataModelBindings.simpleBinding = 'person.years';
      age.textResourceBindings = { title: 'age.title' };
    });
    const changes = component(review(testAppFiles, after), 'age')!.changes;
    expect(changes).toEqual([
      { path: 'hidden', kind: 'expression', before: 'equals(component("name"), "")', after: 'notEquals(component("name"), "x")' },
      { path: 'dataModelBindings.simpleBinding', kind: 'binding', before: 'person.age', after: 'person.years' },
      { path: 'textResourceBindings', kind: 'text', after: '{"title":"age.title"}' },
    ]);
  });

  it('shows a text value changed behind an unchanged binding on the component, per language', () => {
    const after = editJson(testAppFiles, nbTexts, (v) => (v.resources.find((r: any) => r.id === 'name.title').value = 'Fullt navn'));
    const diff = review(testAppFiles, after);
    expect(component(diff, 'name')).toMatchObject({ status: 'changed', changes: [{ path: 'textResourceBindings.title', kind: 'text', language: 'nb', before: 'Navn', after: 'Fullt navn' }] });
    expect(diff.texts).toEqual([{ language: 'nb', key: 'name.title', before: 'Navn', after: 'Fullt navn' }]);
    expect(diff.files.map((f) => f.kind)).toEqual(['texts']);
  });

  it('calls a component moved on its page or to another page a move, not a removal and an addition', () => {
    const moved = editJson(testAppFiles, pageA, (v) => {
      const layout = layoutOf(v);
      const index = layout.findIndex((c) => c.id === 'intro');
      layout.push(...layout.splice(index, 1));
    });
    expect(review(testAppFiles, moved).folders[0]!.components.map((c) => [c.id, c.status])).toEqual([['intro', 'moved']]);

    let across: Files = testAppFiles;
    let taken: unknown;
    across = editJson(across, pageA, (v) => {
      const layout = layoutOf(v);
      taken = layout.splice(layout.findIndex((c) => c.id === 'sum'), 1)[0];
    });
    across = editJson(across, pageB, (v) => layoutOf(v).unshift(taken));
    const change = component(review(testAppFiles, across), 'sum')!;
    expect(change).toMatchObject({ status: 'moved', before: { page: 'A' }, after: { page: 'B', index: 0 }, changes: [] });
  });

  it('reports added and removed components, pages and page order', () => {
    let after = editJson(testAppFiles, pageA, (v) => {
      const layout = layoutOf(v);
      layout.splice(layout.findIndex((c) => c.id === 'para'), 1);
      layout.push({ id: 'extra', type: 'Paragraph' });
    });
    after = editJson(after, 'App/ui/form/Settings.json', (v) => (v.pages.order = ['B', 'A', 'C']));
    after = { ...after, 'App/ui/form/layouts/C.json': '{"data": {"layout": []}}' };
    const folder = review(testAppFiles, after).folders.find((f) => f.folderId === 'form')!;
    expect(folder.components.map((c) => [c.id, c.status])).toEqual([
      ['para', 'removed'],
      ['extra', 'added'],
    ]);
    expect(folder.pageOrder).toEqual({ before: ['A', 'B'], after: ['B', 'A', 'C'] });
    expect(folder.pages).toEqual([
      { name: 'A', change: 'modified', path: pageA },
      { name: 'C', change: 'added', path: 'App/ui/form/layouts/C.json' },
    ]);
  });

  it('reads data model fields, process tasks and flows, and options by value', () => {
    const schema = (props: object, required: string[] = []) => JSON.stringify({ type: 'object', properties: { model: { type: 'object', properties: props, required } } });
    const base: Files = {
      ...testAppFiles,
      'App/models/model.schema.json': schema({ name: { type: 'string' }, age: { type: 'integer' } }),
      'App/options/colours.json': JSON.stringify([{ value: 'r', label: 'Red' }, { value: 'g', label: 'Green' }, { value: 'b', label: 'Blue' }]),
    };
    const after: Files = {
      ...base,
      'App/models/model.schema.json': schema({ name: { type: 'string', maxLength: 20 }, email: { type: 'string' } }, ['name']),
      'App/options/colours.json': JSON.stringify([{ value: 'g', label: 'Green' }, { value: 'r', label: 'Rouge' }, { value: 'y', label: 'Yellow' }]),
      'App/config/process/process.bpmn':
        '<definitions><process id="p"><task id="Task_1" name="Fill in"/><task id="Task_3"/><sequenceFlow id="f1" sourceRef="Task_1" targetRef="Task_3"/></process></definitions>',
    };
    const diff = review(base, after);
    expect(diff.dataModels[0]!.fields).toEqual([
      { path: 'model.name', change: 'changed', before: 'string', after: 'string, maxLength 20, required' },
      { path: 'model.age', change: 'removed', before: 'integer' },
      { path: 'model.email', change: 'added', after: 'string' },
    ]);
    expect(diff.process!.tasks.map((t) => [t.id, t.change])).toEqual([
      ['Task_1', 'changed'],
      ['Task_2', 'removed'],
      ['Task_3', 'added'],
    ]);
    expect(diff.process!.flows).toEqual([{ id: 'f1', change: 'added', after: 'Task_1 → Task_3' }]);
    expect(diff.options[0]!.options).toEqual([
      { value: 'r', change: 'changed', before: 'Red', after: 'Rouge' },
      { value: 'b', change: 'removed', before: 'Blue' },
      { value: 'y', change: 'added', after: 'Yellow' },
    ]);
    expect(diff.files.map((f) => f.kind).sort()).toEqual(['dataModel', 'options', 'process']);
  });

  it('lists other files with their line counts', () => {
    const diff = review({ ...testAppFiles, 'README.md': 'a\nb\nc' }, { ...testAppFiles, 'README.md': 'a\nB\nc\nd', 'App/new.txt': 'x' });
    expect(diff.files).toEqual([
      { path: 'App/new.txt', kind: 'other', change: 'added', linesAdded: 1, linesRemoved: 0 },
      { path: 'README.md', kind: 'other', change: 'modified', linesAdded: 2, linesRemoved: 1 },
    ]);
  });

  it('writes nested expressions as calls', () => {
    expect(expressionText(['if', ['equals', ['dataModel', 'a'], 1], 'yes', 'else', 'no'])).toBe('if(equals(dataModel("a"), 1), "yes", "else", "no")');
  });
});
