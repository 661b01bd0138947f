import { describe, expect, it } from 'vitest';
import { moveComponents } from './move';
import { canDrop } from './targets';
import { apply, loadTestApp, pageIds, propsOf, testAppFiles } from './testApp';

const a = 'App/ui/form/layouts/A.json';
const b = 'App/ui/form/layouts/B.json';

describe('moveComponents', () => {
  it('reorders top-level components by moving their text; moving back restores the bytes', async () => {
    const model = await loadTestApp();
    const { changes } = moveComponents(model, ['sum'], { folderId: 'form', page: 'A', index: 0 });
    expect([...changes.keys()]).toEqual([a]);
    const moved = await apply(model, changes);
    expect(pageIds(moved, 'form', 'A')).toEqual(['sum', 'intro', 'group', 'name', 'age', 'grid', 'cell', 'tabs', 'para']);
    const untouched = (text: string) => text.split('\n').filter((l) => !l.includes('"sum"') && !l.includes('"para"'));
    expect(untouched(moved.texts.get(a)!)).toEqual(untouched(testAppFiles[a]!));
    const back = await apply(moved, moveComponents(moved, ['sum'], { folderId: 'form', page: 'A', index: 99 }).changes);
    expect(back.texts.get(a)).toBe(testAppFiles[a]);
  });

  it('moves a group with its children after another component, keeping them together', async () => {
    const model = await loadTestApp();
    const moved = await apply(model, moveComponents(model, ['group'], { folderId: 'form', page: 'A', index: 4 }).changes);
    expect(pageIds(moved, 'form', 'A')).toEqual(['intro', 'grid', 'cell', 'tabs', 'para', 'group', 'name', 'age', 'sum']);
    expect(propsOf(moved, 'form', 'group')).toEqual(propsOf(model, 'form', 'group'));
  });

  it('moves into and out of containers, updating both child lists', async () => {
    const model = await loadTestApp();
    const into = await apply(model, moveComponents(model, ['intro'], { folderId: 'form', page: 'A', container: { id: 'group', slot: { path: 'children[]' } }, index: 1 }).changes);
    expect(propsOf(into, 'form', 'group').children).toEqual(['name', 'intro', 'age']);
    expect(pageIds(into, 'form', 'A').slice(0, 4)).toEqual(['group', 'name', 'intro', 'age']);
    const within = await apply(model, moveComponents(model, ['name'], { folderId: 'form', page: 'A', container: { id: 'group', slot: { path: 'children[]' } }, index: 2 }).changes);
    expect(propsOf(within, 'form', 'group').children).toEqual(['age', 'name']);
    const out = await apply(model, moveComponents(model, ['para'], { folderId: 'form', page: 'A', index: 0 }).changes);
    expect(propsOf(out, 'form', 'tabs').tabs).toMatchObject([{ children: [] }, { children: [] }]);
    const cell = await apply(model, moveComponents(model, ['cell'], { folderId: 'form', page: 'A', container: { id: 'grid', slot: { path: 'rows[].cells[].component', at: [1, 0] } }, index: 0 }).changes);
    expect(propsOf(cell, 'form', 'grid').rows).toEqual([{ cells: [{ text: 'grid.label' }, null] }, { cells: [{ component: 'cell' }, null] }]);
  });

  it('moves to another page with everything held, out of the old container and its table settings', async () => {
    const model = await loadTestApp();
    const result = moveComponents(model, ['person', 'group'], { folderId: 'form', page: 'A', index: 1 });
    expect([...result.changes.keys()].sort()).toEqual([a, b]);
    const moved = await apply(model, result.changes);
    expect(pageIds(moved, 'form', 'A')).toEqual(['intro', 'group', 'name', 'age', 'person', 'grid', 'cell', 'tabs', 'para', 'sum']);
    expect(pageIds(moved, 'form', 'B')).toEqual(['rows', 'buttons', 'nav']);
    expect(propsOf(moved, 'form', 'rows')).toEqual({ id: 'rows', type: 'RepeatingGroup', dataModelBindings: { group: 'people' }, children: [], tableHeaders: [], tableColumns: {} });
    const toB = await apply(model, moveComponents(model, ['group'], { folderId: 'form', page: 'B', container: { id: 'rows', slot: { path: 'children[]' } }, index: 0 }).changes);
    expect(pageIds(toB, 'form', 'B')).toEqual(['rows', 'group', 'name', 'age', 'person', 'buttons', 'nav']);
    expect(propsOf(toB, 'form', 'rows').children).toEqual(['group', 'person']);
    expect(pageIds(toB, 'form', 'A')).not.toContain('name');
  });

  it('moves to another layout set, renaming an id taken there together with references to it', async () => {
    const model = await loadTestApp();
    const result = moveComponents(model, ['group'], { folderId: 'other', page: 'X', index: 1 });
    expect([...result.renamed]).toEqual([['name', 'name1']]);
    expect(result.broken.map((o) => [o.via, o.key])).toEqual([['componentRef', 'name']]);
    expect(moveComponents(model, ['intro'], { folderId: 'form', page: 'B', index: 0 }).broken).toEqual([]);
    const moved = await apply(model, result.changes);
    expect(pageIds(moved, 'other', 'X')).toEqual(['name', 'group', 'name1', 'age']);
    expect(propsOf(moved, 'other', 'group').children).toEqual(['name1', 'age']);
    expect(propsOf(moved, 'other', 'age').hidden).toEqual(['equals', ['component', 'name1'], '']);
  });

  it('several selected components keep their order in the document, whatever the order picked', async () => {
    const model = await loadTestApp();
    const moved = await apply(model, moveComponents(model, ['sum', 'intro', 'para'], { folderId: 'form', page: 'A', container: { id: 'group', slot: { path: 'children[]' } }, index: 1 }).changes);
    expect(propsOf(moved, 'form', 'group').children).toEqual(['name', 'intro', 'para', 'sum', 'age']);
    expect(pageIds(moved, 'form', 'A')).toEqual(['group', 'name', 'intro', 'para', 'sum', 'age', 'grid', 'cell', 'tabs']);
    expect(propsOf(moved, 'form', 'tabs').tabs).toMatchObject([{ children: [] }, { children: [] }]);
  });

  it('says no to a drop into itself, an unknown id, or a slot that does not take the type', async () => {
    const model = await loadTestApp();
    const intoGroup = { folderId: 'form', page: 'A', container: { id: 'group', slot: { path: 'children[]' } }, index: 0 };
    expect(canDrop(model, ['group'], intoGroup)).toEqual({ ok: false, reason: '"group" cannot be dropped into itself or a component it holds' });
    expect(canDrop(model, ['ghost'], intoGroup)).toEqual({ ok: false, reason: 'There is no component "ghost"' });
    expect(canDrop(model, ['intro'], { folderId: 'form', page: 'B', container: { id: 'buttons', slot: { path: 'children[]' } }, index: 0 }).ok).toBe(false);
    expect(canDrop(model, ['intro', 'para'], { folderId: 'form', page: 'A', container: { id: 'grid', slot: { path: 'rows[].cells[].component', at: [1, 0] } }, index: 0 })).toMatchObject({ ok: false });
    expect(canDrop(model, ['intro'], intoGroup)).toEqual({ ok: true });
    expect(() => moveComponents(model, ['group'], intoGroup)).toThrow(/into itself/);
  });
});
