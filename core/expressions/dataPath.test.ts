// Reading data paths and the §3.5 transposition table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concretePaths, readDataPath, stripIndexes, transposeDataPath } from './dataPath';

const at = (field: string) => ({ dataType: 'model', field });

describe('transposeDataPath (§3.5, caller at companies[1].employees[0])', () => {
  const caller = at('companies[1].employees[0]');
  const table: [string, string][] = [
    ['companies.employees.age', 'companies[1].employees[0].age'],
    ['companies.name', 'companies[1].name'],
    ['companies[0].name', 'companies[0].name'],
    ['companies.employees[2].age', 'companies[1].employees[2].age'],
    ['applicant.name', 'applicant.name'],
    ['companies[0].employees.age', 'companies[0].employees.age'],
  ];
  it.each(table)('%s → %s', (requested, resolved) => {
    expect(transposeDataPath(at(requested), caller).field).toBe(resolved);
  });
  it('leaves paths alone for a page-level caller and for another data type', () => {
    expect(transposeDataPath(at('companies.employees.age'), undefined).field).toBe('companies.employees.age');
    expect(transposeDataPath({ dataType: 'other', field: 'companies.name' }, caller).field).toBe('companies.name');
  });
  it('transposes a field path (validation of a concrete path) like a row path', () => {
    expect(transposeDataPath(at('people.name'), at('people[2].age')).field).toBe('people[2].name');
  });
  it('never changes the path without indexes', () => {
    const segment = fc.constantFrom('a', 'b', 'c');
    const path = fc.array(fc.tuple(segment, fc.option(fc.nat({ max: 3 }))), { minLength: 1, maxLength: 4 }).map((parts) => parts.map(([n, i]) => (i === null ? n : `${n}[${i}]`)).join('.'));
    fc.assert(fc.property(path, path, (subject, location) => void expect(stripIndexes(transposeDataPath(at(subject), at(location)).field)).toBe(stripIndexes(subject))));
  });
});

describe('readDataPath', () => {
  const data = { companies: [{ name: 'A', employees: [{ age: 30 }] }, { name: 'B', employees: [] }], applicant: { name: 'Kari' } };
  it('reads through objects and indexed arrays', () => {
    expect(readDataPath(data, 'applicant.name')).toBe('Kari');
    expect(readDataPath(data, 'companies[0].employees[0].age')).toBe(30);
    expect(readDataPath(data, 'companies[1].name')).toBe('B');
  });
  it('finds nothing through an array without an index, past the end, or through a scalar', () => {
    expect(readDataPath(data, 'companies.name')).toBeUndefined();
    expect(readDataPath(data, 'companies[5].name')).toBeUndefined();
    expect(readDataPath(data, 'applicant.name.length')).toBeUndefined();
    expect(readDataPath(data, 'applicant[0]')).toBeUndefined();
  });
  it('does not read inherited properties', () => {
    expect(readDataPath({}, 'constructor')).toBeUndefined();
    expect(readDataPath({ a: {} }, 'a.__proto__')).toBeUndefined();
  });
});

describe('concretePaths', () => {
  const data = { people: [{ pets: [{ n: 1 }, { n: 2 }] }, { pets: [] }, { age: 3 }], single: { x: 1 } };
  it('expands every row of every repeating level', () => {
    expect(concretePaths(data, 'people.pets.n')).toEqual(['people[0].pets[0].n', 'people[0].pets[1].n']);
    expect(concretePaths(data, 'people.age')).toEqual(['people[0].age', 'people[1].age', 'people[2].age']);
    expect(concretePaths(data, 'people[2].age')).toEqual(['people[2].age']);
    expect(concretePaths(data, 'single.x')).toEqual(['single.x']);
    expect(concretePaths(data, 'missing')).toEqual(['missing']);
  });
});
