import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  applicationMetadataSchema,
  footerSchema,
  layoutSetsSchema,
  layoutSettingsSchema,
  optionsSchema,
  textResourcesSchema,
} from './appSchemas';
import type { JsonSchema } from './jsonSchema';

function checker(schema: JsonSchema) {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

describe('layoutSettingsSchema', () => {
  const check = checker(layoutSettingsSchema());
  it('accepts order or groups, global settings and expressions', () => {
    expect(check({ pages: { order: ['a'], showProgress: true, navigationTitle: ['text', 'x'] } })).toEqual([]);
    expect(check({ pages: { groups: [{ name: 'g', order: ['a', 'b'] }, { order: ['c'], type: 'info' }] } })).toEqual([]);
    expect(check({ pages: { order: [] }, components: { excludeFromPdf: ['x'] }, defaultDataType: 'model' })).toEqual([]);
  });
  it('rejects a missing pages, pages without order or groups, and wrong types', () => {
    expect(check({})).not.toEqual([]);
    expect(check({ pages: { showProgress: true } })).not.toEqual([]);
    expect(check({ pages: { order: 'a' } })).not.toEqual([]);
    expect(check({ pages: { order: [], autoSaveBehavior: 'never' } })).not.toEqual([]);
    expect(check({ pages: { order: [], validationOnNavigation: { page: 'current' } } })).not.toEqual([]);
  });
});

describe('layoutSetsSchema', () => {
  const check = checker(layoutSetsSchema());
  it('accepts sets with and without tasks, and uiSettings', () => {
    expect(check({ sets: [{ id: 'form', dataType: 'model', tasks: ['Task_1'] }, { id: 'sub', dataType: 'x', type: 'subform' }], uiSettings: {} })).toEqual([]);
  });
  it('rejects a set without id or dataType', () => {
    expect(check({ sets: [{ dataType: 'model' }] })).not.toEqual([]);
    expect(check({ sets: [{ id: 'form' }] })).not.toEqual([]);
    expect(check({})).not.toEqual([]);
  });
});

describe('textResourcesSchema', () => {
  const check = checker(textResourcesSchema());
  it('accepts resources with variables', () => {
    expect(
      check({ language: 'nb', resources: [{ id: 'a', value: 'Hei {0}', variables: [{ key: 'p.name', dataSource: 'dataModel.default' }] }] }),
    ).toEqual([]);
  });
  it('rejects a resource without id, a non-string value and an unknown data source', () => {
    expect(check({ language: 'nb', resources: [{ value: 'x' }] })).not.toEqual([]);
    expect(check({ language: 'nb', resources: [{ id: 'a', value: 3 }] })).not.toEqual([]);
    expect(check({ language: 'nb', resources: [{ id: 'a', value: 'x', variables: [{ key: 'k', dataSource: 'db' }] }] })).not.toEqual([]);
    expect(check({ resources: [] })).not.toEqual([]);
  });
});

describe('applicationMetadataSchema', () => {
  const check = checker(applicationMetadataSchema());
  const minimal = { id: 'ttd/app', org: 'ttd', title: { nb: 'App' }, dataTypes: [], partyTypesAllowed: {} };
  it('accepts a minimal file, nulls from C# models and unknown fields', () => {
    expect(check(minimal)).toEqual([]);
    expect(check({ ...minimal, dataTypes: [{ id: 'x', allowedContentTypes: null, appLogic: null, maxCount: 0 }], features: {} })).toEqual([]);
  });
  it('rejects missing required fields and wrong types', () => {
    expect(check({ ...minimal, org: undefined })).not.toEqual([]);
    expect(check({ ...minimal, id: 'no-slash' })).not.toEqual([]);
    expect(check({ ...minimal, dataTypes: [{ maxCount: 1 }] })).not.toEqual([]);
    expect(check({ ...minimal, dataTypes: [{ id: 'x', maxCount: -1 }] })).not.toEqual([]);
    expect(check({ ...minimal, logo: { source: 'web' } })).not.toEqual([]);
  });
});

describe('optionsSchema', () => {
  const check = checker(optionsSchema());
  it('accepts string, number, boolean and null values', () => {
    expect(check([{ label: 'a', value: 'a' }, { label: 'b', value: 2 }, { label: 'c', value: true }, { label: 'd', value: null }])).toEqual([]);
  });
  it('rejects an option without label or value, and a non-array', () => {
    expect(check([{ value: 'a' }])).not.toEqual([]);
    expect(check([{ label: 'a' }])).not.toEqual([]);
    expect(check({ options: [] })).not.toEqual([]);
  });
});

describe('footerSchema', () => {
  const check = checker(footerSchema());
  it('accepts texts and links', () => {
    expect(check({ footer: [{ type: 'Text', title: 'x' }, { type: 'Link', title: 'a', target: 'b', icon: 'information' }] })).toEqual([]);
  });
  it('rejects a link without target, an unknown type or icon', () => {
    expect(check({ footer: [{ type: 'Link', title: 'a' }] })).not.toEqual([]);
    expect(check({ footer: [{ type: 'Banner', title: 'a' }] })).not.toEqual([]);
    expect(check({ footer: [{ type: 'Email', title: 'a', target: 'b', icon: 'fax' }] })).not.toEqual([]);
  });
});

describe('every app schema', () => {
  it('compiles under ajv strict mode', () => {
    for (const schema of [layoutSettingsSchema, layoutSetsSchema, textResourcesSchema, applicationMetadataSchema, optionsSchema, footerSchema]) {
      expect(() => new Ajv({ strict: true, strictTuples: false }).compile(schema()), schema.name).not.toThrow();
    }
  });
});
