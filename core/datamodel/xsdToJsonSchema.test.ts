import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allFields, fieldTreeFromJsonSchema, fieldTreeFromXsd } from './fieldTree';
import { altinnAnnotationKeywords, altinnFormatLimitKeywords, convertXsdToJsonSchema, xsdToJsonSchema } from './xsdToJsonSchema';

const ownModel = readFileSync(path.join(__dirname, 'testdata', 'application.xsd'), 'utf8');
const schema = xsdToJsonSchema(ownModel) as any;
const defs = schema.$defs;
/** Properties of an object schema, including those in its `allOf` parts (runs between `$ref` steps). */
const props = (def: any): Record<string, any> => Object.assign({}, ...(def.allOf ?? []).map((p: any) => p.properties ?? {}), def.properties);
const requiredOf = (def: any): string[] => [...(def.allOf ?? []).flatMap((p: any) => p.required ?? []), ...(def.required ?? [])];

function validator(s: object) {
  const ajv = new Ajv2020({ strictSchema: false, validateFormats: false, allErrors: true });
  for (const keyword of altinnFormatLimitKeywords) ajv.addKeyword(keyword);
  return ajv.compile(s);
}

describe('xsdToJsonSchema writes what Altinn Studio writes', () => {
  it('has the schema header, XSD keywords and the root as oneOf/$ref', () => {
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'schema.json',
      type: 'object',
      '@xsdNamespaces': { xs: 'http://www.w3.org/2001/XMLSchema', seres: 'http://seres.no/xsd/forvaltningsdata' },
      '@xsdSchemaAttributes': { AttributeFormDefault: 'Unqualified', ElementFormDefault: 'Qualified', BlockDefault: 'None', FinalDefault: 'None' },
      info: { rootNode: '' },
      '@xsdRootElement': 'application',
      oneOf: [{ $ref: '#/$defs/Application' }],
    });
    expect(Object.keys(defs)).toContain('Application');
    expect(defs.application).toBeUndefined();
    expect(xsdToJsonSchema(ownModel, { id: 'https://example.no/model.schema.json' }).$id).toBe('https://example.no/model.schema.json');
  });

  it('writes an inline root element into the schema root', () => {
    const inline = xsdToJsonSchema('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="m"><xs:complexType><xs:sequence><xs:element name="a" type="xs:long"/></xs:sequence></xs:complexType></xs:element></xs:schema>');
    expect(inline).toMatchObject({ '@xsdRootElement': 'm', type: 'object', properties: { a: { type: 'integer', '@xsdType': 'long' } }, required: ['a'] });
    expect(inline.oneOf).toBeUndefined();
  });

  it('writes elements with @xsdType, occurrence, lists and nillable', () => {
    const app = props(defs.Application);
    expect(app.submitted).toEqual({ '@xsdType': 'dateTime', type: 'string', format: 'date-time' });
    expect(app.count).toEqual({ '@xsdType': 'int', type: ['integer', 'null'], '@xsdMinOccurs': 0 });
    expect(app.coApplicant).toEqual({ oneOf: [{ $ref: '#/$defs/Person' }, { type: 'null' }], '@xsdNillable': true, '@xsdMinOccurs': 0 });
    expect(app.attachments).toEqual({ type: 'array', items: { '@xsdType': 'string', type: 'string' }, '@xsdMinOccurs': 0, '@xsdMaxOccurs': 'unbounded' });
    expect(app.vehicles).toMatchObject({ type: 'array', minItems: 1, maxItems: 5, '@xsdMinOccurs': 1, '@xsdMaxOccurs': '5', items: { '@xsdStructure': 'all' } });
    expect(app.applicant).toEqual({ $ref: '#/$defs/Person', description: 'The person who applies', '@xsdUnhandledAttributes': { 'seres:guid': 'AR-1' } });
    expect(app.note).toEqual({ $ref: '#/$defs/note', '@xsdType': '#ref', '@xsdMinOccurs': 0 });
    expect(requiredOf(defs.Application)).toEqual(['applicant', 'submitted', 'vehicles', 'version']);
  });

  it('writes facets as JSON Schema keywords', () => {
    expect(defs.PostalCode).toEqual({ '@xsdType': 'string', type: 'string', minLength: 4, maxLength: 4, pattern: '[0-9]{4}', '@xsdStructure': 'XmlSchemaSimpleTypeRestriction' });
    expect(defs.Amount).toMatchObject({ type: 'number', '@xsdTotalDigits': 12, multipleOf: 0.01, minimum: 0 });
    expect(defs.Age).toMatchObject({ type: 'integer', exclusiveMinimum: -1, exclusiveMaximum: 150 });
    expect(defs.DateFrom2000).toMatchObject({ type: 'string', format: 'date', formatMinimum: '2000-01-01' });
    expect(defs.CountryCode.enum).toEqual(['NO', 'SE', 'DK']);
    expect(defs.OrgNo).toEqual({ allOf: [{ $ref: '#/$defs/Digits' }, { type: 'string', minLength: 9, maxLength: 9 }], '@xsdStructure': 'XmlSchemaSimpleTypeRestriction' });
    expect(defs.TagList).toEqual({ type: 'array', items: { '@xsdType': 'string', type: 'string' } });
    expect(props(defs.Application).status.enum).toEqual([1, 2]);
  });

  it('writes attributes, derivation, simple content, groups and choices', () => {
    expect(props(defs.Application).version).toEqual({ '@xsdType': 'integer', type: 'integer', const: 2, '@xsdAttribute': true });
    // Group refs stay in place: the properties before each one are an allOf part of their own.
    expect(defs.Application.allOf.map((p: any) => p.$ref ?? Object.keys(p.properties))).toEqual([
      ['applicant', 'coApplicant', 'submitted', 'startDate', 'amount', 'share', 'count', 'accepted', 'attachments', 'vehicles', 'contact', 'company', 'income', 'note'],
      '#/$defs/Signature',
      ['tags', 'rootItem', 'status', 'version'],
      '#/$defs/Tracking',
    ]);
    expect(defs.Application.properties).toBeUndefined();
    expect(defs.Company).toMatchObject({ allOf: [{ $ref: '#/$defs/Address' }], required: ['orgNo'] });
    expect(Object.keys(defs.Company.properties)).toEqual(['orgNo', 'employees', 'sector']);
    expect(defs.MoneyWithCurrency.properties.value).toEqual({ '@xsdText': true, $ref: '#/$defs/Amount' });
    expect(defs.MoneyWithCurrency.required).toEqual(['value', 'currency']);
    expect(props(defs.Application).contact.allOf).toEqual([{ oneOf: [{ required: ['email'] }, { required: ['phone'] }] }]);
  });

  it('uses only JSON Schema keywords and the listed Altinn ones', () => {
    const standard = new Set(['$schema', '$id', '$ref', '$defs', 'type', 'properties', 'required', 'items', 'allOf', 'oneOf', 'anyOf', 'enum', 'const', 'default', 'format',
      'description', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems']);
    const allowed = new Set<string>([...standard, ...altinnAnnotationKeywords, ...altinnFormatLimitKeywords]);
    const unknown = new Set<string>();
    const walk = (node: unknown, keyed: boolean): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, false));
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (!keyed && !allowed.has(key)) unknown.add(key);
        if (['properties', '$defs'].includes(key)) Object.values(value as object).forEach((v) => walk(v, false));
        else if (['items', 'allOf', 'oneOf', 'anyOf'].includes(key)) walk(value, false);
      }
    };
    walk(schema, false);
    expect([...unknown]).toEqual([]);
  });
});

