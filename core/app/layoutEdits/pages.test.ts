import { describe, expect, it } from 'vitest';
import { insertComponent } from './insert';
import { addPage, deletePage, duplicatePage, renamePage } from './pages';
import { renameComponent } from './rename';
import { apply, loadTestApp, pageIds, propsOf, testAppFiles } from './testApp';

const settings = 'App/ui/form/Settings.json';
const groups = '{\n  "pages": {\n    "groups": [\n      { "name": "g1", "order": ["A"] },\n      { "order": ["B"] }\n    ]\n  }\n}\n';

describe('pages', () => {
  it('adds an empty page in the house style at the end of the order; its first component gets its own lines', async () => {
    const model = await loadTestApp();
    const result = addPage(model, 'form');
    expect(result.name).toBe('Side1');
    expect(result.changes.get('App/ui/form/layouts/Side1.json')).toBe(
      '{\n  "$schema": "https://altinncdn.no/toolkits/altinn-app-frontend/4/schemas/json/layout/layout.schema.v1.json",\n  "data": {\n    "layout": []\n  }\n}\n',
    );
    expect(result.changes.get(settings)).toBe('{\n  "pages": {\n    "order": ["A", "B", "Side1"]\n  }\n}\n');
    const added = await apply(model, result.changes);
    expect(added.uiFolders[0]!.pages.map((p) => p.name)).toEqual(['A', 'B', 'Side1']);
    const withInput = await apply(added, insertComponent(added, 'Input', { folderId: 'form', page: 'Side1', index: 0 }).changes);
    expect(withInput.texts.get('App/ui/form/layouts/Side1.json')).toContain('"layout": [\n      {\n        "id": "input1",');
    expect(() => addPage(model, 'form', 'a')).toThrow('Layout set "form" already has a page "a"');
    expect(() => addPage(model, 'form', 'x/y')).toThrow(/cannot be a page name/);
    expect(() => addPage(model, 'nowhere')).toThrow('There is no layout set "nowhere"');
  });

  it('adds a page to the last navigation group', async () => {
    const model = await loadTestApp({ [settings]: groups });
    expect(addPage(model, 'form', 'C').changes.get(settings)).toBe(groups.replace('"order": ["B"]', '"order": ["B", "C"]'));
  });

  it('renames a page: the file moves, the order and references follow', async () => {
    const model = await loadTestApp();
    const { changes } = renamePage(model, 'form', 'B', 'Second');
    expect(changes.get('App/ui/form/layouts/B.json')).toBeNull();
    expect(changes.get('App/ui/form/layouts/Second.json')).toBe(testAppFiles['App/ui/form/layouts/B.json']);
    expect(changes.get(settings)).toBe(testAppFiles[settings]!.replace('"B"', '"Second"'));
    const renamed = await apply(model, changes);
    expect(renamed.uiFolders[0]!.pages.map((p) => p.name)).toEqual(['A', 'Second']);
    expect(() => renamePage(model, 'form', 'B', 'A')).toThrow('Layout set "form" already has a page "A"');
  });

  it('duplicates a page right after it, with new ids and text keys', async () => {
    const model = await loadTestApp();
    const result = duplicatePage(model, 'form', 'B');
    expect(result.name).toBe('B1');
    const copy = await apply(model, result.changes);
    expect(copy.uiFolders[0]!.pageOrder).toEqual(['A', 'B', 'B1']);
    expect(pageIds(copy, 'form', 'B1')).toEqual(['rows', 'person', 'buttons', 'nav'].map((id) => result.idMap.get(id)));
    expect(propsOf(copy, 'form', 'rows1')).toMatchObject({ children: ['person1'], tableHeaders: ['person1'], tableColumns: { person1: { width: '50%' } } });
  });

  it('deletes a page, takes it out of the order and reports references to it and its components', async () => {
    const model = await loadTestApp({ 'App/ui/form/layouts/B.json': testAppFiles['App/ui/form/layouts/B.json']!.replace('"NavigationButtons"', '"Summary", "componentRef": "name"') });
    const result = deletePage(model, 'form', 'A');
    expect(result.changes.get('App/ui/form/layouts/A.json')).toBeNull();
    expect(result.changes.get(settings)).toBe('{\n  "pages": {\n    "order": ["B"]\n  }\n}\n');
    expect(result.broken.map((o) => [o.file, o.via, o.key])).toEqual([['App/ui/form/layouts/B.json', 'componentRef', 'name']]);
    const deleted = await apply(model, result.changes);
    expect(deleted.uiFolders[0]!.pages.map((p) => p.name)).toEqual(['B']);
  });
});

describe('renameComponent', () => {
  it('renames the id and every reference in its layout set', async () => {
    const model = await loadTestApp();
    const edited = await apply(model, renameComponent(model, 'name', 'fullName', 'form'));
    expect(propsOf(edited, 'form', 'group').children).toEqual(['fullName', 'age']);
    expect(propsOf(edited, 'form', 'sum').componentRef).toBe('fullName');
    expect(propsOf(edited, 'other', 'name').id).toBe('name');
  });

  it('refuses an invalid or taken id with a clear message', async () => {
    const model = await loadTestApp();
    expect(() => renameComponent(model, 'intro', 'intro-2')).toThrow('"intro-2" ends in -<digits>, which the runtime uses for repeating rows; choose another id');
    expect(() => renameComponent(model, 'intro', 'bad id')).toThrow(/not a valid component id/);
    expect(() => renameComponent(model, 'intro', 'group')).toThrow(/already a component/);
    expect(() => renameComponent(model, 'ghost', 'x')).toThrow('There is no component "ghost"');
  });
});
