import { describe, expect, it } from 'vitest';
import { altinnAnnotationKeywords } from '../datamodel';
import { validationMask } from './masks';
import { compileDataModelSchema, rootElementPath, validateFormDataWithSchema } from './schemaValidation';

const model = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties,
  ...extra,
});

/** The first issue for one property holding one value. */
function issueFor(schema: Record<string, unknown>, value: unknown) {
  const issues = validateFormDataWithSchema(model({ f: schema }), { f: value }, 'model');
  return issues.map((i) => ({ key: i.message.key, params: i.message.params, field: i.field, category: i.category }));
}

describe('schema keyword → message (§4.2)', () => {
  it.each([
    ['minimum', { type: 'number', minimum: 5 }, 3, 'validation_errors.min', [5]],
    ['exclusiveMinimum', { type: 'number', exclusiveMinimum: 5 }, 5, 'validation_errors.min', [5]],
    ['maximum', { type: 'integer', maximum: 10 }, 11, 'validation_errors.max', [10]],
    ['exclusiveMaximum', { type: 'number', exclusiveMaximum: 10 }, 10, 'validation_errors.max', [10]],
    ['minLength', { type: 'string', minLength: 3 }, 'ab', 'validation_errors.minLength', [3]],
    ['maxLength', { type: 'string', maxLength: 2 }, 'abc', 'validation_errors.maxLength', [2]],
    ['pattern', { type: 'string', pattern: '^\\d+$' }, 'x1', 'validation_errors.pattern', ['^\\d+$']],
    ['format', { type: 'string', format: 'date' }, '2024-02-30', 'validation_errors.pattern', ['date']],
    ['type', { type: 'integer' }, 'abc', 'validation_errors.pattern', ['integer']],
    ['enum', { type: 'string', enum: ['a', 'b'] }, 'c', 'validation_errors.enum', ['a, b']],
    ['multipleOf', { type: 'number', multipleOf: 0.5 }, 0.3, 'validation_errors.multipleOf', [0.5]],
    ['maxItems', { type: 'array', maxItems: 1 }, [1, 2], 'validation_errors.maxItems', [1]],
    ['formatMinimum', { type: 'string', format: 'date', formatMinimum: '2000-01-01' }, '1999-12-31', 'validation_errors.formatMinimum', ['2000-01-01']],
    ['formatExclusiveMaximum', { type: 'string', format: 'date', formatExclusiveMaximum: '2000-01-01' }, '2000-01-01', 'validation_errors.formatMaximum', ['2000-01-01']],
  ])('%s', (_name, schema, value, key, params) => {
    expect(issueFor(schema, value)).toEqual([{ key, params, field: 'f', category: validationMask.Schema }]);
  });

  it('const shows as enum without a parameter, as in the frontend', () => {
    expect(issueFor({ const: 'a' }, 'b')).toEqual([{ key: 'validation_errors.enum', params: undefined, field: 'f', category: validationMask.Schema }]);
  });

  it('minItems is a Required-category error', () => {
    expect(issueFor({ type: 'array', minItems: 2 }, [1])).toEqual([{ key: 'validation_errors.minItems', params: [2], field: 'f', category: validationMask.Required }]);
  });

  it('skips empty values, required, oneOf and null-type errors', () => {
    expect(issueFor({ type: 'string', minLength: 3 }, '')).toEqual([]);
    expect(issueFor({ type: 'string', minLength: 3 }, null)).toEqual([]);
    const schema = model({ a: { type: 'string' } }, { required: ['a'] });
    expect(validateFormDataWithSchema(schema, {}, 'model')).toEqual([]);
    expect(issueFor({ type: 'null' }, 'x')).toEqual([]);
  });

  it('suppresses a date limit when the value is not a date at all', () => {
    expect(issueFor({ type: 'string', format: 'date', formatMaximum: '2000-01-01' }, 'not a date').map((i) => i.key)).toEqual(['validation_errors.pattern']);
  });

  it('coerces types like the frontend (a numeric string is a number) without changing the data', () => {
    const data = { f: '42' };
    expect(validateFormDataWithSchema(model({ f: { type: 'integer', maximum: 100 } }), data, 'model')).toEqual([]);
    expect(data.f).toBe('42');
  });

  it('uses a custom errorMessage text key from the schema node', () => {
    expect(issueFor({ type: 'string', maxLength: 2, errorMessage: 'my.key' }, 'abc')).toEqual([{ key: 'my.key', params: [2], field: 'f', category: 1 }]);
  });
});