describe('the converted schema', () => {
  it('has the same fields, restrictions and flags as the XSD read directly', () => {
    const direct = fieldTreeFromXsd(ownModel);
    const converted = fieldTreeFromJsonSchema(schema);
    const facts = (t: typeof direct) => allFields(t).map((f) => [f.path, f.type, f.repeating, f.itemType, f.restrictions, f.nullable, f.xmlAttribute ?? false, f.recursive ?? false]);
    expect(converted.rootName).toBe('application');
    expect(facts(converted)).toEqual(facts(direct));
  });

  const valid = {
    applicant: { name: 'Kari', birthDate: '1990-01-01', age: 34, address: { street: 'Storgata 1', postalCode: '0155', country: 'NO' } },
    coApplicant: null,
    submitted: '2024-05-17T10:00:00Z',
    amount: 1250.5,
    count: null,
    attachments: ['a.pdf'],
    vehicles: [{ regNo: 'AB12345', year: '2020' }],
    contact: { email: 'kari@example.no' },
    company: { street: 'Gate 2', postalCode: '5003', orgNo: '123456789', employees: [{ name: 'Ola' }], sector: 'private' },
    income: { value: 100, currency: 'NOK' },
    signedBy: 'Kari',
    tags: ['x', 'y'],
    rootItem: { label: 'top', children: [{ label: 'child', children: [] }] },
    status: 2,
    version: 2,
  };

  it('compiles with ajv and accepts a valid instance', () => {
    const validate = validator(schema);
    expect(validate(valid) ? [] : validate.errors).toEqual([]);
  });

  it.each([
    ['a missing required element', { signedBy: undefined }, 'required'],
    ['a value over maxLength', { applicant: { ...valid.applicant, name: 'x'.repeat(101) } }, 'maxLength'],
    ['a pattern mismatch', { vehicles: [{ regNo: 'abc' }] }, 'pattern'],
    ['too many rows', { vehicles: Array.from({ length: 6 }, () => ({ regNo: 'AB12345' })) }, 'maxItems'],
    ['too many decimals', { amount: 1.234 }, 'multipleOf'],
    ['a wrong enum value', { status: 3 }, 'enum'],
    ['a wrong fixed value', { version: 3 }, 'const'],
    ['a wrong type', { submitted: 42 }, 'type'],
    ['both choices', { contact: { email: 'a', phone: '12345678' } }, 'oneOf'],
    ['no choice', { contact: {} }, 'oneOf'],
    ['a missing simple-content value', { income: { currency: 'NOK' } }, 'required'],
    ['a missing field of a derived type', { company: { street: 'x', orgNo: '123456789' } }, 'required'],
  ])('rejects %s', (_, change, keyword) => {
    const validate = validator(schema);
    expect(validate({ ...valid, ...change })).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toContain(keyword);
  });
});

