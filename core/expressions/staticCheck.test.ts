import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type BackendUse, checkExpression, inferReturnType, looksLikeExpression } from './staticCheck';

const codes = (expr: unknown, type?: Parameters<typeof checkExpression>[1], backend: BackendUse = false) => checkExpression(expr, type, { backend }).map((p) => `${p.code}@${p.path.join('.')}`);

describe('checkExpression', () => {
  it('accepts sound expressions and plain literals', () => {
    expect(codes(['and', ['greaterThan', ['dataModel', 'age'], 17], ['not', ['component', 'isStudent']]], 'boolean')).toEqual([]);
    expect(codes(['if', ['equals', 1, '1'], 'a', 'else', 'b'], 'string')).toEqual([]);
    expect(codes(['compare', ['dataModel', 'd'], 'not', 'isBefore', '2024-01-01'], 'boolean')).toEqual([]);
    expect(codes(true, 'boolean')).toEqual([]);
    expect(codes(['concat'], 'string')).toEqual([]);
  });

  it('finds unknown functions, wrong argument counts and broken forms, with the path to them', () => {
    expect(codes(['and', ['equal', 1, 2], true], 'boolean')).toEqual(['expr-unknown-function@1.0']);
    expect(codes(['not', true, false], 'boolean')).toEqual(['expr-arity@']);
    expect(codes(['if', true, 'a', 'otherwise', 'b'])).toEqual(['expr-if-form@']);
    expect(codes(['compare', 1, 'bigger', 2])).toEqual(['expr-compare-operator@2']);
    expect(codes(['compare', 1, 'nope', 'equals', 2])).toEqual(['expr-compare-form@2']);
    expect(codes([42, 1])).toEqual(['expr-no-function@']);
  });

  it('finds literals that can never be cast, and literal-only arguments given expressions', () => {
    expect(codes(['greaterThan', 'abc', 3], 'boolean')).toEqual(['expr-literal-type@1']);
    expect(codes(['not', 5], 'boolean')).toEqual(['expr-literal-type@1']);
    expect(codes(['formatDate', 'yesterday'], 'string')).toEqual(['expr-literal-type@1']);
    expect(codes(['dataModel', 'a', ['text', 'x']])).toEqual(['expr-literal-only@2']);
    expect(codes(['greaterThan', '12', 3], 'boolean')).toEqual([]);
  });

  it('knows what the backend cannot evaluate, and what only v9 has', () => {
    expect(codes(['equals', ['displayValue', 'a'], 'x'], 'boolean', 'only')).toEqual(['expr-frontend-only@1.0']);
    expect(checkExpression(['equals', ['displayValue', 'a'], 'x'], 'boolean', { backend: 'also' }).map((p) => p.severity)).toEqual(['warning']);
    expect(checkExpression(['count', ['list', 1]], 'number').map((p) => p.severity)).toEqual(['warning', 'warning']);
  });

  it('survives hostile expressions', () => {
    let deep: unknown = true;
    for (let i = 0; i < 20000; i++) deep = ['not', deep];
    expect(checkExpression(deep, 'boolean')).toEqual([]);
    expect(codes(['and', { a: 1 }])).toEqual(['expr-not-a-value@1']);
  });
});

describe('the upstream expression test cases', () => {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures/expressions');
  const cases = existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')) : [];

  it.skipIf(cases.length === 0)('finds no static problem in cases that are expected to evaluate', () => {
    let checked = 0;
    for (const file of cases) {
      const test = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { expression?: unknown; expects?: unknown; expectsFailure?: unknown };
      if (!looksLikeExpression(test.expression) || test.expectsFailure !== undefined || !('expects' in test)) continue;
      const errors = checkExpression(test.expression).filter((p) => p.severity === 'error' && p.code !== 'expr-literal-type');
      expect(errors, file).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('inferReturnType', () => {
  it('gives literal types, declared return types and the common type of if branches', () => {
    expect(inferReturnType('x')).toBe('string');
    expect(inferReturnType(['concat', 'a'])).toBe('string');
    expect(inferReturnType(['equals', 1, 2])).toBe('boolean');
    expect(inferReturnType(['dataModel', 'a'])).toBe('any');
    expect(inferReturnType(['if', true, 1, 'else', ['plus', 1, 2]])).toBe('number');
    expect(inferReturnType(['if', true, 'a', 'else', 1])).toBe('any');
    expect(inferReturnType(['if', true, null, 'else', true])).toBe('boolean');
  });
});
