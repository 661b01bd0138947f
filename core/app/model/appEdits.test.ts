import { describe, expect, it } from 'vitest';
import { memoryFileSource } from '../fileSource';
import { type FileChanges, allComponents, changedFiles, editFiles, setComponentProperty, setPageOrder, setTextValue } from './appEdits';
import { loadAppModel } from './loadAppModel';
import type { AppModel } from './types';

const bom = '\uFEFF';
// CRLF, tabs, a BOM, and one component written on one line: all must survive an edit.
const crlfPage = `${bom}{\r\n\t"data": {\r\n\t\t"layout": [\r\n\t\t\t{\r\n\t\t\t\t"id": "a",\r\n\t\t\t\t"type": "Input"\r\n\t\t\t},\r\n\t\t\t{ "id": "b", "type": "Paragraph" }\r\n\t\t]\r\n\t}\r\n}\r\n`;
const crlfTexts = `${bom}{\r\n    "language": "nb",\r\n    "resources": [\r\n        { "id": "a", "value": "A" },\r\n        {\r\n            "id": "b",\r\n            "value": "B"\r\n        }\r\n    ]\r\n}\r\n`;

const app: Record<string, string> = {
  'App/config/applicationmetadata.json': '{"id": "ttd/x", "org": "ttd", "title": {"nb": "X"}, "dataTypes": [{"id": "model", "appLogic": {"classRef": "M"}}]}',
  'App/config/process/process.bpmn': '<definitions><process id="p"><task id="Task_1"/></process></definitions>',
  'App/config/texts/resource.nb.json': crlfTexts,
  'App/config/texts/resource.en.json': '{\n  "language": "en",\n  "resources": [\n    {\n      "id": "a",\n      "value": "A"\n    }\n  ]\n}\n',
  'App/ui/layout-sets.json': '{\n  "sets": [\n    {"id": "form", "dataType": "model", "tasks": ["Task_1"]},\n    {"id": "nav", "dataType": "model"}\n  ]\n}\n',
  'App/ui/form/Settings.json': '{\n  "pages": {\n    "order": ["P", "Q"]\n  }\n}\n',
  'App/ui/form/layouts/P.json': crlfPage,
  'App/ui/form/layouts/Q.json': '{"data": {"layout": [{"id": "q", "type": "Input"}]}}',
  'App/ui/nav/Settings.json': '{\n  "pages": {\n    "groups": [\n      { "name": "g1", "order": ["A", "B"] },\n      { "name": "g2", "order": ["C"] }\n    ]\n  }\n}\n',
  'App/ui/nav/layouts/A.json': '{"data": {"layout": []}}',
  'App/ui/nav/layouts/B.json': '{"data": {"layout": []}}',
  'App/ui/nav/layouts/C.json': '{"data": {"layout": []}}',
};

const load = (files: Record<string, string> = app) => loadAppModel(memoryFileSource(files));
const component = (model: AppModel, id: string) => allComponents(model).find((c) => c.id === id)!;
const only = (changes: FileChanges): [string, string] => {
  expect(changes.size).toBe(1);
  const [path, text] = [...changes][0]!;
  if (text === null) throw new Error(`${path} is deleted, not edited`);
  return [path, text];
};

/** What a person sees of a model: folders, pages, components and texts. */
const summary = (model: AppModel) => ({
  folders: model.uiFolders.map((f) => ({ id: f.id, order: f.pageOrder, pages: f.pages.map((p) => ({ name: p.name, components: p.components.map((c) => c.props) })) })),
  texts: model.textFiles.map((t) => ({ language: t.language, resources: t.resources })),
  problems: model.problems,
});