describe('converting broken XSDs', () => {
  it.each([
    ['an empty text', ''],
    ['a truncated model', ownModel.slice(0, 900)],
    ['wrong nesting', '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="m"><xs:complexType></xs:element></xs:complexType></xs:schema>'],
  ])('gives problems and still a JSON Schema for %s', (_, text) => {
    const { schema: converted, problems } = convertXsdToJsonSchema(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(converted.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => validator(converted)).not.toThrow();
  });

  it('stops deep anonymous nesting with a problem', () => {
    let deep = '<xs:element name="leaf" type="xs:string"/>';
    for (let i = 0; i < 500; i++) deep = `<xs:element name="l${i}"><xs:complexType><xs:sequence>${deep}</xs:sequence></xs:complexType></xs:element>`;
    const { problems } = convertXsdToJsonSchema(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${deep}</xs:schema>`);
    expect(problems.some((p) => p.message.includes('nest deeper'))).toBe(true);
  });

  it('never throws on truncated models (property test)', () => {
    fc.assert(
      fc.property(fc.nat(ownModel.length), (cut) => {
        const { schema: converted } = convertXsdToJsonSchema(ownModel.slice(0, cut));
        expect(fieldTreeFromJsonSchema(converted).rootName).toBeTypeOf('string');
      }),
      { numRuns: 100 },
    );
  });
});
