import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expressionFunctions } from '../../../../core/expressions';
import { defaultArgs, emptyComparison, nodeOfKind, parseRawJson, toBuilder, toJson } from './expressionModel';

const names = Object.keys(expressionFunctions);
const literal = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));

/** Expressions as authors write them, with unknown functions, malformed calls and objects mixed in. */
const expression = fc.letrec<{ expr: unknown }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    fc.tuple(fc.constantFrom('dataModel', 'component'), fc.string()).map((t) => [...t]),
    fc.tuple(fc.constant('dataModel'), fc.string(), fc.oneof(fc.string(), fc.integer())).map((t) => [...t]),
    fc.tuple(fc.constantFrom(...names), fc.array(tie('expr'), { maxLength: 4 })).map(([name, args]) => [name, ...args]),
    fc.tuple(fc.string().filter((s) => !names.includes(s)), fc.array(tie('expr'), { maxLength: 3 })).map(([name, args]) => [name, ...args]),
    fc.array(tie('expr'), { maxLength: 3 }),
    fc.dictionary(fc.string(), tie('expr'), { maxKeys: 2 }),
  ),
})).expr;

describe('expression builder model', () => {
  it('gives back the same JSON for every expression (builder → JSON → builder is stable too)', () => {
    fc.assert(
      fc.property(expression, (json) => {
        const tree = toBuilder(json);
        expect(toJson(tree)).toEqual(json);
        expect(toBuilder(toJson(tree))).toEqual(tree);
      }),
      { numRuns: 500 },
    );
  });

  it('reads logic, comparisons and lookups into their own nodes', () => {
    const json = ['and', ['equals', ['dataModel', 'a.b'], 'x'], ['not', ['greaterThan', ['component', 'age'], 17]], ['dataModel', 'c', 'other']];
    expect(toBuilder(json)).toEqual({
      kind: 'group',
      op: 'and',
      items: [
        { kind: 'compare', op: 'equals', left: { kind: 'dataModel', path: 'a.b' }, right: { kind: 'literal', value: 'x' } },
        { kind: 'not', item: { kind: 'compare', op: 'greaterThan', left: { kind: 'component', id: 'age' }, right: { kind: 'literal', value: 17 } } },
        { kind: 'dataModel', path: 'c', dataType: 'other' },
      ],
    });
  });

  it('keeps unknown functions and malformed calls as raw JSON, and other functions as generic calls', () => {
    expect(toBuilder(['myFunction', 1])).toEqual({ kind: 'raw', json: ['myFunction', 1] });
    expect(toBuilder([])).toEqual({ kind: 'raw', json: [] });
    expect(toBuilder({ a: 1 })).toEqual({ kind: 'raw', json: { a: 1 } });
    expect(toBuilder(['equals', 1])).toEqual({ kind: 'call', name: 'equals', args: [{ kind: 'literal', value: 1 }] });
    expect(toBuilder(['dataModel', ['concat', 'a']])).toEqual({ kind: 'call', name: 'dataModel', args: [{ kind: 'call', name: 'concat', args: [{ kind: 'literal', value: 'a' }] }] });
    expect(toBuilder(['equals', ['oops'], 1])).toEqual({ kind: 'compare', op: 'equals', left: { kind: 'raw', json: ['oops'] }, right: { kind: 'literal', value: 1 } });
  });

  it('makes new nodes that keep what they can of the old one', () => {
    const comparison = emptyComparison();
    expect(nodeOfKind('group', comparison)).toEqual({ kind: 'group', op: 'and', items: [comparison] });
    expect(nodeOfKind('not', comparison)).toEqual({ kind: 'not', item: comparison });
    expect(nodeOfKind('literal', { kind: 'literal', value: 5 })).toEqual({ kind: 'literal', value: 5 });
    expect(toJson(nodeOfKind('raw', comparison))).toEqual(['equals', ['dataModel', ''], '']);
    expect(defaultArgs('stringSlice').map(toJson)).toEqual(['', 0]);
    expect(defaultArgs('language')).toEqual([]);
  });

  it('explains text that is not JSON', () => {
    expect(parseRawJson('["a", 1]')).toEqual({ ok: true, json: ['a', 1] });
    expect(parseRawJson('[1,').ok).toBe(false);
  });
});
