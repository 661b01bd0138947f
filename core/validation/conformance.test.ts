// The upstream shared expression-validation cases, read at run time from ../shared/fixtures (skipped
// when absent), plus cases of our own in the same format for the semantics the upstream half we
// have does not show (hidden pages and rows, nested rows, message expressions, null values).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../testing/fixtureApps';
import { type ConformanceCase, parseConformanceCase, runConformanceCase, runConformanceFiles } from './conformance';

const sharedDir = path.resolve(repoRoot, '../shared/fixtures/expression-validation');
const sharedFiles = existsSync(sharedDir) ? readdirSync(sharedDir).filter((n) => n.endsWith('.json')).sort() : [];

describe.skipIf(sharedFiles.length === 0)('shared expression-validation cases', () => {
  it.each(sharedFiles)('%s', (file) => {
    const [result] = runConformanceFiles({ [file]: readFileSync(path.join(sharedDir, file), 'utf8') });
    expect(result?.reason).toBeUndefined();
    expect(result?.passed).toBe(true);
  });
});

const input = (id: string, field: string, extra: Record<string, unknown> = {}) => ({ id, type: 'Input', dataModelBindings: { simpleBinding: field }, ...extra });
const group = (id: string, field: string, children: string[], extra: Record<string, unknown> = {}) => ({
  id,
  type: 'RepeatingGroup',
  dataModelBindings: { group: field },
  children,
  ...extra,
});
const page = (layout: unknown[], hidden?: unknown) => ({ data: { layout, ...(hidden === undefined ? {} : { hidden }) } });
const isBad = ['equals', ['dataModel', ['argv', 0]], 'bad'];

function run(testCase: Omit<ConformanceCase, 'name'>) {
  const result = runConformanceCase({ name: 'own', ...testCase });
  expect(result.reason).toBeUndefined();
  return result;
}

describe('own cases in the shared format', () => {
  it('skips fields of hidden pages, hidden components and hidden rows, and validates the rest', () => {
    run({
      validationConfig: { validations: { 'a.x': [{ message: 'bad.x', condition: isBad }], 'rows.v': [{ message: 'bad.v', condition: isBad }], shown: [{ message: 'bad.s', condition: isBad }] } },
      formData: { a: { x: 'bad' }, shown: 'bad', rows: [{ v: 'bad', h: false }, { v: 'bad', h: true }, { v: 'bad', h: false }] },
      layouts: {
        One: page([input('x-input', 'a.x')], true),
        Two: page([
          input('shown-input', 'shown'),
          group('rows-group', 'rows', ['v-input', 'h-input'], { hiddenRow: ['dataModel', 'rows.h'] }),
          input('v-input', 'rows.v', { hidden: ['equals', ['component', 'h-input'], 'never'] }),
          input('h-input', 'rows.h'),
        ]),
      },
      expects: [
        { message: 'bad.s', severity: 'error', field: 'shown', componentId: 'shown-input' },
        { message: 'bad.v', severity: 'error', field: 'rows[0].v', componentId: 'v-input-0' },
        { message: 'bad.v', severity: 'error', field: 'rows[2].v', componentId: 'v-input-2' },
      ],
    });
  });

  it('expands nested rows, transposes data lookups into the row and evaluates message expressions', () => {
    run({
      validationConfig: {
        definitions: { tooBig: { message: ['concat', 'max ', ['dataModel', 'outer.limit']], condition: ['greaterThan', ['dataModel', ['value']], ['dataModel', 'outer.limit']] } },
        validations: { 'outer.inner.n': ['tooBig', { ref: 'tooBig', severity: 'warning', showImmediately: true }] },
      },
      formData: { outer: [{ limit: 5, inner: [{ n: 6 }, { n: 1 }] }, { limit: 10, inner: [{ n: 6 }, { n: 11 }] }] },
      layouts: { P: page([group('outer-g', 'outer', ['inner-g']), group('inner-g', 'outer.inner', ['n-input']), input('n-input', 'outer.inner.n')]) },
      expects: [
        { message: 'max 5', severity: 'error', field: 'outer[0].inner[0].n', componentId: 'n-input-0-0' },
        { message: 'max 5', severity: 'warning', field: 'outer[0].inner[0].n', componentId: 'n-input-0-0' },
        { message: 'max 10', severity: 'error', field: 'outer[1].inner[1].n', componentId: 'n-input-1-1' },
        { message: 'max 10', severity: 'warning', field: 'outer[1].inner[1].n', componentId: 'n-input-1-1' },
      ],
    });
  });

  it('ignores null values, keeps keys with explicit indexes to their row, and reports every component bound to a field', () => {
    run({
      validationConfig: { validations: { 'list[1].v': [{ message: 'always', condition: true }], 'n.v': [{ message: 'never shown', condition: true }] } },
      formData: { list: [{ v: 'a' }, { v: 'b' }], n: { v: null } },
      layouts: { P: page([input('first', 'list[1].v'), input('second', 'list[1].v'), input('n-input', 'n.v')]) },
      expects: [
        { message: 'always', severity: 'error', field: 'list[1].v', componentId: 'first' },
        { message: 'always', severity: 'error', field: 'list[1].v', componentId: 'second' },
      ],
    });
  });

  it('compares without component ids when the case has none, and says what differs', () => {
    const testCase = {
      validationConfig: { validations: { a: [{ message: 'm', condition: true, severity: 'info' }] } },
      formData: { a: 1 },
      layouts: { P: page([]) },
      expects: [{ message: 'm', severity: 'info', field: 'a' }],
    };
    run(testCase);
    const failed = runConformanceCase({ name: 'wrong', ...testCase, expects: [{ message: 'other', severity: 'info', field: 'a' }] });
    expect(failed.passed).toBe(false);
    expect(failed.reason).toBe('missing: info "other" on a | unexpected: info "m" on a');
  });

  it('reads cases with comments and reports unreadable files as failures', () => {
    expect(parseConformanceCase('// c\n{"name":"n","expects":[],"layouts":{},}')).toMatchObject({ name: 'n', expects: [] });
    expect(runConformanceFiles({ 'bad.json': '{' })[0]).toMatchObject({ passed: false, reason: 'bad.json: not a readable JSON object' });
  });
});
