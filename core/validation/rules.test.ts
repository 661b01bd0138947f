import { describe, expect, it } from 'vitest';
import { contentTypeAllowed, validateDataElements } from './attachmentValidation';
import { dateConstraint, invalidDataIssues, parseIsoDate, validateComponent, type ComponentValidationContext } from './componentValidation';
import { valueAtPath } from './dataPaths';
import { hiddenFieldTest, mapIssuesToComponents } from './issueMapping';
import { validationMask } from './masks';
import { isEmptyValue, validateRequired } from './requiredValidation';
import type { NodePropertyEvaluator, ValidationNode } from './types';

/** A component instance as the hierarchy adapter makes them (bindings in the `model` data type). */
function node(id: string, type: string, component: Record<string, unknown>, bindings: Record<string, string> = {}, hidden = false): ValidationNode {
  const rows = [...id.matchAll(/-(\d+)(?=-|$)/g)].map((m) => Number(m[1]));
  return {
    id,
    baseId: id.replace(/(-\d+)+$/, ''),
    type,
    pageName: 'page',
    hidden,
    bindings: Object.fromEntries(Object.entries(bindings).map(([k, field]) => [k, { dataType: 'model', field }])),
    component: { id, type, ...component },
    rowIndexes: rows,
  };
}

/** Literal props as they are; `["expr", value]` stands for an expression evaluating to `value`. */
const evaluate: NodePropertyEvaluator = (_node, _prop, value, fallback) =>
  Array.isArray(value) ? (value[0] === 'expr' ? value[1] : fallback) : value === undefined ? fallback : value;

const contextFor = (data: unknown, extra: Partial<ComponentValidationContext> = {}): ComponentValidationContext => ({
  read: (_type, field) => valueAtPath(data, field),
  evaluate,
  now: new Date(2024, 5, 15, 12, 0, 0),
  ...extra,
});

describe('required (§4.3)', () => {
  const data = { name: '', age: 0, flag: false, obj: { a: 1 }, list: [], spaces: '  ', street: 'Gate 1', zip: '' };
  const read = (_: string, field: string) => valueAtPath(data, field);

  it('treats only strings, numbers and booleans as filled in', () => {
    expect([undefined, null, '', {}, []].every(isEmptyValue)).toBe(true);
    expect([0, false, ' ', 'x'].some(isEmptyValue)).toBe(false);
  });

  it('gives form_filler.error_required with the lower-cased label, per empty binding', () => {
    const input = node('name-input', 'Input', { required: true, textResourceBindings: { title: 'name.title' } }, { simpleBinding: 'name' });
    expect(validateRequired(input, read, evaluate)).toEqual([
      {
        source: 'required',
        severity: 'error',
        message: { key: 'form_filler.error_required', params: [{ key: 'name.title', makeLowerCase: true }] },
        category: validationMask.Required,
        componentId: 'name-input',
        bindingKey: 'simpleBinding',
        dataType: 'model',
        field: 'name',
      },
    ]);
    const short = node('n', 'Input', { required: true, textResourceBindings: { title: 't', shortName: 's', requiredValidation: 'custom.required' } }, { simpleBinding: 'name' });
    expect(validateRequired(short, read, evaluate)[0]?.message).toEqual({ key: 'custom.required', params: [{ key: 's', makeLowerCase: true }] });
  });

  it('accepts 0, false and whitespace; objects and lists are empty', () => {
    for (const field of ['age', 'flag', 'spaces']) expect(validateRequired(node('c', 'Input', { required: true }, { simpleBinding: field }), read, evaluate)).toEqual([]);
    for (const field of ['obj', 'list', 'missing']) expect(validateRequired(node('c', 'Input', { required: true }, { simpleBinding: field }), read, evaluate)).toHaveLength(1);
  });

  it('evaluates required expressions and skips hidden components', () => {
    const on = node('a', 'Input', { required: ['expr', true] }, { simpleBinding: 'name' });
    const off = node('b', 'Input', { required: ['expr', false] }, { simpleBinding: 'name' });
    const hidden = node('c', 'Input', { required: true }, { simpleBinding: 'name' }, true);
    expect(validateRequired(on, read, evaluate)).toHaveLength(1);
    expect(validateRequired(off, read, evaluate)).toEqual([]);
    expect(validateRequired(hidden, read, evaluate)).toEqual([]);
  });

  it('checks each Address part, only the value of option components, and List as a whole', () => {
    const address = node('addr', 'Address', { required: true }, { address: 'street', zipCode: 'zip', postPlace: 'missing' });
    expect(validateRequired(address, read, evaluate).map((i) => [i.bindingKey, i.message.params])).toEqual([
      ['zipCode', [{ key: 'form_filler.zipCode', makeLowerCase: true }]],
      ['postPlace', [{ key: 'form_filler.postPlace', makeLowerCase: true }]],
    ]);
    const radio = node('r', 'RadioButtons', { required: true }, { simpleBinding: 'street', label: 'name', metadata: 'name' });
    expect(validateRequired(radio, read, evaluate)).toEqual([]);
    const list = node('l', 'List', { required: true, textResourceBindings: { title: 'pick' } }, { a: 'street', b: 'name' });
    expect(validateRequired(list, read, evaluate).map((i) => [i.componentId, i.bindingKey, i.message.params])).toEqual([['l', undefined, [{ key: 'pick', makeLowerCase: true }]]]);
    expect(validateRequired(node('f', 'FileUpload', { required: true }, { simpleBinding: 'name' }), read, evaluate)).toEqual([]);
  });
});