describe('editFiles and changedFiles', () => {
  it('re-parses only the changed file; unchanged files and parts keep their objects', async () => {
    const model = await load();
    const edited = editFiles(model, new Map([['App/ui/form/layouts/Q.json', '{"data": {"layout": []}}']]));
    expect(edited.jsonFiles.get('App/ui/form/layouts/Q.json')).not.toBe(model.jsonFiles.get('App/ui/form/layouts/Q.json'));
    for (const [path, file] of model.jsonFiles) if (!path.endsWith('Q.json')) expect(edited.jsonFiles.get(path)).toBe(file);
    expect(edited.process).toBe(model.process);
    expect(edited.textFiles).toBe(model.textFiles);
    expect(edited.uiFolders[1]).toBe(model.uiFolders[1]);
    expect(edited.uiFolders[0]).not.toBe(model.uiFolders[0]);
    expect(edited.uiFolders[0]!.pages[0]).toBe(model.uiFolders[0]!.pages[0]);
    expect(edited.uiFolders[0]!.pages[1]!.components).toEqual([]);
    expect(changedFiles(model, edited)).toEqual([{ path: 'App/ui/form/layouts/Q.json', text: '{"data": {"layout": []}}' }]);
    const back = editFiles(edited, new Map([['App/ui/form/layouts/Q.json', app['App/ui/form/layouts/Q.json']!]]));
    expect(changedFiles(model, back)).toEqual([]);
  });

  it('a new file joins the model; an unreadable file stays reported until it gets a text', async () => {
    const inner = memoryFileSource(app);
    const model = await loadAppModel({ files: inner.files, read: (p) => (p.endsWith('Q.json') ? Promise.reject(new Error('locked')) : inner.read(p)) });
    expect(model.problems.map((p) => p.code)).toEqual(['file-unreadable']);
    const added = editFiles(model, new Map([['App/ui/form/layouts/R.json', '{"data": {"layout": []}}']]));
    expect(added.filePaths).toContain('App/ui/form/layouts/R.json');
    expect(added.uiFolders[0]!.pages.map((p) => p.name)).toEqual(['P', 'R']);
    expect(added.problems.map((p) => p.code)).toEqual(['file-unreadable']);
    const fixed = editFiles(added, new Map([['App/ui/form/layouts/Q.json', '{"data": {"layout": []}}']]));
    expect(fixed.problems).toEqual([]);
    expect(fixed.uiFolders[0]!.pages.map((p) => p.name)).toEqual(['P', 'Q', 'R']);
  });

  it('null deletes a file: it leaves the model, changedFiles reports it, and writing it back restores the model', async () => {
    const model = await load();
    const q = 'App/ui/form/layouts/Q.json';
    const deleted = editFiles(model, new Map([[q, null]]));
    expect(deleted.filePaths).not.toContain(q);
    expect(deleted.texts.has(q)).toBe(false);
    expect(deleted.jsonFiles.has(q)).toBe(false);
    expect(deleted.uiFolders[0]!.pages.map((p) => p.name)).toEqual(['P']);
    expect(changedFiles(model, deleted)).toEqual([{ path: q, text: null }]);
    expect(editFiles(deleted, new Map([[q, null], ['App/nothing.json', null]]))).toBe(deleted);
    const back = editFiles(deleted, new Map([[q, app[q]!]]));
    expect(changedFiles(model, back)).toEqual([]);
    expect(summary(back)).toEqual(summary(model));
  });
});

describe('setComponentProperty', () => {
  it('adds a property in the file own style: CRLF, tabs and BOM kept, one-line objects stay on one line', async () => {
    const model = await load();
    const [, a] = only(setComponentProperty(model, component(model, 'a'), 'required', true));
    expect(a).toBe(crlfPage.replace('"type": "Input"\r\n', '"type": "Input",\r\n\t\t\t\t"required": true\r\n'));
    const [, b] = only(setComponentProperty(model, component(model, 'b'), ['textResourceBindings', 'title'], 'b.title'));
    expect(b).toBe(crlfPage.replace('"type": "Paragraph" }', '"type": "Paragraph", "textResourceBindings": { "title": "b.title" } }'));
  });

  it('replaces and removes values, and the re-loaded app equals the edited model', async () => {
    let model = await load();
    model = editFiles(model, setComponentProperty(model, component(model, 'a'), 'type', 'TextArea'));
    model = editFiles(model, setComponentProperty(model, component(model, 'b'), 'id', 'b2'));
    model = editFiles(model, setComponentProperty(model, component(model, 'q'), 'type', undefined));
    expect(model.texts.get('App/ui/form/layouts/P.json')).toBe(crlfPage.replace('"Input"', '"TextArea"').replace('"b"', '"b2"'));
    expect(model.texts.get('App/ui/form/layouts/Q.json')).toBe('{"data": {"layout": [{"id": "q"}]}}');
    expect(summary(await load(Object.fromEntries(model.texts)))).toEqual(summary(model));
    expect(changedFiles(await load(), model).map((f) => f.path)).toEqual(['App/ui/form/layouts/P.json', 'App/ui/form/layouts/Q.json']);
  });

  it('edits the right component when given one from an older model', async () => {
    const old = await load();
    const insertedBefore = crlfPage.replace('\t\t\t{\r\n\t\t\t\t"id": "a"', '\t\t\t{ "id": "new", "type": "Divider" },\r\n\t\t\t{\r\n\t\t\t\t"id": "a"');
    const model = editFiles(old, new Map([['App/ui/form/layouts/P.json', insertedBefore]]));
    const [, text] = only(setComponentProperty(model, component(old, 'a'), 'hidden', true));
    expect(text).toContain('"type": "Input",\r\n\t\t\t\t"hidden": true');
    expect(text).toContain('{ "id": "new", "type": "Divider" }');
  });

  it('adding a property and removing it again gives back the same bytes', async () => {
    const model = await load();
    for (const id of ['a', 'b', 'q']) {
      const added = editFiles(model, setComponentProperty(model, component(model, id), 'readOnly', false));
      const removed = editFiles(added, setComponentProperty(added, component(added, id), 'readOnly', undefined));
      expect(changedFiles(model, removed)).toEqual([]);
    }
  });

  it('refuses a file with syntax errors, saying what to do', async () => {
    const model = await load({ ...app, 'App/ui/form/layouts/Q.json': '{"data": {"layout": [{"id": "q", "type": "Input"}' });
    expect(() => setComponentProperty(model, component(model, 'q'), 'required', true)).toThrow(/syntax errors; fix them in the code view/);
  });
});

