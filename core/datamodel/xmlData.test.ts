import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldTreeFromJsonSchema } from './jsonSchemaFields';
import type { DataModelField, DataModelTree } from './types';
import { modelToXml, xmlToModel } from './xmlData';
import { fieldTreeFromXsd } from './xsdFields';

const schema = {
  '@xsdRootElement': 'Skjema',
  type: 'object',
  properties: {
    id: { type: 'string', '@xsdAttribute': true },
    name: { type: 'string' },
    age: { type: 'integer' },
    amount: { type: ['number', 'null'] },
    agree: { type: 'boolean' },
    address: { type: 'object', properties: { street: { type: 'string' }, zip: { type: 'string' } } },
    people: { type: 'array', items: { type: 'object', properties: { altinnRowId: { type: 'string', '@xsdAttribute': true }, first: { type: 'string' }, born: { type: 'integer' } } } },
    tags: { type: 'array', items: { type: 'string' } },
  },
};
const tree = fieldTreeFromJsonSchema(schema);

describe('xmlToModel / modelToXml', () => {
  it('reads XmlSerializer output: lists, numbers, booleans, attributes, nil and unknown elements', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Skjema xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="A&amp;1">
  <name> Kari &lt;N&gt; </name>
  <age>42</age>
  <amount xsi:nil="true" />
  <agree>true</agree>
  <unknown>ignored</unknown>
  <people altinnRowId="r1"><first>Ola</first><born>1990</born></people>
  <people altinnRowId="r2"><first>Eva</first></people>
  <tags>a</tags><tags>b</tags>
</Skjema>`;
    expect(xmlToModel(xml, tree)).toEqual({
      value: { id: 'A&1', name: ' Kari <N> ', age: 42, amount: null, agree: true, people: [{ altinnRowId: 'r1', first: 'Ola', born: 1990 }, { altinnRowId: 'r2', first: 'Eva' }], tags: ['a', 'b'] },
      problems: [],
    });
  });

  it('reports values that do not fit the model and a wrong root', () => {
    const { problems } = xmlToModel('<Other><age>x</age><agree>maybe</agree></Other>', tree);
    expect(problems).toEqual(['The root element is <Other>, the model expects <Skjema>', 'Skjema/age: "x" is not an integer', 'Skjema/agree: "maybe" is not a boolean']);
    expect(xmlToModel('<Skjema><name>', tree).problems.length).toBeGreaterThan(0);
  });

  it('writes fields in model order with nil for null', () => {
    const xml = modelToXml({ tags: ['x'], name: 'N', amount: null, address: {} }, tree);
    expect(xml).toContain('<Skjema xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">');
    expect(xml.indexOf('<name>N</name>')).toBeLessThan(xml.indexOf('<amount xsi:nil="true" />'));
    expect(xml.indexOf('<address />')).toBeLessThan(xml.indexOf('<tags>x</tags>'));
    expect(modelToXml(1e21, tree)).toContain('<Skjema');
    expect(modelToXml({ amount: 1e21 }, tree)).toContain('<amount>1000000000000000000000</amount>');
  });

  const xmlChar = (cp: number) => cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp !== 0xfffe && cp !== 0xffff);
  // Text XML 1.0 can carry: no control characters other than tab/LF/CR, no lone surrogates.
  const xmlText = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => [...s].filter((c) => xmlChar(c.codePointAt(0)!)).join(''));
  const valueOf = (field: DataModelField, type: DataModelField['type']): fc.Arbitrary<unknown> => {
    if (type === 'integer') return fc.integer();
    if (type === 'number') return fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0));
    if (type === 'boolean') return fc.boolean();
    if (type === 'object') return objectOf(field.children);
    return xmlText;
  };
  const objectOf = (fields: readonly DataModelField[]): fc.Arbitrary<Record<string, unknown>> => {
    const entries: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) {
      const one = valueOf(f, f.repeating ? (f.itemType ?? 'string') : f.type);
      entries[f.name] = f.repeating ? fc.array(one, { minLength: 1, maxLength: 3 }) : f.nullable && !f.xmlAttribute ? fc.option(one, { nil: null }) : one;
    }
    return fc.record(entries, { requiredKeys: [] });
  };
  const roundTrips = (t: DataModelTree, runs: number) =>
    fc.assert(
      fc.property(objectOf(t.fields), (value) => {
        const back = xmlToModel(modelToXml(value, t), t);
        expect(back.problems).toEqual([]);
        expect(back.value).toEqual(value);
      }),
      { numRuns: runs },
    );

  it('round-trips any model value of the test schema (JSON → XML → JSON)', () => roundTrips(tree, 300));

  it('round-trips XML of the model (XML → JSON → XML)', () => {
    fc.assert(
      fc.property(objectOf(tree.fields), (value) => {
        const xml = modelToXml(value, tree);
        expect(modelToXml(xmlToModel(xml, tree).value, tree)).toBe(xml);
      }),
      { numRuns: 200 },
    );
  });

  const appsDir = join(__dirname, '../../../shared/fixtures/apps');
  const models = existsSync(appsDir)
    ? readdirSync(appsDir).flatMap((app) => {
        const dir = join(appsDir, app, 'App/models');
        return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.schema.json') || f.endsWith('.xsd')).map((f) => join(dir, f)) : [];
      })
    : [];
  it.skipIf(models.length === 0)('round-trips values of every real fixture model (schema and XSD trees)', () => {
    for (const file of models) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      const t = file.endsWith('.xsd') ? fieldTreeFromXsd(text) : fieldTreeFromJsonSchema(JSON.parse(text) as unknown);
      roundTrips(t, 20);
    }
  });
});
