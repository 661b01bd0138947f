import { describe, expect, it } from 'vitest';
import { canDrop } from '../../../../core/app/layoutEdits';
import { loadTestApp } from '../../../../core/app/layoutEdits/testApp';
import { canvasTree, targetAfter, targetAtEnd } from './canvasTree';

const pageOf = async (name: string) => {
  const model = await loadTestApp();
  return { model, page: model.uiFolders.find((f) => f.id === 'form')!.pages.find((p) => p.name === name)! };
};

describe('canvasTree', () => {
  it('puts held components in their container slots and the rest at the top', async () => {
    const { page } = await pageOf('A');
    const tree = canvasTree(page);
    expect(tree.roots).toEqual(['intro', 'group', 'grid', 'tabs', 'sum']);
    expect(tree.slotsOf.get('group')!.map((s) => s.ids)).toEqual([['name', 'age']]);
    expect(tree.placeOf.get('age')).toEqual({ container: { id: 'group', slot: { path: 'children[]' } }, index: 1 });
  });

  it('gives every Grid cell and tab its own slot, with a text cell marked', async () => {
    const { page } = await pageOf('A');
    const tree = canvasTree(page);
    const grid = tree.slotsOf.get('grid')!;
    expect(grid.map((s) => s.address.at)).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
    expect(grid[0]).toMatchObject({ kind: 'single', text: 'grid.label', ids: [] });
    expect(grid[1]!.ids).toEqual(['cell']);
    const tabs = tree.slotsOf.get('tabs')!;
    expect(tabs.map((s) => [s.address.at, s.itemTitle, s.ids])).toEqual([
      [[0], 't1', ['para']],
      [[1], 't2', []],
    ]);
  });

  it('gives drop targets after a component and at the end that the layout rules accept', async () => {
    const { model, page } = await pageOf('A');
    const tree = canvasTree(page);
    const after = targetAfter(tree, 'form', 'A', 'name');
    expect(after).toEqual({ folderId: 'form', page: 'A', container: { id: 'group', slot: { path: 'children[]' } }, index: 1 });
    expect(canDrop(model, ['intro'], after)).toEqual({ ok: true });
    expect(targetAtEnd(tree, 'form', 'A')).toEqual({ folderId: 'form', page: 'A', index: 5 });
    expect(targetAfter(tree, 'form', 'A', 'tabs').index).toBe(4);
  });
});
