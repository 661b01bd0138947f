import { describe, expect, it } from 'vitest';
import { copyComponents, duplicateComponents, pasteComponents } from './clipboard';
import { apply, loadTestApp, pageIds, propsOf } from './testApp';

describe('copy and paste', () => {
  it('copies components with what they hold and their texts in every language, as plain JSON', async () => {
    const model = await loadTestApp();
    const clipboard = copyComponents(model, ['name', 'group', 'intro'], 'form');
    expect(clipboard.roots).toEqual(['intro', 'group']);
    expect(clipboard.components.map((c) => c.id)).toEqual(['intro', 'group', 'name', 'age']);
    expect(clipboard.texts).toEqual({ 'intro.title': { nb: 'Velkommen', en: 'Welcome' }, 'group.title': { nb: 'Person' }, 'name.title': { nb: 'Navn' } });
    expect(JSON.parse(JSON.stringify(clipboard))).toEqual(clipboard);
  });

  it('pastes under new ids with references inside the copy remapped and texts on new keys', async () => {
    const model = await loadTestApp();
    const clipboard = copyComponents(model, ['group', 'sum'], 'form');
    const result = pasteComponents(model, JSON.parse(JSON.stringify(clipboard)), { folderId: 'form', page: 'B', index: 1 });
    expect(result.ids).toEqual(['group1', 'sum1']);
    const edited = await apply(model, result.changes);
    expect(pageIds(edited, 'form', 'B')).toEqual(['rows', 'person', 'group1', 'name1', 'age1', 'sum1', 'buttons', 'nav']);
    expect(propsOf(edited, 'form', 'group1')).toEqual({ id: 'group1', type: 'Group', children: ['name1', 'age1'], textResourceBindings: { title: 'group1.title' } });
    expect(propsOf(edited, 'form', 'age1').hidden).toEqual(['equals', ['component', 'name1'], '']);
    expect(propsOf(edited, 'form', 'sum1').componentRef).toBe('name1');
    expect(edited.textFiles.map((t) => t.resources.slice(-2).map((r) => [r.id, r.value]))).toEqual([
      [['group1.title', 'Person'], ['name1.title', 'Navn']],
      [['group1.title', ''], ['name1.title', '']],
    ]);
  });

  it('keeps ids free in another layout set, references outside the copy stay, outside children go', async () => {
    const model = await loadTestApp();
    const clipboard = copyComponents(model, ['age', 'rows'], 'form');
    const edited = await apply(model, pasteComponents(model, clipboard, { folderId: 'other', page: 'X', index: 0 }).changes);
    expect(pageIds(edited, 'other', 'X')).toEqual(['age', 'rows', 'person', 'name']);
    expect(propsOf(edited, 'other', 'age').hidden).toEqual(['equals', ['component', 'name'], '']);
    const lone = await apply(model, pasteComponents(model, copyComponents(model, ['tabs'], 'form'), { folderId: 'form', page: 'B', index: 0 }).changes);
    expect(propsOf(lone, 'form', 'tabs1').tabs).toMatchObject([{ children: ['para1'] }, { children: [] }]);
  });

  it('duplicates right after the originals, in their container', async () => {
    const model = await loadTestApp();
    const result = duplicateComponents(model, ['name'], 'form');
    const edited = await apply(model, result.changes);
    expect(propsOf(edited, 'form', 'group').children).toEqual(['name', 'name1', 'age']);
    expect(pageIds(edited, 'form', 'A').slice(1, 5)).toEqual(['group', 'name', 'name1', 'age']);
    const top = await apply(model, duplicateComponents(model, ['intro']).changes);
    expect(pageIds(top, 'form', 'A').slice(0, 3)).toEqual(['intro', 'intro1', 'group']);
  });

  it('refuses a clipboard that is not one', async () => {
    const model = await loadTestApp();
    expect(() => pasteComponents(model, { kind: 'x' } as never, { folderId: 'form', page: 'A', index: 0 })).toThrow(/does not hold components/);
  });
});
