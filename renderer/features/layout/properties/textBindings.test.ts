import { describe, expect, it } from 'vitest';
import { allComponents } from '../../../../core/app/model/appEdits';
import { textValues } from '../../../../core/app/layoutEdits/texts';
import { apply, loadTestApp, propsOf } from '../../../../core/app/layoutEdits/testApp';
import type { AppModel } from '../../../../core/app/model/types';
import { appLanguages, componentsUsingText, mergeChanges, setBindingText, textBindingRows } from './textBindings';

const component = (model: AppModel, id: string) => allComponents(model).find((c) => c.folderId === 'form' && c.id === id)!;

describe('text bindings', () => {
  it('lists every text binding of the type with what it holds, in every language', async () => {
    const model = await loadTestApp();
    expect(appLanguages(model).sort()).toEqual(['en', 'nb']);
    const rows = textBindingRows(model, component(model, 'intro'));
    const title = rows.find((r) => r.info.key === 'title');
    expect(title?.value).toEqual({ kind: 'key', key: 'intro.title', values: { nb: 'Velkommen', en: 'Welcome' }, usedBy: 1 });
    const input = textBindingRows(model, component(model, 'name'));
    expect(input.find((r) => r.info.key === 'description')?.value).toEqual({ kind: 'none' });
    expect(input.map((r) => r.info.key)).toEqual(expect.arrayContaining(['title', 'description', 'help', 'shortName', 'requiredValidation']));
  });

  it('creates the key <id>.<binding> for a component without one, in the edited language', async () => {
    const model = await loadTestApp();
    const { changes, key } = setBindingText(model, component(model, 'age'), 'title', 'en', 'Age');
    expect(key).toBe('age.title');
    const next = await apply(model, changes);
    expect(propsOf(next, 'form', 'age').textResourceBindings).toEqual({ title: 'age.title' });
    expect(textValues(next, 'age.title')).toEqual({ en: 'Age' });
    const again = setBindingText(next, component(next, 'age'), 'title', 'nb', 'Alder');
    expect([...again.changes.keys()]).toEqual(['App/config/texts/resource.nb.json']);
    expect(textValues(await apply(next, again.changes), 'age.title')).toEqual({ en: 'Age', nb: 'Alder' });
  });

  it('picks a free key when <id>.<binding> is taken, and keeps literal text for the other languages', async () => {
    const model = await loadTestApp({
      'App/ui/form/layouts/C.json': '{"data": {"layout": [{"id": "para", "type": "Paragraph", "textResourceBindings": {"title": "Just text"}}]}}',
    });
    const taken = await apply(model, setBindingText(model, component(model, 'age'), 'title', 'nb', 'x').changes);
    const literal = allComponents(taken).find((c) => c.pageName === 'C')!;
    expect(textBindingRows(taken, literal).find((r) => r.info.key === 'title')?.value).toEqual({ kind: 'literal', text: 'Just text' });
    const renamed = { ...literal, id: 'age' };
    const { key, changes } = setBindingText(taken, renamed, 'title', 'nb', 'Ny');
    expect(key).toBe('age.title2');
    expect(textValues(await apply(taken, changes), key)).toEqual({ nb: 'Ny', en: 'Just text' });
  });

  it('edits a shared text where it is and counts who uses it', async () => {
    const model = await loadTestApp({
      'App/ui/form/layouts/C.json': '{"data": {"layout": [{"id": "other", "type": "Input", "textResourceBindings": {"title": "name.title"}}]}}',
    });
    expect(componentsUsingText(model, 'name.title')).toBe(2);
    const { changes, key } = setBindingText(model, component(model, 'name'), 'title', 'nb', 'Fullt navn');
    expect(key).toBe('name.title');
    expect([...changes.keys()]).toEqual(['App/config/texts/resource.nb.json']);
  });

  it('refuses to edit an expression as text, and to merge two edits of one file', async () => {
    const model = await loadTestApp({
      'App/ui/form/layouts/C.json': '{"data": {"layout": [{"id": "e", "type": "Paragraph", "textResourceBindings": {"title": ["concat", "a"]}}]}}',
    });
    const e = allComponents(model).find((c) => c.id === 'e')!;
    expect(textBindingRows(model, e).find((r) => r.info.key === 'title')?.value).toEqual({ kind: 'expression', expression: ['concat', 'a'] });
    expect(() => setBindingText(model, e, 'title', 'nb', 'x')).toThrow(/expression/);
    expect(() => mergeChanges(new Map([['a', 'x']]), new Map([['a', 'y']]))).toThrow(/a/);
  });
});
