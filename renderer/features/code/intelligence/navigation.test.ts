// Go to definition and find references: text keys lead to each language, components to their id,
// data paths to the schema property (through $ref), code lists to their file.
import { describe, expect, it } from 'vitest';
import { definitionsOf, referencesOf, schemaPropertyPath } from './navigation';
import { symbolAt } from './symbolAt';
import { files, loadTestApp, modelSchema, offsetOf, page, pagePath } from './testApp';
import type { FileLocation } from './navigation';
import { offsetAt } from '../../../../core/text/textPosition';
import path from 'node:path';
import { memoryFileSource } from '../../../../core/app/fileSource';
import { loadAppModel } from '../../../../core/app/model/loadAppModel';
import { fixtureAppNames, fixtureAppsDir, folderSource } from '../../../../core/testing/fixtureApps';

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

describe('data paths in a model’s validation and prefill files', () => {
  const validationPath = 'App/models/model.validation.json';
  const prefillPath = 'App/models/model.prefill.json';
  const validation = '{"validations": {"person.age": [{"message": "m", "condition": ["lessThan", ["dataModel", ["argv", 0]], 0]}]}}';
  const prefill = '{"DSF": {"Name": "person.name"}}';

  it('lead from a validation key and a prefill target to the schema property', async () => {
    const model = await loadTestApp({ [validationPath]: validation, [prefillPath]: prefill });
    const key = symbolAt(model, validationPath, offsetOf(validation, '"person.age"'))!;
    expect(key).toMatchObject({ kind: 'dataPath', key: 'person.age', scope: 'model' });
    expect(definitionsOf(model, key).map(textAt)).toEqual(['age']);
    const target = symbolAt(model, prefillPath, offsetOf(prefill, '"person.name"'))!;
    expect(definitionsOf(model, target).map(textAt)).toEqual(['name']);
  });

  it('are among a field’s references, found from its binding in a layout', async () => {
    const model = await loadTestApp({ [validationPath]: validation, [prefillPath]: prefill });
    const age = referencesOf(model, symbolAt(model, pagePath, offsetOf(page, '"person.age"'))!);
    expect(age[0]!.path).toBe('App/models/model.schema.json');
    expect(age.map((l) => l.path).sort()).toEqual([validationPath, 'App/models/model.schema.json', pagePath].sort());
    const name = referencesOf(model, symbolAt(model, pagePath, offsetOf(page, '"person.name"'))!);
    expect(name.map((l) => l.path).sort()).toEqual([prefillPath, 'App/models/model.schema.json', pagePath].sort());
    expect(name.find((l) => l.path === prefillPath)).toEqual({ path: prefillPath, line: 1, column: 19, length: 11 });
  });
});

describe('go to definition in a model with only an XSD', () => {
  const xsd = `<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="model">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="person" type="Person" />
      </xs:sequence>
    </xs:complexType>
  </xs:element>
  <xs:complexType name="Person">
    <xs:sequence>
      <xs:element name="name" type="xs:string" />
      <xs:element name="age" type="xs:int" minOccurs="0" />
    </xs:sequence>
    <xs:attribute name="colour" type="xs:string" />
  </xs:complexType>
</xs:schema>
`;
  const xsdText = (l: FileLocation) => {
    const start = offsetAt(xsd, l.line, l.column);
    return xsd.slice(start, start + l.length);
  };

  it('opens the XSD at the element, or attribute, that declares the field', async () => {
    const { 'App/models/model.schema.json': _schema, ...rest } = files;
    const model = await loadAppModel(memoryFileSource({ ...rest, 'App/models/model.xsd': xsd }));
    const age = definitionsOf(model, symbolAt(model, pagePath, offsetOf(page, '"person.age"'))!);
    expect(age).toEqual([{ path: 'App/models/model.xsd', line: 13, column: 25, length: 3 }]);
    expect(xsdText(age[0]!)).toBe('age');
    const colour = definitionsOf(model, { kind: 'dataPath', key: 'person.colour', scope: 'model', role: 'reference', offset: 0, length: 0 });
    expect(colour.map(xsdText)).toEqual(['colour']);
    expect(definitionsOf(model, { kind: 'dataPath', key: 'person', scope: 'model', role: 'reference', offset: 0, length: 0 })).toMatchObject([{ line: 6 }]);
    expect(definitionsOf(model, { kind: 'dataPath', key: 'person.nope', scope: 'model', role: 'reference', offset: 0, length: 0 })).toEqual([]);
  });

  const app = 'expression-validation-test';
  it.skipIf(!fixtureAppNames().includes(app))('leads from a validation key of a real app, with its JSON schema taken away, to the XSD element', async () => {
    const source = folderSource(path.join(fixtureAppsDir, app));
    const model = await loadAppModel({ ...source, files: source.files.filter((f) => !f.path.endsWith('.schema.json')) });
    expect(model.models.find((m) => m.id === 'skjema')).toMatchObject({ schema: null });
    const file = 'App/models/skjema.validation.json';
    const text = model.texts.get(file)!;
    const found = definitionsOf(model, symbolAt(model, file, offsetOf(text, '"root.arbeidserfaring.prosjekter.beskrivelse"'))!);
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe('App/models/skjema.xsd');
    const xsdLines = model.texts.get('App/models/skjema.xsd')!.split('\n');
    expect(xsdLines[found[0]!.line - 1]).toContain('name="beskrivelse"');
    expect(xsdLines[found[0]!.line - 1]!.slice(found[0]!.column - 1, found[0]!.column - 1 + found[0]!.length)).toBe('beskrivelse');
  });
});
