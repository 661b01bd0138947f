import { describe, expect, it } from 'vitest';
import { treeOf, typedValue } from './valueTypes';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    age: { type: 'integer' },
    agree: { type: 'boolean' },
    people: { type: 'array', items: { type: 'object', properties: { points: { type: 'number' } } } },
  },
};

describe('typedValue', () => {
  const tree = treeOf(schema);

  it('saves numeric text in number fields as numbers, rows included', () => {
    expect(typedValue(tree, 'age', '42')).toBe(42);
    expect(typedValue(tree, 'people[3].points', ' -1.5 ')).toBe(-1.5);
  });

  it('keeps what cannot be converted as typed, for validation to report', () => {
    expect(typedValue(tree, 'age', '4x')).toBe('4x');
    expect(typedValue(tree, 'name', '42')).toBe('42');
    expect(typedValue(tree, 'unknown', '42')).toBe('42');
    expect(typedValue(undefined, 'age', '42')).toBe('42');
  });

  it('saves booleans as booleans', () => {
    expect(typedValue(tree, 'agree', 'true')).toBe(true);
    expect(typedValue(tree, 'agree', 'false')).toBe(false);
  });

  it('builds each schema tree once', () => {
    expect(treeOf(schema)).toBe(tree);
  });
});
