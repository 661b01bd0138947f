import { describe, expect, it } from 'vitest';
import { checkApp } from '../../refs/checkApp';
import { insertComponent } from './insert';
import { canInsert } from './targets';
import { apply, loadTestApp, pageIds, propsOf, testAppFiles } from './testApp';

const a = 'App/ui/form/layouts/A.json';

describe('insertComponent', () => {
  it('adds a top-level component with a readable id, starter values and a title text in every language', async () => {
    const model = await loadTestApp();
    const result = insertComponent(model, 'Header', { folderId: 'form', page: 'A', index: 1 });
    expect(result.id).toBe('header1');
    expect([...result.changes.keys()].sort()).toEqual(['App/config/texts/resource.en.json', 'App/config/texts/resource.nb.json', a]);
    const edited = await apply(model, result.changes);
    expect(pageIds(edited, 'form', 'A').slice(0, 3)).toEqual(['intro', 'header1', 'group']);
    expect(propsOf(edited, 'form', 'header1')).toEqual({ id: 'header1', type: 'Header', size: 'L', textResourceBindings: { title: 'header1.title' } });
    // Only the new lines: the rest of the page keeps its bytes.
    const text = edited.texts.get(a)!;
    expect(text.replace(/ {6}\{\n {8}"id": "header1",[\s\S]*?\n {6}\},\n/, '')).toBe(testAppFiles[a]);
    expect(edited.texts.get('App/config/texts/resource.en.json')).toBe(
      testAppFiles['App/config/texts/resource.en.json']!.replace('\t\t}\r\n\t]', '\t\t},\r\n\t\t{\r\n\t\t\t"id": "header1.title",\r\n\t\t\t"value": "Heading"\r\n\t\t}\r\n\t]'),
    );
    expect(edited.textFiles.map((t) => t.resources.at(-1))).toMatchObject([{ id: 'header1.title', value: 'Heading' }, { id: 'header1.title', value: 'Heading' }]);
    expect(checkApp(edited).diagnostics.filter((d) => d.severity === 'error')).toEqual(checkApp(model).diagnostics.filter((d) => d.severity === 'error'));
  });

  it('numbers ids per layout set and adds an empty dataModelBindings where the type needs bindings', async () => {
    const model = await loadTestApp();
    const first = await apply(model, insertComponent(model, 'Input', { folderId: 'form', page: 'B', index: 9 }).changes);
    const second = insertComponent(first, 'Input', { folderId: 'form', page: 'A', index: 0 });
    expect(second.id).toBe('input2');
    expect(insertComponent(first, 'Input', { folderId: 'other', page: 'X', index: 0 }).id).toBe('input1');
    expect(propsOf(first, 'form', 'input1')).toEqual({ id: 'input1', type: 'Input', dataModelBindings: {}, textResourceBindings: { title: 'input1.title' } });
    expect(pageIds(first, 'form', 'B').at(-1)).toBe('input1');
  });

  it('puts a child in the container slot and after the container in data.layout', async () => {
    const model = await loadTestApp();
    const intoGroup = await apply(model, insertComponent(model, 'TextArea', { folderId: 'form', page: 'A', container: { id: 'group', slot: { path: 'children[]' } }, index: 1 }).changes);
    expect(propsOf(intoGroup, 'form', 'group').children).toEqual(['name', 'textarea1', 'age']);
    expect(pageIds(intoGroup, 'form', 'A').slice(1, 5)).toEqual(['group', 'name', 'textarea1', 'age']);
    const atEnd = await apply(model, insertComponent(model, 'Paragraph', { folderId: 'form', page: 'A', container: { id: 'tabs', slot: { path: 'tabs[].children[]', at: [1] } }, index: 0 }).changes);
    expect(propsOf(atEnd, 'form', 'tabs').tabs).toMatchObject([{ children: ['para'] }, { children: ['paragraph1'] }]);
    expect(pageIds(atEnd, 'form', 'A').slice(6, 9)).toEqual(['tabs', 'para', 'paragraph1']);
    const cell = await apply(model, insertComponent(model, 'Input', { folderId: 'form', page: 'A', container: { id: 'grid', slot: { path: 'rows[].cells[].component', at: [1, 1] } }, index: 0 }).changes);
    expect(propsOf(cell, 'form', 'grid').rows).toEqual([{ cells: [{ text: 'grid.label' }, { component: 'cell' }] }, { cells: [null, { component: 'input1' }] }]);
    const newRow = await apply(model, insertComponent(model, 'Input', { folderId: 'form', page: 'A', container: { id: 'grid', slot: { path: 'rows[].cells[].component', at: [2, 0] } }, index: 0 }).changes);
    expect((propsOf(newRow, 'form', 'grid').rows as unknown[])[2]).toEqual({ cells: [{ component: 'input1' }] });
  });

  it('writes a child of a multi-page repeating group on the page of its neighbour', async () => {
    const b = 'App/ui/form/layouts/B.json';
    const model = await loadTestApp({ [b]: testAppFiles[b]!.replace('"children": ["person"]', '"edit": { "multiPage": true }, "children": ["1:person"]') });
    const edited = await apply(model, insertComponent(model, 'Input', { folderId: 'form', page: 'B', container: { id: 'rows', slot: { path: 'children[]' } }, index: 1 }).changes);
    expect(propsOf(edited, 'form', 'rows').children).toEqual(['1:person', '1:input1']);
  });

  it('refuses what the slot does not accept, an occupied cell, and unknown places, saying why', async () => {
    const model = await loadTestApp();
    const buttons = { folderId: 'form', page: 'B', container: { id: 'buttons', slot: { path: 'children[]' } }, index: 0 };
    expect(canInsert(model, 'Button', buttons)).toEqual({ ok: true });
    expect(canInsert(model, 'Checkboxes', buttons)).toMatchObject({ ok: false, reason: expect.stringContaining('cannot hold a Checkboxes') });
    expect(() => insertComponent(model, 'Checkboxes', buttons)).toThrow(/cannot hold a Checkboxes/);
    const occupied = { folderId: 'form', page: 'A', container: { id: 'grid', slot: { path: 'rows[].cells[].component', at: [0, 0] } }, index: 0 };
    expect(canInsert(model, 'Input', occupied)).toMatchObject({ ok: false, reason: expect.stringContaining('already holds a text') });
    expect(canInsert(model, 'Nope', { folderId: 'form', page: 'A', index: 0 })).toMatchObject({ ok: false, reason: '"Nope" is not a component type' });
    expect(canInsert(model, 'LikertItem', { folderId: 'form', page: 'A', index: 0 }).ok).toBe(false);
    expect(canInsert(model, 'Input', { folderId: 'form', page: 'Z', index: 0 })).toMatchObject({ ok: false, reason: 'There is no page "Z" in layout set "form"' });
    expect(canInsert(model, 'Input', { folderId: 'form', page: 'A', container: { id: 'name', slot: { path: 'children[]' } }, index: 0 })).toMatchObject({ ok: false, reason: '"name" is not a container' });
    expect(canInsert(model, 'Input', { folderId: 'form', page: 'A', container: { id: 'tabs', slot: { path: 'tabs[].children[]', at: [5] } }, index: 0 })).toMatchObject({ ok: false, reason: '"tabs" has no tabs item 6' });
    const broken = await loadTestApp({ [a]: '{"data": {"layout": [' });
    expect(() => insertComponent(broken, 'Input', { folderId: 'form', page: 'A', index: 0 })).toThrow(`${a} has syntax errors`);
  });
});
