import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandPath, formatPath, isPathWithin, parsePath, pointerToPath, rowIndexesOf, valueAtPath } from './dataPaths';
import { stripIndexes } from '../datamodel';
import { resolveExpressionValidationConfig } from './expressionConfig';
import { componentMask, filterVisible, isIssueVisible, maskFromNames, validationMask, visibilityFilter } from './masks';

describe('visibility masks (§4.6)', () => {
  const issue = (category: number) => ({ category, severity: 'error' as const });

  it('defaults to everything but required', () => {
    expect(maskFromNames(undefined)).toBe(validationMask.AllExceptRequired);
    expect(componentMask({})).toBe(validationMask.AllExceptRequired);
    expect(isIssueVisible(issue(validationMask.Required), componentMask({}))).toBe(false);
    expect(isIssueVisible(issue(validationMask.Schema), componentMask({}))).toBe(true);
  });

  it('combines named masks and ignores unknown names', () => {
    expect(maskFromNames(['Schema', 'Required', 'Nonsense'])).toBe(validationMask.Schema | validationMask.Required);
    expect(maskFromNames(['All'])).toBe(0x7fff);
    expect(maskFromNames([])).toBe(0);
    expect(componentMask({ showValidations: ['Expression'] })).toBe(validationMask.Expression);
  });

  it('always shows category 0 (showImmediately) and never Backend under All', () => {
    expect(isIssueVisible(issue(0), 0)).toBe(true);
    expect(isIssueVisible(issue(validationMask.Backend), validationMask.All)).toBe(false);
    expect(isIssueVisible(issue(validationMask.Backend), validationMask.AllIncludingBackend)).toBe(true);
  });

  it('filters by mask and severity', () => {
    const issues = [issue(validationMask.Required), issue(validationMask.Component), { category: 4, severity: 'warning' as const }];
    expect(filterVisible(issues, validationMask.Component | validationMask.Expression)).toHaveLength(2);
    expect(issues.filter(visibilityFilter(validationMask.All, ['error']))).toHaveLength(2);
  });
});

describe('data paths', () => {
  const data = { a: { list: [{ x: 1, inner: [{ y: 'a' }, { y: null }] }, { x: null }, { x: 3 }] }, top: 'v', arr: [1, 2] };

  it('expands keys without indexes to every row and skips null or missing values', () => {
    expect(expandPath(data, 'a.list.x')).toEqual(['a.list[0].x', 'a.list[2].x']);
    expect(expandPath(data, 'a.list.inner.y')).toEqual(['a.list[0].inner[0].y']);
    expect(expandPath(data, 'a.list[2].x')).toEqual(['a.list[2].x']);
    expect(expandPath(data, 'top')).toEqual(['top']);
    expect(expandPath(data, 'missing.field')).toEqual([]);
    // A list at the end of the key is the list itself (a RepeatingGroup's binding).
    expect(expandPath(data, 'arr')).toEqual(['arr']);
  });

  it('reads values only through explicit row indexes', () => {
    expect(valueAtPath(data, 'a.list[2].x')).toBe(3);
    expect(valueAtPath(data, 'a.list.x')).toBeUndefined();
    expect(valueAtPath(data, 'a.list')).toHaveLength(3);
  });

  it('turns JSON pointers into dot paths, telling list indexes from numeric keys', () => {
    expect(pointerToPath('/a/list/1/x', data)).toBe('a.list[1].x');
    expect(pointerToPath('/m/0', { m: { '0': 1 } })).toBe('m.0');
    expect(pointerToPath('/a~1b', {})).toBe('a/b');
    expect(pointerToPath('', data)).toBe('');
  });

  it('tells prefixes at segment boundaries', () => {
    expect(isPathWithin('a[1].b', 'a[1]')).toBe(true);
    expect(isPathWithin('a[10].b', 'a[1]')).toBe(false);
    expect(isPathWithin('ab', 'a')).toBe(false);
    expect(isPathWithin('a', 'a')).toBe(true);
    expect(rowIndexesOf('a[1].b[22].c')).toEqual([1, 22]);
    expect(stripIndexes('a[1].b[22].c')).toBe('a.b.c');
  });

  it('parses and formats paths as inverses', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,6}$/);
    const segment = fc.record({ name, index: fc.option(fc.nat(99), { nil: undefined }) }).map((s) => (s.index === undefined ? { name: s.name } : s));
    fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
      expect(parsePath(formatPath(segments))).toEqual(segments);
    }));
  });
});

describe('*.validation.json resolution (§4.4)', () => {
  const condition = ['equals', ['dataModel', ['argv', 0]], 'x'];

  it('resolves definitions, string references, ref + overrides and defaults', () => {
    const config = resolveExpressionValidationConfig({
      definitions: {
        base: { message: 'base.msg', condition },
        soft: { ref: 'base', severity: 'warning' },
      },
      validations: {
        'a.b': ['base', 'soft', { ref: 'base', message: 'own.msg', showImmediately: true }, { message: 'inline', condition: true, severity: 'info' }],
      },
    });
    expect(config.problems).toEqual([]);
    expect(config.fields).toEqual([
      {
        key: 'a.b',
        rules: [
          { message: 'base.msg', condition, severity: 'error', showImmediately: false },
          { message: 'base.msg', condition, severity: 'warning', showImmediately: false },
          { message: 'own.msg', condition, severity: 'error', showImmediately: true },
          { message: 'inline', condition: true, severity: 'info', showImmediately: false },
        ],
      },
    ]);
  });

  it('drops what the runtime drops and says why', () => {
    const config = resolveExpressionValidationConfig({
      definitions: { later: { ref: 'defined-after' }, 'defined-after': { message: 'm', condition: true }, noMessage: { condition: true } },
      validations: { f: ['unknown', 'noMessage', { ref: 'missing', condition: true }, 42, { message: 'm', condition: true, severity: 'fatal' }] },
    });
    expect(config.fields[0]?.rules).toEqual([{ message: 'm', condition: true, severity: 'error', showImmediately: false }]);
    expect(config.problems.join('\n')).toMatch(/not defined before it/);
    expect(config.problems.join('\n')).toMatch(/"unknown", which is not defined/);
    expect(config.problems.join('\n')).toMatch(/no message/);
    expect(config.problems.join('\n')).toMatch(/severity "fatal"/);
    expect(config.problems).toHaveLength(8);
  });

  it('never throws on malformed files', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(() => resolveExpressionValidationConfig(value)).not.toThrow();
    }));
    expect(resolveExpressionValidationConfig(null).problems).toHaveLength(1);
  });
});
