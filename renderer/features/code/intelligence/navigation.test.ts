// Go to definition and find references: text keys lead to each language, components to their id,
// data paths to the schema property (through $ref), code lists to their file.
import { describe, expect, it } from 'vitest';
import { definitionsOf, referencesOf, schemaPropertyPath } from './navigation';
import { symbolAt } from './symbolAt';
import { files, loadTestApp, modelSchema, offsetOf, page, pagePath } from './testApp';
import type { FileLocation } from './navigation';
import { offsetAt } from '../../../../core/text/textPosition';

/** The text a location points at. */
const textAt = (l: FileLocation) => {
  const text = l.path === pagePath ? page : l.path === 'App/models/model.schema.json' ? modelSchema : files[l.path]!;
  const start = offsetAt(text, l.line, l.column);
  return text.slice(start, start + l.length);
};

describe('definitionsOf', () => {
  it('leads from a text key to its resource in each language file', async () => {
    const model = await loadTestApp();
    const symbol = symbolAt(model, pagePath, offsetOf(page, '"name.title"'))!;
    const found = definitionsOf(model, symbol);
    expect(found.map((l) => l.path).sort()).toEqual(['App/config/texts/resource.en.json', 'App/config/texts/resource.nb.json']);
    expect(found.map(textAt)).toEqual(['name.title', 'name.title']);
    expect(found.find((l) => l.path.endsWith('en.json'))).toMatchObject({ line: 4 });
  });

  it('leads from a component reference to the component’s id', async () => {
    const model = await loadTestApp();
    const found = definitionsOf(model, symbolAt(model, pagePath, offsetOf(page, '["component", "name"]', 16))!);
    expect(found).toEqual([{ path: pagePath, line: 5, column: 16, length: 4 }]);
  });

  it('leads from a data path to its property in the model schema, through $ref', async () => {
    const model = await loadTestApp();
    const found = definitionsOf(model, symbolAt(model, pagePath, offsetOf(page, '"person.age"'))!);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: 'App/models/model.schema.json', line: 13 });
    expect(textAt(found[0]!)).toBe('age');
  });

  it('leads from an optionsId to the code list file', async () => {
    const model = await loadTestApp();
    expect(definitionsOf(model, symbolAt(model, pagePath, offsetOf(page, '"colours"'))!)).toEqual([{ path: 'App/options/colours.json', line: 1, column: 1, length: 0 }]);
  });

  it('finds nothing for a name nothing defines', async () => {
    const model = await loadTestApp();
    expect(definitionsOf(model, symbolAt(model, pagePath, offsetOf(page, '"missing.key"'))!)).toEqual([]);
  });
});

describe('referencesOf', () => {
  it('lists definitions, then every use', async () => {
    const model = await loadTestApp();
    const found = referencesOf(model, symbolAt(model, pagePath, offsetOf(page, '"id": "name"', 8))!);
    expect(found.map((l) => `${l.path}:${l.line}`)).toEqual([`${pagePath}:5`, `${pagePath}:11`, `${pagePath}:12`]);
    expect(found.every((l) => textAt(l) === 'name')).toBe(true);
  });

  it('lists a text’s resources and its uses', async () => {
    const model = await loadTestApp();
    const found = referencesOf(model, symbolAt(model, 'App/config/texts/resource.nb.json', offsetOf(files['App/config/texts/resource.nb.json']!, '"name.title"'))!);
    expect(found.map((l) => l.path).sort()).toEqual(['App/config/texts/resource.en.json', 'App/config/texts/resource.nb.json', pagePath]);
  });

  it('lists a data path’s schema property and its bindings, not the fields under it', async () => {
    const model = await loadTestApp();
    const found = referencesOf(model, { kind: 'dataPath', key: 'person', scope: 'model', role: 'reference', offset: 0, length: 0 });
    expect(found.map((l) => l.path)).toEqual(['App/models/model.schema.json']);
  });
});

describe('schemaPropertyPath', () => {
  it('walks properties, $ref, items and allOf, from the root or a definition', () => {
    const schema = {
      properties: { melding: { $ref: '#/definitions/Root' } },
      definitions: {
        Root: { allOf: [{ properties: { rows: { type: 'array', items: { $ref: '#/definitions/Row' } } } }] },
        Row: { properties: { amount: { type: 'number' } } },
      },
    };
    expect(schemaPropertyPath(schema, 'rows.amount')).toEqual(['definitions', 'Row', 'properties', 'amount']);
    expect(schemaPropertyPath(schema, 'rows')).toEqual(['definitions', 'Root', 'allOf', 0, 'properties', 'rows']);
    expect(schemaPropertyPath(schema, 'nope')).toBeNull();
    expect(schemaPropertyPath('not a schema', 'rows')).toBeNull();
  });

  it('stops on a $ref cycle', () => {
    const schema = { $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/$defs/A' } }, $ref: '#/$defs/A' };
    expect(schemaPropertyPath(schema, 'x')).toBeNull();
  });
});