describe('component rules', () => {
  it('Datepicker: invalid dates, and min/max with keywords and day boundaries', () => {
    const picker = (value: string, props: Record<string, unknown> = {}) =>
      validateComponent(node('d', 'Datepicker', props, { simpleBinding: 'd' }), contextFor({ d: value })).map((i) => [i.message.key, i.message.params]);
    expect(picker('2024-02-30')).toEqual([['date_picker.invalid_date_message', ['dd.MM.yyyy']]]);
    expect(picker('banana', { format: 'DD/MM/YYYY' })).toEqual([['date_picker.invalid_date_message', ['dd/MM/yyyy']]]);
    expect(picker('2024-06-15', { minDate: 'today', maxDate: 'today' })).toEqual([]);
    expect(picker('2024-06-14', { minDate: 'today' })).toEqual([['date_picker.min_date_exeeded', undefined]]);
    expect(picker('2024-06-16T08:00:00', { maxDate: ['expr', 'today'] })).toEqual([['date_picker.max_date_exeeded', undefined]]);
    expect(picker('1899-12-31')).toEqual([['date_picker.min_date_exeeded', undefined]]);
    expect(picker('2020-01-01', { minDate: '2020-01-01T12:00:00Z', maxDate: 'yesterday' })).toEqual([]);
    expect(parseIsoDate('2024-01-01T10:00:00+02:00')?.toISOString()).toBe('2024-01-01T08:00:00.000Z');
    expect(dateConstraint('oneYearFromNow', 'max', new Date(2024, 0, 1)).getFullYear()).toBe(2025);
  });

  it('Address: post code and house number formats', () => {
    const addr = node('a', 'Address', {}, { zipCode: 'zip', houseNumber: 'house' });
    const keys = (data: unknown) => validateComponent(addr, contextFor(data)).map((i) => `${i.bindingKey}:${i.message.key}`);
    expect(keys({ zip: '0000', house: 'H0101' })).toEqual(['zipCode:address_component.validation_error_zipcode']);
    expect(keys({ zip: 7070, house: '12' })).toEqual(['houseNumber:address_component.validation_error_house_number']);
  });

  it('RepeatingGroup minCount is a Required-category minItems error', () => {
    const group = node('g', 'RepeatingGroup', { minCount: 2 }, { group: 'rows' });
    expect(validateComponent(group, contextFor({ rows: [{}] }))).toMatchObject([{ message: { key: 'validation_errors.minItems', params: [2] }, category: validationMask.Required }]);
    expect(validateComponent(group, contextFor({ rows: [{}, {}] }))).toEqual([]);
  });

  it('Input and TextArea maxLength', () => {
    const input = node('i', 'TextArea', { maxLength: 3 }, { simpleBinding: 't' });
    expect(validateComponent(input, contextFor({ t: 'abcd' })).map((i) => i.message)).toEqual([{ key: 'validation_errors.maxLength', params: [3] }]);
    expect(validateComponent(input, contextFor({ t: 'abc' }))).toEqual([]);
  });

  it('FileUpload counts and FileUploadWithTag tags; nothing for hidden nodes', () => {
    const attachments = [
      { id: 'e1', dataType: 'vedlegg', tags: ['a'] },
      { id: 'e2', dataType: 'vedlegg' },
      { id: 'e3', dataType: 'other' },
    ];
    const ctx = contextFor({}, { attachments });
    const upload = (type: string, props: Record<string, unknown>, hidden = false) => validateComponent(node('vedlegg', type, props, {}, hidden), ctx);
    expect(upload('FileUpload', { minNumberOfAttachments: 3, maxNumberOfAttachments: 5 })).toMatchObject([
      { message: { key: 'form_filler.file_uploader_validation_error_file_number', params: [3] }, category: validationMask.Required },
    ]);
    expect(upload('FileUpload', { minNumberOfAttachments: ['expr', 1], maxNumberOfAttachments: 1 })).toMatchObject([
      { message: { key: 'form_filler.file_uploader_validation_error_exceeds_max_files', params: [1] }, category: validationMask.Component },
    ]);
    expect(upload('FileUploadWithTag', { minNumberOfAttachments: 0, textResourceBindings: { tagTitle: 'tag.title' } })).toMatchObject([
      { source: 'attachment', attachmentId: 'e2', message: { key: 'form_filler.file_uploader_validation_error_no_chosen_tag', params: [{ key: 'tag.title', makeLowerCase: true }] } },
    ]);
    expect(upload('FileUpload', { minNumberOfAttachments: 3 }, true)).toEqual([]);
  });

  it('FileUpload inside a row counts the elements its binding stores', () => {
    const attachments = [{ id: 'e1', dataType: 'doc' }, { id: 'e2', dataType: 'doc' }];
    const inRow = node('doc-1', 'FileUpload', { minNumberOfAttachments: 2 }, { list: 'rows[1].docs' });
    expect(validateComponent(inRow, contextFor({ rows: [{}, { docs: ['e1'] }] }, { attachments }))).toHaveLength(1);
    expect(validateComponent(inRow, contextFor({ rows: [{}, { docs: ['e1', 'e2'] }] }, { attachments }))).toEqual([]);
  });

  it('application metadata constraints on data elements (§4.9)', () => {
    const issues = validateDataElements(
      [{ id: 'doc', minCount: 2, maxCount: 0, maxSize: 1, allowedContentTypes: ['application/pdf', 'image/*'] }, { id: 'one', maxCount: 1 }],
      [
        { id: 'a', dataType: 'doc', contentType: 'application/pdf', size: 2 * 1024 * 1024 },
        { id: 'b', dataType: 'one', contentType: 'text/plain' },
        { id: 'c', dataType: 'one', contentType: 'text/plain' },
      ],
    );
    expect(issues.map((i) => `${i.code}:${i.attachmentId ?? i.field}`)).toEqual(['TooFewDataElementsOfType:doc', 'DataElementTooLarge:a', 'TooManyDataElementsOfType:one']);
    expect(issues.every((i) => i.category === validationMask.Backend)).toBe(true);
    expect(contentTypeAllowed('image/png; q=1', ['image/*'])).toBe(true);
    expect(contentTypeAllowed('text/plain', ['application/pdf'])).toBe(false);
  });

  it('invalid data is a Schema-category pattern error on the path', () => {
    expect(invalidDataIssues('model', { 'people[0].age': 'abc' })).toEqual([
      { source: 'invalidData', severity: 'error', message: { key: 'validation_errors.pattern' }, category: validationMask.Schema, dataType: 'model', field: 'people[0].age' },
    ]);
  });
});