describe('formats the frontend registers', () => {
  const valid = (format: string, value: string) => issueFor({ type: 'string', format }, value).length === 0;

  it.each([
    ['date', '2024-02-29', '2023-02-29'],
    ['time', '23:59:60Z', '24:00:00'],
    ['date-time', '2024-01-01T10:00:00+02:00', '2024-01-01 25:00:00'],
    ['email', 'a.b@example.no', 'a@b'],
    ['ipv4', '192.168.0.1', '256.1.1.1'],
    ['ipv6', '::ffff:10.0.0.1', '1::2::3'],
    ['uuid', '3f2504e0-4f89-11d3-9a0c-0305e82c3301', '3f2504e0'],
    ['uri', 'https://altinn.no/x?y=1', 'no scheme'],
    ['uri-template', 'https://x/{id}{?q,r}', 'https://x/{bad id}'],
    ['year', '2024', '24'],
    ['year-month', '2024-12', '2024-13'],
    ['regex', '^a+$', '('],
  ])('%s', (format, good, bad) => {
    expect(valid(format, good)).toBe(true);
    expect(valid(format, bad)).toBe(false);
  });

  it('ignores formats it does not know', () => {
    expect(valid('made-up', 'anything')).toBe(true);
  });
});

describe('schema validation with rows and roots', () => {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'schema.json',
    info: { rootNode: '#/$defs/Skjema' },
    '@xsdNamespaces': { xsd: 'http://www.w3.org/2001/XMLSchema' },
    '@xsdSchemaAttributes': {},
    $defs: {
      Skjema: {
        type: 'object',
        '@xsdStructure': 'XmlSequence',
        properties: { people: { type: 'array', items: { $ref: '#/$defs/Person' } }, born: { type: 'string', format: 'date', formatMinimum: '1900-01-01' } },
      },
      Person: { type: 'object', properties: { age: { type: 'integer', minimum: 0, '@xsdType': 'int' }, '0': { type: 'string', maxLength: 1 } } },
    },
  };

  it('keys issues by the concrete path with row indexes', () => {
    const issues = validateFormDataWithSchema(schema, { people: [{ age: 1 }, { age: -1, '0': 'xy' }], born: '1800-01-01' }, 'model');
    expect(issues.map((i) => `${i.field} ${i.message.key}`).sort()).toEqual([
      'born validation_errors.formatMinimum',
      'people[1].0 validation_errors.maxLength',
      'people[1].age validation_errors.min',
    ]);
  });

  it('accepts every Altinn annotation keyword', () => {
    const annotated = model(Object.fromEntries(altinnAnnotationKeywords.map((k, i) => [`p${i}`, { type: 'string', [k]: {} }])));
    expect(compileDataModelSchema(annotated).problem).toBeUndefined();
  });

  it('finds the root element from info, SERES meldingsnavn and classRef', () => {
    expect(rootElementPath({ info: { rootNode: '#/definitions/A' } })).toBe('#/definitions/A');
    expect(rootElementPath({ info: { meldingsnavn: 'melding' }, properties: { melding: { $ref: '#/definitions/M' } } })).toBe('#/definitions/M');
    expect(rootElementPath({ $defs: { Model: {} } }, 'Altinn.App.Models.Model')).toBe('#/$defs/Model');
    expect(rootElementPath({ definitions: { Model: {} } }, 'Altinn.App.Models.Model')).toBe('#/definitions/Model');
    expect(rootElementPath({}, 'Missing')).toBe('');
  });

  it('compiles once per schema object', () => {
    expect(compileDataModelSchema(schema)).toBe(compileDataModelSchema(schema));
  });

  it('reports a schema it cannot compile instead of throwing', () => {
    const broken = model({ a: { type: 'string', pattern: '(' } });
    expect(compileDataModelSchema(broken).problem).toMatch(/cannot be used/);
    expect(validateFormDataWithSchema(broken, { a: 'x' }, 'model')).toEqual([]);
  });
});
