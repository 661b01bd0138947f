import { describe, expect, it } from 'vitest';
import { buildHierarchy, type ExprEnvironment } from '../../../core/expressions';
import { resolveOptions, selectedLabel, splitValues, withoutStale } from './options';

function setup(component: Record<string, unknown>, data: Record<string, unknown> = {}) {
  const layouts = { P: { data: { layout: [{ id: 'c', type: 'Checkboxes', dataModelBindings: { simpleBinding: 'v' }, ...component }] } } };
  const hierarchy = buildHierarchy(layouts, { model: data }, { defaultDataType: 'model' });
  const env: ExprEnvironment = { dataModels: { model: data }, defaultDataType: 'model', hierarchy, language: 'nb', textResources: [{ id: 'opt.a', value: 'Alfa' }] };
  return { node: hierarchy.nodes.get('c')!, env };
}

describe('options', () => {
  it('resolves inline labels as text keys, filters with ["value"] and sorts numerically by label', () => {
    const { node, env } = setup({
      options: [{ value: 10, label: 'item 10' }, { value: 2, label: 'item 2' }, { value: 'a', label: 'opt.a' }, { value: 'x', label: 'drop me' }],
      optionFilter: ['notEquals', ['value'], 'x'],
      sortOrder: 'asc',
    });
    expect(resolveOptions(node, env, {})?.map((o) => `${o.value}:${o.label}`)).toEqual(['a:Alfa', '2:item 2', '10:item 10']);
  });

  it('waits for an optionsId code list, then uses it (source > optionsId > options)', () => {
    const { node, env } = setup({ optionsId: 'land', options: [{ value: 'ignored' }] });
    expect(resolveOptions(node, env, {})).toBeUndefined();
    expect(resolveOptions(node, env, { land: [{ value: 'NO', label: 'Norge' }] })).toEqual([{ value: 'NO', label: 'Norge' }]);
  });

  it('builds options from a repeating structure with `source`', () => {
    const { node, env } = setup({ source: { group: 'people', value: 'people[{0}].id', label: 'opt.a' } }, { people: [{ id: 7 }, { id: 8 }] });
    expect(resolveOptions(node, env, {})?.map((o) => o.value)).toEqual(['7', '8']);
  });

  it('removes stale values only once options are known, and keeps labels in sync', () => {
    const options = [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }];
    expect(withoutStale('zzz', undefined, false)).toBeUndefined();
    expect(withoutStale('zzz', options, false)).toEqual({ value: undefined });
    expect(withoutStale('a', options, false)).toBeUndefined();
    expect(withoutStale('a,zzz,b', options, true)).toEqual({ value: 'a,b' });
    expect(splitValues('')).toEqual([]);
    expect(selectedLabel('a,b', options, true)).toBe('A, B');
  });
});