describe('mapping issues to components (§4.7)', () => {
  const nodes = [
    node('group', 'RepeatingGroup', {}, { group: 'people' }),
    node('age-0', 'Input', {}, { simpleBinding: 'people[0].age' }),
    node('age-1', 'Input', {}, { simpleBinding: 'people[1].age' }, true),
    node('age-copy', 'Input', {}, { simpleBinding: 'people[0].age' }),
    node('date', 'Datepicker', {}, { simpleBinding: 'd' }),
    node('secret', 'Input', {}, { simpleBinding: 'secret' }, true),
    node('hidden-group', 'RepeatingGroup', {}, { group: 'hiddenRows' }, true),
  ];
  const field = (f: string, key = 'k', source: 'schema' | 'expression' = 'expression') => ({ source, severity: 'error' as const, message: { key }, category: 4, dataType: 'model', field: f });

  it('sends a field issue to every visible instance bound to the concrete path', () => {
    const mapped = mapIssuesToComponents([field('people[0].age'), field('people[1].age'), field('people'), field('nobody')], nodes);
    expect(mapped.map((m) => m.componentIds)).toEqual([['age-0', 'age-copy'], [], ['group'], []]);
  });

  it('keeps component issues on their node and leaves Datepicker format errors to the Datepicker', () => {
    const mapped = mapIssuesToComponents([{ ...field('x'), componentId: 'age-0' }, field('d', 'validation_errors.pattern', 'schema'), field('d', 'validation_errors.max', 'schema')], nodes);
    expect(mapped.map((m) => m.componentIds)).toEqual([['age-0'], [], ['date']]);
  });

  it('hides fields only hidden components show, including everything under a hidden group', () => {
    const hidden = hiddenFieldTest(nodes);
    expect(hidden('model', 'secret')).toBe(true);
    expect(hidden('model', 'people[1].age')).toBe(true);
    expect(hidden('model', 'people[0].age')).toBe(false);
    expect(hidden('model', 'hiddenRows[3].x')).toBe(true);
    expect(hidden('model', 'hiddenRowsX')).toBe(false);
    expect(hidden('other', 'secret')).toBe(false);
  });
});