describe('setTextValue', () => {
  it('changes one value in place, keeping CRLF, indentation and BOM', async () => {
    const model = await load();
    const [path, text] = only(setTextValue(model, 'nb', 'b', 'Ny "verdi"\nmed linjeskift'));
    expect(path).toBe('App/config/texts/resource.nb.json');
    expect(text).toBe(crlfTexts.replace('"value": "B"', '"value": "Ny \\"verdi\\"\\nmed linjeskift"'));
    expect(setTextValue(model, 'nb', 'b', 'B').size).toBe(0);
  });

  it('adds a missing resource after the last one, in the file style', async () => {
    const model = await load();
    const [, text] = only(setTextValue(model, 'nb', 'c', 'C'));
    expect(text).toBe(crlfTexts.replace('        }\r\n    ]', '        },\r\n        {\r\n            "id": "c",\r\n            "value": "C"\r\n        }\r\n    ]'));
    const edited = editFiles(model, new Map([['App/config/texts/resource.nb.json', text]]));
    expect(edited.textFiles[0]!.resources.map((r) => [r.id, r.value])).toEqual([['a', 'A'], ['b', 'B'], ['c', 'C']]);
  });

  it('creates the file of a new language, and updates every copy of a duplicated id', async () => {
    const model = await load();
    const [path, text] = only(setTextValue(model, 'nn', 'a', 'Nynorsk'));
    expect(path).toBe('App/config/texts/resource.nn.json');
    const withNn = editFiles(model, new Map([[path, text]]));
    expect(withNn.textFiles.map((t) => t.language)).toEqual(['nb', 'nn', 'en']);
    expect(withNn.problems).toEqual([]);
    const dup = await load({ ...app, 'App/config/texts/resource.en.json': '{"resources": [{"id": "a", "value": "1"}, {"id": "a", "value": "2"}]}' });
    const [, twice] = only(setTextValue(dup, 'en', 'a', 'X'));
    expect(twice).toBe('{"resources": [{"id": "a", "value": "X"}, {"id": "a", "value": "X"}]}');
  });

  it('A → B → A gives back the same bytes', async () => {
    const model = await load();
    for (const [lang, id, original] of [['nb', 'a', 'A'], ['nb', 'b', 'B'], ['en', 'a', 'A']] as const) {
      const b = editFiles(model, setTextValue(model, lang, id, 'something else'));
      const a = editFiles(b, setTextValue(b, lang, id, original));
      expect(changedFiles(model, a)).toEqual([]);
    }
  });
});

describe('setPageOrder', () => {
  it('writes pages.order, and creates Settings.json when the folder has none', async () => {
    const model = await load();
    const [, text] = only(setPageOrder(model, model.uiFolders[0]!, ['Q', 'P']));
    expect(text).toBe('{\n  "pages": {\n    "order": ["Q", "P"]\n  }\n}\n');
    const edited = editFiles(model, new Map([['App/ui/form/Settings.json', text]]));
    expect(edited.uiFolders[0]!.pages.map((p) => p.name)).toEqual(['Q', 'P']);
    expect(setPageOrder(model, model.uiFolders[0]!, ['P', 'Q']).size).toBe(0);
    const noSettings = Object.fromEntries(Object.entries({ ...app }).filter(([p]) => p !== 'App/ui/form/Settings.json'));
    const created = await load(noSettings);
    const [path, settings] = only(setPageOrder(created, created.uiFolders[0]!, ['Q', 'P']));
    expect(path).toBe('App/ui/form/Settings.json');
    expect(JSON.parse(settings).pages).toEqual({ order: ['Q', 'P'] });
  });

  it('reorders within navigation groups and refuses a move across groups', async () => {
    const model = await load();
    const nav = model.uiFolders[1]!;
    const [, text] = only(setPageOrder(model, nav, ['B', 'A', 'C']));
    expect(text).toBe(app['App/ui/nav/Settings.json']!.replace('"order": ["A", "B"]', '"order": ["B", "A"]'));
    for (const order of [['A', 'C', 'B'], ['A', 'B'], ['A', 'B', 'C', 'D']]) expect(() => setPageOrder(model, nav, order)).toThrow(/navigation groups/);
  });
});
