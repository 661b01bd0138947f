// The name under a position, from the reference index (and, for names it has not seen, from what the place expects).
import { describe, expect, it } from 'vitest';
import { symbolAt } from './symbolAt';
import { files, loadTestApp, offsetOf, page, pagePath } from './testApp';

describe('symbolAt', () => {
  it('finds text keys, data paths, code lists and components in a layout', async () => {
    const model = await loadTestApp();
    expect(symbolAt(model, pagePath, offsetOf(page, '"name.title"', 3))).toMatchObject({ kind: 'text', key: 'name.title', scope: '', role: 'reference', offset: offsetOf(page, '"name.title"'), length: 10 });
    expect(symbolAt(model, pagePath, offsetOf(page, '"person.name"'))).toMatchObject({ kind: 'dataPath', key: 'person.name', scope: 'model' });
    expect(symbolAt(model, pagePath, offsetOf(page, '"colours"'))).toMatchObject({ kind: 'optionsId', key: 'colours' });
    expect(symbolAt(model, pagePath, offsetOf(page, '["name", "colour"]', 10))).toMatchObject({ kind: 'component', key: 'colour', scope: 'form', role: 'reference' });
    expect(symbolAt(model, pagePath, offsetOf(page, '"id": "box"', 8))).toMatchObject({ kind: 'component', key: 'box', role: 'definition' });
  });

  it('finds names inside expressions', async () => {
    const model = await loadTestApp();
    expect(symbolAt(model, pagePath, offsetOf(page, '"person.age"'))).toMatchObject({ kind: 'dataPath', key: 'person.age', scope: 'model' });
    expect(symbolAt(model, pagePath, offsetOf(page, '["component", "name"]', 16))).toMatchObject({ kind: 'component', key: 'name' });
  });

  it('finds a text resource id in a language file as its definition', async () => {
    const model = await loadTestApp();
    const en = files['App/config/texts/resource.en.json']!;
    expect(symbolAt(model, 'App/config/texts/resource.en.json', offsetOf(en, '"name.title"'))).toMatchObject({ kind: 'text', key: 'name.title', role: 'definition' });
  });

  it('answers null off a name: on a property key, a type, whitespace, a file the model lacks', async () => {
    const model = await loadTestApp();
    expect(symbolAt(model, pagePath, offsetOf(page, '"textResourceBindings"'))).toBeNull();
    expect(symbolAt(model, pagePath, offsetOf(page, '"Input"'))).toBeNull();
    expect(symbolAt(model, pagePath, 0)).toBeNull();
    expect(symbolAt(model, 'App/ui/form/layouts/Nope.json', 3)).toBeNull();
  });

  it('reads the editor text: a name typed but not yet in the model is known by its place', async () => {
    const model = await loadTestApp();
    const edited = page.replace('"name.title"', '"brand.new"');
    expect(symbolAt(model, pagePath, offsetOf(edited, '"brand.new"'), edited)).toMatchObject({ kind: 'text', key: 'brand.new', role: 'reference', offset: offsetOf(edited, '"brand.new"'), length: 9 });
  });

  it('keeps offsets right in a file with a BOM', async () => {
    const withBom = `\uFEFF${page}`;
    const model = await loadTestApp({ [pagePath]: withBom });
    const symbol = symbolAt(model, pagePath, offsetOf(withBom, '"colours"'));
    expect(symbol).toMatchObject({ kind: 'optionsId', key: 'colours' });
    expect(withBom.slice(symbol!.offset, symbol!.offset + symbol!.length)).toBe('colours');
  });
});
