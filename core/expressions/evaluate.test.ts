// The evaluator end to end: recovery with default values, return casts, row contexts, data-path
// evaluation for validations, texts with variables, links, display values and date formatting.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compileExpression } from './compile';
import { decimalAdd, decimalDivide, decimalMultiply } from './decimal';
import { evaluateExpression, evaluateForDataPath, evaluateForNode, runExpression } from './evaluate';
import { buildHierarchy } from './hierarchy/build';
import { findNode } from './hierarchy/lookup';
import type { ExprEnvironment } from './types';

const data = {
  people: [
    { name: 'Kari', age: 30, pet: 'cat' },
    { name: 'Ola', age: 15, pet: 'dog' },
  ],
  title: 'Hello',
  when: '2024-05-17T08:30:00Z',
};
const layouts = {
  People: {
    data: {
      layout: [
        { id: 'people', type: 'RepeatingGroup', dataModelBindings: { group: 'people' }, children: ['name', 'age', 'pet'] },
        { id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'people.name' } },
        { id: 'age', type: 'Input', dataModelBindings: { simpleBinding: 'people.age' }, hidden: ['lessThan', ['dataModel', 'people.age'], 18] },
        { id: 'pet', type: 'Dropdown', dataModelBindings: { simpleBinding: 'people.pet' }, optionsId: 'pets' },
      ],
    },
  },
};
const env: ExprEnvironment = {
  dataModels: { model: data },
  defaultDataType: 'model',
  hierarchy: buildHierarchy(layouts, { model: data }, { defaultDataType: 'model' }),
  codeLists: { pets: [{ value: 'cat', label: 'pets.cat' }, { value: 'dog', label: 'Dog' }] },
  textResources: [
    { id: 'pets.cat', value: 'Cat of {0}', variables: [{ key: 'people.name', dataSource: 'dataModel.default' }] },
    { id: 'indirect', value: 'pets.cat' },
    { id: 'missing', value: '[{0}]', variables: [{ key: 'nope', dataSource: 'dataModel.default', defaultValue: '-' }] },
  ],
  instance: { id: '512345/abc', appId: 'ttd/app', instanceOwner: { partyId: '512345' } },
  process: { currentTask: { elementId: 'Task_1', read: true, write: false, actions: { sign: true } } },
  currentPage: 'Summary',
};
const node = (id: string, rows: number[] = []) => findNode(env.hierarchy!, id, rows)!;

describe('evaluate with recovery', () => {
  it('uses the default value on failure and on null, and reports the failure', () => {
    const onError = vi.fn();
    expect(evaluateExpression(['greaterThan', 'abc', 1], { env }, { defaultValue: false, onError, returnType: 'boolean' })).toBe(false);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'Expected number, got value "abc"', path: [1] }));
    expect(evaluateExpression(['dataModel', 'nothing'], { env }, { defaultValue: 'fallback' })).toBe('fallback');
  });
  it('casts the result to the slot type', () => {
    expect(evaluateExpression(['if', true, 'true'], { env }, { returnType: 'boolean' })).toBe(true);
    expect(evaluateExpression(['if', true, 1], { env }, { returnType: 'string' })).toBe('1');
  });
  it('refuses to run an invalid expression, listing every problem', () => {
    const compiled = compileExpression(['and', ['nope'], ['if', true]]);
    expect(compiled.valid).toBe(false);
    expect(compiled.problems.map((p) => p.message)).toEqual(['Function "nope" not implemented', 'Expected either 2 arguments (if) or 4 (if + else), got 1']);
    expect(compiled.run({ env })).toMatchObject({ ok: false, error: { static: true } });
  });
  it('evaluates every argument (no short-circuit), so an error anywhere fails the whole', () => {
    expect(runExpression(['or', true, ['greaterThan', 'x', 1]], { env }).ok).toBe(false);
  });
  it('refuses hostile input without crashing: deep nesting, objects, non-function arrays', () => {
    let deep: unknown = true;
    for (let i = 0; i < 50_000; i++) deep = ['not', deep];
    expect(compileExpression(deep).problems[0]?.message).toBe('Expression is nested too deeply');
    expect(runExpression(['equals', { a: 1 }, 1], { env })).toMatchObject({ ok: false, error: { message: 'Invalid expression: Invalid type "object"' } });
    expect(runExpression(['concat', [1, 2]], { env })).toMatchObject({ ok: false });
  });
  it('returns literals as they are', () => {
    expect(evaluateExpression(true, { env })).toBe(true);
    expect(evaluateExpression(null, { env }, { defaultValue: 'd' })).toBe('d');
  });
});

describe('row context', () => {
  it('transposes dataModel and component into the caller row', () => {
    expect(evaluateForNode(['dataModel', 'people.name'], env, node('pet', [1]))).toBe('Ola');
    expect(evaluateForNode(['component', 'name'], env, node('pet', [0]))).toBe('Kari');
  });
  it('returns null for a hidden target and fails for a caller outside the rows', () => {
    expect(evaluateForNode(['component', 'age'], env, node('pet', [1]))).toBeNull();
    expect(evaluateForNode(['component', 'age'], env, node('pet', [0]))).toBe(30);
    expect(runExpression(['component', 'age'], { env, node: env.hierarchy!.pages[0]! })).toMatchObject({ ok: false });
  });
  it('gives display values with labels resolved as texts in the row', () => {
    expect(evaluateForNode(['displayValue', 'pet'], env, node('name', [0]))).toBe('Cat of Kari');
    expect(evaluateForNode(['displayValue', 'pet'], env, node('name', [1]))).toBe('Dog');
  });
  it('links to the instance of a component in the caller row', () => {
    expect(evaluateForNode(['linkToComponent', 'Go', 'name', true], env, node('pet', [1]))).toBe(
      '<a href="/instance/512345/abc/Task_1/People?focusComponentId=name-1&backToPage=Summary" data-link-type="LinkToPotentialNode">Go</a>',
    );
  });
});

