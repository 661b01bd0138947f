import { describe, expect, it } from 'vitest';
import { buildHierarchy, type ExprEnvironment, type PageFile } from '../expressions';
import { validateLayoutSet } from './engine';
import type { FormDataModel } from './formValidation';
import { validationMask } from './masks';
import { findSchemaErrors } from './schemaValidation';

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $defs: {
    Model: {
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 5 },
        code: { type: 'string', pattern: '^[A-Z]+$', errorMessage: 'custom.code' },
        born: { type: 'string', format: 'date' },
        people: { type: 'array', items: { type: 'object', properties: { age: { type: 'integer', maximum: 150 } } } },
      },
    },
  },
};
const classRef = 'Altinn.App.Models.Model';

const layouts: Record<string, PageFile> = {
  Main: {
    data: {
      layout: [
        { id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'name' } },
        { id: 'code', type: 'Input', dataModelBindings: { simpleBinding: 'code' } },
        { id: 'born', type: 'Datepicker', dataModelBindings: { simpleBinding: 'born' } },
        { id: 'people', type: 'RepeatingGroup', dataModelBindings: { group: 'people' }, children: ['age'] },
        { id: 'age', type: 'Input', dataModelBindings: { simpleBinding: 'people.age' } },
      ],
    },
  },
};

const data = { name: 'too long', code: 'abc', born: '2024-13-01', people: [{ age: 1 }, { age: 200 }] };

function validate(model: FormDataModel) {
  const hierarchy = buildHierarchy(layouts, { model: model.data }, { defaultDataType: 'model' });
  const env: ExprEnvironment = { dataModels: { model: model.data }, defaultDataType: 'model', hierarchy };
  return validateLayoutSet({ hierarchy, env, dataModels: { model } });
}

describe('findSchemaErrors', () => {
  it('reduces ajv errors to serialisable field, keyword, text key, parameter and category', () => {
    const report = findSchemaErrors(schema, data, classRef);
    expect(report.problem).toBeUndefined();
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report.errors).toEqual([
      { field: 'name', keyword: 'maxLength', textKey: 'validation_errors.maxLength', param: 5, category: validationMask.Schema },
      { field: 'code', keyword: 'pattern', textKey: 'custom.code', param: '^[A-Z]+$', category: validationMask.Schema },
      { field: 'born', keyword: 'format', textKey: 'validation_errors.pattern', param: 'date', category: validationMask.Schema },
      { field: 'people[1].age', keyword: 'maximum', textKey: 'validation_errors.max', param: 150, category: validationMask.Schema },
    ]);
  });

  it('does not change the data it validates (ajv coerces a copy)', () => {
    const numbers = { people: [{ age: '7' }] };
    findSchemaErrors(schema, numbers, classRef);
    expect(numbers.people[0]!.age).toBe('7');
  });

  it('says why a schema cannot be used, with no errors', () => {
    const report = findSchemaErrors({ type: 'object', properties: { a: { type: 'string', pattern: '(' } } }, { a: 'x' });
    expect(report.errors).toEqual([]);
    expect(report.problem).toMatch(/cannot be used/);
  });
});

describe('precomputed schema errors in validateLayoutSet', () => {
  it('map to components exactly as the schema itself does (Datepicker keeps its own format message)', () => {
    const fromSchema = validate({ data, schema, classRef });
    const fromErrors = validate({ data, schemaErrors: findSchemaErrors(schema, data, classRef).errors });
    expect(fromErrors.issues).toEqual(fromSchema.issues);
    expect(fromErrors.byComponent.get('age-1')?.[0]?.message).toEqual({ key: 'validation_errors.max', params: [150] });
    expect(fromErrors.byComponent.get('born')?.map((i) => i.source)).not.toContain('schema');
    expect(fromErrors.unmapped.map((i) => `${i.source}@${i.field}`)).toContain('schema@born');
  });

  it('use the schema when both are given', () => {
    const result = validate({ data, schema, classRef, schemaErrors: [] });
    expect(result.byComponent.get('name')?.[0]?.source).toBe('schema');
  });
});
