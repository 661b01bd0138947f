import { describe, expect, it } from 'vitest';
import { buildHierarchy, type ExprEnvironment, type PageFile } from '../expressions';
import { validateLayoutSet } from './engine';
import { resolveExpressionValidationConfig } from './expressionConfig';
import type { FormDataModel } from './formValidation';
import { componentMask, filterVisible, validationMask } from './masks';
import { compileDataModelSchema } from './schemaValidation';

const page = (layout: unknown[], hidden?: unknown): PageFile => ({ data: { layout, ...(hidden === undefined ? {} : { hidden }) } });

function validate(layouts: Record<string, PageFile>, models: Record<string, FormDataModel>, extra: { now?: Date } = {}) {
  const dataModels = Object.fromEntries(Object.entries(models).map(([k, m]) => [k, m.data]));
  const hierarchy = buildHierarchy(layouts, dataModels, { defaultDataType: 'model' });
  const env: ExprEnvironment = { dataModels, defaultDataType: 'model', hierarchy };
  return validateLayoutSet({ hierarchy, env, dataModels: models, ...extra });
}

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    name: { type: 'string', maxLength: 5 },
    needsName: { type: 'boolean' },
    born: { type: 'string', format: 'date' },
    people: { type: 'array', items: { type: 'object', properties: { age: { type: 'integer', maximum: 150 }, name: { type: 'string' }, skip: { type: 'boolean' } } } },
  },
};

const layouts = {
  Main: page([
    { id: 'name', type: 'Input', required: ['equals', ['dataModel', 'needsName'], true], dataModelBindings: { simpleBinding: 'name' }, textResourceBindings: { title: 'name.title' } },
    { id: 'born', type: 'Datepicker', dataModelBindings: { simpleBinding: 'born' } },
    { id: 'people', type: 'RepeatingGroup', dataModelBindings: { group: 'people' }, children: ['age', 'person-name'], hiddenRow: ['dataModel', 'people.skip'], minCount: 5 },
    { id: 'age', type: 'Input', required: true, dataModelBindings: { simpleBinding: 'people.age' } },
    { id: 'person-name', type: 'Input', required: true, dataModelBindings: { simpleBinding: 'people.name' }, showValidations: ['All'] },
    { id: 'extra', type: 'Input', required: true, dataModelBindings: { simpleBinding: { dataType: 'other', field: 'x' } } },
  ]),
  Hidden: page([{ id: 'ghost', type: 'Input', required: true, dataModelBindings: { simpleBinding: 'ghost' } }], true),
};

const data = {
  name: 'too long',
  needsName: true,
  born: '2024-13-01',
  people: [{ age: 200, name: 'A' }, { age: 1, skip: true }, { age: '', name: '' }, { age: 5, name: 'B' }],
};

const summary = (issues: ReturnType<typeof validate>['issues']) =>
  issues.map(({ issue, componentIds }) => `${issue.source}:${issue.message.key}@${issue.field ?? issue.componentId}→${componentIds.join(',')}`);