describe('evaluateForDataPath (expression validation)', () => {
  it('passes the path as argv 0 and value "field", and resolves siblings in its row', () => {
    const at = { dataType: 'model', field: 'people[1].age' };
    expect(evaluateForDataPath(['dataModel', ['argv', 0]], env, at)).toBe(15);
    expect(evaluateForDataPath(['value'], env, at)).toBe('people[1].age');
    expect(evaluateForDataPath(['dataModel', 'people.name'], env, at)).toBe('Ola');
    expect(evaluateForDataPath(['argv', 1], env, at, { positionalArguments: ['x', 'y'] })).toBe('y');
  });
  it('uses the validated data type as the default one', () => {
    const twoModels: ExprEnvironment = { ...env, dataModels: { model: data, extra: { n: 5 } } };
    expect(evaluateForDataPath(['dataModel', 'n'], twoModels, { dataType: 'extra', field: 'n' })).toBe(5);
  });
});

describe('texts, context and options', () => {
  it('resolves variables, defaults and keys stored as values', () => {
    expect(evaluateForNode(['text', 'indirect'], env, node('name', [1]))).toBe('Cat of Ola');
    expect(evaluateExpression(['text', 'missing'], { env })).toBe('[-]');
    expect(evaluateExpression(['text', 'no.such.key'], { env })).toBe('no.such.key');
  });
  it('reads instance, process and code lists', () => {
    expect(evaluateExpression(['instanceContext', 'instanceOwnerPartyId'], { env })).toBe('512345');
    expect(evaluateExpression(['and', ['authContext', 'read'], ['authContext', 'sign'], ['not', ['authContext', 'write']]], { env })).toBe(true);
    expect(evaluateForNode(['optionLabel', 'pets', 'cat'], env, node('name', [0]))).toBe('Cat of Kari');
  });
  it('knows v9 lists and aggregates', () => {
    expect(evaluateExpression(['sum', ['list', 1, '2', 0.1]], { env })).toBe(3.1);
    expect(evaluateExpression(['count', ['list', 1, 2]], { env })).toBe(2);
    expect(evaluateExpression(['object', 'a', 1], { env })).toEqual({ a: 1 });
  });
});

describe('decimal arithmetic', () => {
  it('is exact where binary floating point is not', () => {
    expect(decimalAdd(0.1, 0.2)).toBe(0.3);
    expect(decimalMultiply(-5.55, 6.66)).toBe(-36.963);
    expect(decimalDivide(1, 3)).toBe(Number('0.33333333333333333333'));
    expect(decimalDivide(2, 3)).toBe(Number('0.66666666666666666667'));
  });
  it('agrees with plain arithmetic on integers and with exact decimal sums on cents', () => {
    const int = fc.integer({ min: -1e9, max: 1e9 });
    fc.assert(fc.property(int, int, (a, b) => decimalAdd(a, b) === a + b && decimalMultiply(a, b) === a * b));
    const cents = fc.integer({ min: -1e7, max: 1e7 });
    fc.assert(fc.property(cents, cents, (a, b) => decimalAdd(a / 100, b / 100) === (a + b) / 100));
  });
});

describe('formatDate', () => {
  const format = (date: string, pattern: string | null, language: string, timeZone?: string) =>
    evaluateExpression(pattern === null ? ['formatDate', date] : ['formatDate', date, pattern], { env: { ...env, language, timeZone } });
  it('renders tokens in nb, nn and en', () => {
    expect(format('2024-05-17T08:30:00Z', 'EEEE d. MMMM yyyy', 'nb')).toBe('fredag 17. mai 2024');
    expect(format('2024-05-17T08:30:00Z', 'EEEE d. MMMM yyyy', 'nn')).toBe('fredag 17. mai 2024');
    expect(format('2024-05-17T08:30:00Z', 'EEE, MMM d, yy h:mm a', 'en')).toBe('Fri, May 17, 24 8:30 AM');
  });
  it('uses the short date without a format, and the user zone for dates with a zone', () => {
    expect(format('2024-05-17', null, 'nb')).toBe('17.05.2024');
    expect(format('2024-05-17', null, 'en')).toBe('5/17/24');
    expect(format('2024-05-17T23:30:00Z', 'dd.MM HH:mm', 'nb', 'Europe/Oslo')).toBe('18.05 01:30');
    expect(format('2024-05-17T23:30:00', 'dd.MM HH:mm', 'nb', 'Europe/Oslo')).toBe('17.05 23:30');
  });
  it('fails on tokens the runtime does not know', () => {
    expect(runExpression(['formatDate', '2024-05-17', 'yyyyMMdd'], { env })).toMatchObject({ ok: false });
    expect(runExpression(['formatDate', '2024-05-17', 'Q'], { env })).toMatchObject({ ok: false });
  });
});
