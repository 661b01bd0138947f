import { describe, expect, it } from 'vitest';
import { fieldTreeFromJsonSchema } from '../../../../core/datamodel';
import { bindingPath, bindingProblem, fieldsForBinding } from './bindingFields';

const tree = fieldTreeFromJsonSchema({
  type: 'object',
  properties: {
    name: { type: 'string' },
    age: { type: 'integer' },
    address: { type: 'object', properties: { street: { type: 'string' } } },
    tags: { type: 'array', items: { type: 'string' } },
    people: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          altinnRowId: { type: 'string' },
          first: { type: 'string' },
          pets: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' } } } },
        },
      },
    },
  },
});

const paths = (list: { path: string }[]) => list.map((f) => f.path);

describe('fieldsForBinding', () => {
  it('offers leaves outside every list to a simple binding outside repetition', () => {
    expect(paths(fieldsForBinding(tree, 'scalar', null))).toEqual(['name', 'age', 'address.street']);
  });

  it('offers repeating fields to list bindings, and only lists of objects to object-list bindings', () => {
    expect(paths(fieldsForBinding(tree, 'array', null))).toEqual(['tags', 'people']);
    expect(paths(fieldsForBinding(tree, 'object-list', null))).toEqual(['people']);
  });

  it('offers only the fields under the group inside a repeating group, without the row id', () => {
    expect(paths(fieldsForBinding(tree, 'scalar', 'people'))).toEqual(['people.first']);
    expect(paths(fieldsForBinding(tree, 'object-list', 'people'))).toEqual(['people.pets']);
    expect(paths(fieldsForBinding(tree, 'scalar', 'people.pets'))).toEqual(['people.pets.kind']);
  });

  it('shows the type and the depth below the offered root', () => {
    const [street] = fieldsForBinding(tree, 'scalar', null).filter((f) => f.path === 'address.street');
    expect(street).toEqual({ path: 'address.street', typeLabel: 'string', depth: 1 });
    expect(fieldsForBinding(tree, 'object-list', null)[0]?.typeLabel).toBe('list of object');
    expect(fieldsForBinding(tree, 'scalar', 'people')[0]?.depth).toBe(0);
  });
});

describe('bindingProblem', () => {
  it('finds missing fields and fields of the wrong shape, with or without row indexes', () => {
    expect(bindingProblem(tree, 'scalar', 'name')).toBeNull();
    expect(bindingProblem(tree, 'scalar', 'people[0].first')).toBeNull();
    expect(bindingProblem(tree, 'scalar', 'nope')).toBe('missing');
    expect(bindingProblem(tree, 'scalar', 'people')).toBe('shape');
    expect(bindingProblem(null, 'scalar', 'nope')).toBeNull();
  });

  it('reads both ways of writing a binding', () => {
    expect(bindingPath('a.b')).toBe('a.b');
    expect(bindingPath({ dataType: 'x', field: 'c' })).toBe('c');
    expect(bindingPath(3)).toBe('');
  });
});
