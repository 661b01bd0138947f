import { describe, expect, it } from 'vitest';
import { deleteComponents } from './delete';
import { apply, loadTestApp, pageIds, propsOf, testAppFiles } from './testApp';

const a = 'App/ui/form/layouts/A.json';

describe('deleteComponents', () => {
  it('deletes a container with what it holds, and reports the references that will break', async () => {
    const model = await loadTestApp();
    const result = deleteComponents(model, ['group']);
    expect(result.deleted).toEqual(['group', 'name', 'age']);
    // The Summary points at "name"; the expression in "age" goes with it.
    expect(result.broken.map((o) => [o.file, o.via, o.key])).toEqual([[a, 'componentRef', 'name']]);
    const edited = await apply(model, result.changes);
    expect(pageIds(edited, 'form', 'A')).toEqual(['intro', 'grid', 'cell', 'tabs', 'para', 'sum']);
    expect(edited.texts.get('App/config/texts/resource.nb.json')).toBe(testAppFiles['App/config/texts/resource.nb.json']);
  });

  it('takes a deleted child out of its container: list, table settings, Grid cell', async () => {
    const model = await loadTestApp();
    const result = deleteComponents(model, ['person', 'cell', 'para']);
    expect(result.broken).toEqual([]);
    const edited = await apply(model, result.changes);
    expect(propsOf(edited, 'form', 'rows')).toMatchObject({ children: [], tableHeaders: [], tableColumns: {} });
    expect(propsOf(edited, 'form', 'grid').rows).toEqual([{ cells: [{ text: 'grid.label' }, null] }, { cells: [null, null] }]);
    expect(propsOf(edited, 'form', 'tabs').tabs).toMatchObject([{ children: [] }, { children: [] }]);
  });

  it('deleting a top-level component changes only its own lines', async () => {
    const model = await loadTestApp();
    const edited = await apply(model, deleteComponents(model, ['intro']).changes);
    expect(edited.texts.get(a)).toBe(testAppFiles[a]!.replace(/ {6}\{\n {8}"id": "intro",[\s\S]*?\n {6}\},\n/, ''));
  });

  it('refuses unknown ids and ids found in several layout sets without a set', async () => {
    const model = await loadTestApp();
    expect(() => deleteComponents(model, ['ghost'])).toThrow('There is no component "ghost"');
    expect(() => deleteComponents(model, ['name'])).toThrow('Component "name" is in layout sets "form" and "other"; say which one');
    expect(deleteComponents(model, ['name'], 'other').deleted).toEqual(['name']);
  });
});
