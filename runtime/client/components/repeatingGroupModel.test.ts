import { describe, expect, it } from 'vitest';
import { buildHierarchy, FormExpressions, type ExprEnvironment, type PageFile } from '../../../core/expressions';
import type { Derived } from '../state/derive';
import { cellOf, columnsOf } from './repeatingGroupModel';

const layouts: Record<string, PageFile> = {
  One: {
    data: {
      layout: [
        { id: 'people', type: 'RepeatingGroup', dataModelBindings: { group: 'people' }, tableHeaders: ['pname', 'pcity', 'pet'], children: ['pname', 'address', 'pets'] },
        { id: 'pname', type: 'Input', dataModelBindings: { simpleBinding: 'people.name' }, textResourceBindings: { title: 'Name' } },
        { id: 'address', type: 'Group', children: ['pcity'] },
        { id: 'pcity', type: 'Input', dataModelBindings: { simpleBinding: 'people.city' }, textResourceBindings: { tableTitle: 'City', title: 'Your city' } },
        { id: 'pets', type: 'RepeatingGroup', dataModelBindings: { group: 'people.pets' }, children: ['pet'] },
        { id: 'pet', type: 'Input', dataModelBindings: { simpleBinding: 'people.pets.name' } },
      ],
    },
  },
};
const data = { people: [{ name: 'Kari', city: 'Oslo', pets: [{ name: 'Fido' }] }, { name: 'Ola', city: 'Bergen' }] };

function derivedOf(): Derived {
  const hierarchy = buildHierarchy(layouts, { model: data }, { defaultDataType: 'model', pageOrder: ['One'] });
  const env: ExprEnvironment = { dataModels: { model: data }, defaultDataType: 'model', hierarchy, language: 'nb', textResources: [] };
  const expressions = new FormExpressions(env);
  expressions.evaluateAll();
  return { env, hierarchy, expressions } as unknown as Derived;
}

describe('repeating group table cells', () => {
  it('finds a column component inside a non-repeating group of the row', () => {
    const derived = derivedOf();
    const people = derived.hierarchy.nodes.get('people')!;
    expect(cellOf(people, 0, 'pname')?.id).toBe('pname-0');
    expect(cellOf(people, 1, 'pcity')?.id).toBe('pcity-1');
    expect(columnsOf(derived, people).map((c) => c.label)).toEqual(['Name', 'City', 'pet']);
  });

  it('does not take a cell from the rows of a nested repeating group', () => {
    const people = derivedOf().hierarchy.nodes.get('people')!;
    expect(cellOf(people, 0, 'pet')).toBeUndefined();
    expect(cellOf(people, 0, 'nope')).toBeUndefined();
  });
});