describe('validateLayoutSet', () => {
  const config = resolveExpressionValidationConfig({
    definitions: { adult: { message: 'must.be.adult', condition: ['lessThan', ['dataModel', ['argv', 0]], 18] } },
    validations: { 'people.age': ['adult', { ref: 'adult', severity: 'warning', message: 'soft' }] },
  });

  it('runs every source and maps issues to the generated ids of visible instances', () => {
    const result = validate(layouts, { model: { data, schema, expressionValidation: config }, other: { data: { x: 'ok' } } });
    expect(summary(result.issues)).toEqual([
      'schema:validation_errors.maxLength@name→name',
      // Datepicker shows its own format message instead of the schema's.
      'schema:validation_errors.pattern@born→',
      'schema:validation_errors.max@people[0].age→age-0',
      'required:form_filler.error_required@people[2].age→age-2',
      'required:form_filler.error_required@people[2].name→person-name-2',
      'component:date_picker.invalid_date_message@born→born',
      'component:validation_errors.minItems@people→people',
      // Row 1 (age 1) is hidden, so its field is not validated at all.
      'expression:must.be.adult@people[3].age→age-3',
      'expression:soft@people[3].age→age-3',
    ]);
    expect(result.unmapped.map((i) => i.field)).toEqual(['born']);
    expect(result.byComponent.get('age-2')?.[0]?.message.params).toEqual([{ key: 'validation.generic_field', makeLowerCase: true }]);
  });

  it('evaluates required expressions, and required of another data type', () => {
    const result = validate(layouts, { model: { data: { ...data, needsName: false, name: '' } }, other: { data: {} } });
    const required = result.issues.filter((m) => m.issue.source === 'required').map((m) => m.componentIds.join());
    expect(required).toEqual(['age-2', 'person-name-2', 'extra']);
    const withName = validate(layouts, { model: { data: { ...data, name: '' } }, other: { data: { x: 'y' } } });
    expect(withName.issues.filter((m) => m.issue.source === 'required')[0]?.issue.message).toEqual({
      key: 'form_filler.error_required',
      params: [{ key: 'name.title', makeLowerCase: true }],
    });
  });

  it('shows required errors only under masks that include Required', () => {
    const result = validate(layouts, { model: { data } });
    const ageIssues = result.byComponent.get('age-2') ?? [];
    const nameIssues = result.byComponent.get('person-name-2') ?? [];
    expect(filterVisible(ageIssues, componentMask(layouts.Main.data!.layout![3] as Record<string, unknown>))).toEqual([]);
    expect(filterVisible(nameIssues, componentMask(layouts.Main.data!.layout![4] as Record<string, unknown>))).toHaveLength(1);
    expect(filterVisible(ageIssues, validationMask.All)).toHaveLength(1);
  });

  it('validates a 500-field model with rows, compiling the schema once', () => {
    const fields = Array.from({ length: 500 }, (_, i) => `f${i}`);
    const bigSchema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        ...Object.fromEntries(fields.map((f, i) => [f, i % 2 ? { type: 'integer', minimum: 0 } : { type: 'string', maxLength: 3 }])),
        rows: { type: 'array', items: { type: 'object', properties: { v: { type: 'number', maximum: 10 } } } },
      },
    };
    const bigData = { ...Object.fromEntries(fields.map((f, i) => [f, i % 2 ? -1 : i % 4 === 0 ? '' : 'abcd'])), rows: Array.from({ length: 50 }, (_, i) => ({ v: i })) };
    const bigLayouts = {
      P: page([
        ...fields.map((f) => ({ id: `c-${f}`, type: 'Input', required: true, dataModelBindings: { simpleBinding: f } })),
        { id: 'rows', type: 'RepeatingGroup', dataModelBindings: { group: 'rows' }, children: ['v'] },
        { id: 'v', type: 'Input', required: ['greaterThan', ['dataModel', 'rows.v'], 40], dataModelBindings: { simpleBinding: 'rows.v' } },
      ]),
    };
    const bigConfig = resolveExpressionValidationConfig({ validations: { ...Object.fromEntries(fields.slice(0, 100).map((f) => [f, [{ message: 'x', condition: ['equals', ['dataModel', ['argv', 0]], -1] }]])), 'rows.v': [{ message: 'odd', condition: ['equals', ['dataModel', ['argv', 0]], 7] }] } });
    const model = { data: bigData, schema: bigSchema, expressionValidation: bigConfig };
    const first = validate(bigLayouts, { model });
    const compiled = compileDataModelSchema(bigSchema);
    const second = validate(bigLayouts, { model });
    expect(compileDataModelSchema(bigSchema)).toBe(compiled);
    expect(second.issues.length).toBe(first.issues.length);
    const count = (source: string) => first.issues.filter((m) => m.issue.source === source).length;
    expect(count('schema')).toBe(250 + 125 + 39);
    expect(count('required')).toBe(125);
    expect(count('expression')).toBe(50 + 1);
    expect(first.byComponent.get('v-7')?.map((i) => i.message.key)).toEqual(['odd']);
  });
});
