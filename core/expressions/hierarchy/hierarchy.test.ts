// The runtime hierarchy: claims, nested repetition with generated ids and locations, and hidden state
// propagating page → container → row → component.
import { describe, expect, it } from 'vitest';
import type { ExprEnvironment } from '../types';
import { buildHierarchy } from './build';
import { isHidden } from './hidden';
import { findNode, resolveComponentId } from './lookup';
import type { PageFile } from './types';

const page = (layout: unknown[], hidden?: unknown): PageFile => ({ data: { layout, ...(hidden === undefined ? {} : { hidden }) } });

const companies = {
  companies: [
    { name: 'A', hide: false, employees: [{ name: 'Kari', age: 30 }, { name: 'Ola', age: 17, secret: true }] },
    { name: 'B', hide: true, employees: [{ name: 'Per', age: 50 }] },
  ],
  showPage: true,
};

const layouts: Record<string, PageFile> = {
  Companies: page([
    { id: 'companies', type: 'RepeatingGroup', dataModelBindings: { group: 'companies' }, children: ['companyName', 'employees'], hiddenRow: ['dataModel', 'companies.hide'] },
    { id: 'companyName', type: 'Input', dataModelBindings: { simpleBinding: 'companies.name' } },
    { id: 'employees', type: 'RepeatingGroup', dataModelBindings: { group: 'companies.employees' }, children: ['employeeName', 'age'] },
    { id: 'employeeName', type: 'Input', dataModelBindings: { simpleBinding: 'companies.employees.name' } },
    { id: 'age', type: 'Input', dataModelBindings: { simpleBinding: 'companies.employees.age' }, hidden: ['dataModel', 'companies.employees.secret'] },
  ]),
  Summary: page(
    [
      { id: 'panel', type: 'Group', children: ['summaryText'], hidden: ['equals', ['dataModel', 'showPage'], 'never'] },
      { id: 'summaryText', type: 'Paragraph' },
      { id: 'orphan', type: 'Input', dataModelBindings: { simpleBinding: 'x' } },
    ],
    ['not', ['dataModel', 'showPage']],
  ),
  Extra: page([{ id: 'outsideOrder', type: 'Paragraph' }]),
};

function envWith(data: unknown): ExprEnvironment {
  const dataModels = { model: data };
  return { dataModels, defaultDataType: 'model', hierarchy: buildHierarchy(layouts, dataModels, { defaultDataType: 'model', pageOrder: ['Companies', 'Summary'] }) };
}

describe('buildHierarchy', () => {
  const { hierarchy } = envWith(companies) as Required<ExprEnvironment>;

  it('expands two levels of repetition into generated ids with row locations', () => {
    expect([...hierarchy.instancesOf.get('employeeName')!].map((n) => n.id)).toEqual(['employeeName-0-0', 'employeeName-0-1', 'employeeName-1-0']);
    const ola = findNode(hierarchy, 'age', [0, 1])!;
    expect(ola.rowIndices).toEqual([0, 1]);
    expect(ola.location).toEqual({ dataType: 'model', field: 'companies[0].employees[1]' });
    expect(findNode(hierarchy, 'employees', [1])!.location).toEqual({ dataType: 'model', field: 'companies[1]' });
    expect(findNode(hierarchy, 'companies')!.rows.map((r) => r.location.field)).toEqual(['companies[0]', 'companies[1]']);
  });

  it('orders row children row by row, and puts claimed children under their container', () => {
    const group = findNode(hierarchy, 'employees', [0])!;
    expect(group.children.map((n) => n.id)).toEqual(['employeeName-0-0', 'age-0-0', 'employeeName-0-1', 'age-0-1']);
    expect(hierarchy.pages[1]!.children.map((n) => n.id)).toEqual(['panel', 'orphan']);
    expect(findNode(hierarchy, 'summaryText')!.parent.id).toBe('panel');
  });

  it('keeps pages outside the page order, after the ordered ones', () => {
    expect(hierarchy.pages.map((p) => p.id)).toEqual(['Companies', 'Summary', 'Extra']);
    expect(findNode(hierarchy, 'outsideOrder')).toBeDefined();
  });

  it('knows repeating ancestors even without rows', () => {
    const empty = envWith({ companies: [] }).hierarchy!;
    expect(empty.nodes.has('employeeName-0-0')).toBe(false);
    expect(empty.definitions.get('employeeName')!.repeatingAncestors).toEqual(['companies', 'employees']);
  });

  it('reports claims of unknown, foreign and already claimed children', () => {
    const h = buildHierarchy(
      { P: page([{ id: 'g1', type: 'Group', children: ['a', 'missing'] }, { id: 'g2', type: 'Group', children: ['a'] }, { id: 'a', type: 'Paragraph' }]) },
      {},
      { defaultDataType: 'model' },
    );
    expect(h.problems).toHaveLength(2);
    expect(findNode(h, 'a')!.parent.id).toBe('g1');
  });

  it('expands Likert questions into generated LikertItem rows', () => {
    const h = buildHierarchy(
      { P: page([{ id: 'likert', type: 'Likert', dataModelBindings: { questions: 'q', answer: 'q.answer' }, options: [] }]) },
      { model: { q: [{ answer: '1' }, { answer: '2' }] } },
      { defaultDataType: 'model' },
    );
    expect(h.instancesOf.get('likert-item')!.map((n) => n.id)).toEqual(['likert-item-0', 'likert-item-1']);
    expect(findNode(h, 'likert-item', [1])!.location).toEqual({ dataType: 'model', field: 'q[1]' });
  });
});

describe('resolveComponentId', () => {
  const { hierarchy } = envWith(companies) as Required<ExprEnvironment>;
  const at = (field: string) => ({ dataType: 'model', field });
  it('uses the caller row for siblings and the leading rows for outer cells', () => {
    expect(resolveComponentId(hierarchy, 'age', at('companies[1].employees[0]'))).toBe('age-1-0');
    expect(resolveComponentId(hierarchy, 'companyName', at('companies[1].employees[0]'))).toBe('companyName-1');
    expect(resolveComponentId(hierarchy, 'orphan', at('companies[1].employees[0]'))).toBe('orphan');
  });
  it('cannot relate a repeating target to a caller outside its rows', () => {
    expect(resolveComponentId(hierarchy, 'age', undefined)).toBeUndefined();
    expect(resolveComponentId(hierarchy, 'age', at('companies[1]'))).toBeUndefined();
    expect(resolveComponentId(hierarchy, 'age', at('other[1]'))).toBeUndefined();
  });
});

describe('hidden state', () => {
  it('follows the component, its row, its containers and its page', () => {
    const env = envWith(companies);
    const h = env.hierarchy!;
    expect(isHidden(findNode(h, 'age', [0, 0])!, env)).toBe(false);
    expect(isHidden(findNode(h, 'age', [0, 1])!, env)).toBe(true); // own hidden
    expect(isHidden(findNode(h, 'employeeName', [0, 1])!, env)).toBe(false);
    expect(isHidden(findNode(h, 'companyName', [1])!, env)).toBe(true); // hiddenRow of the outer group
    expect(isHidden(findNode(h, 'employeeName', [1, 0])!, env)).toBe(true); // row of an ancestor
    expect(isHidden(findNode(h, 'summaryText')!, env)).toBe(false);
  });
  it('hides everything on a hidden page and under a hidden container', () => {
    const env = envWith({ ...companies, showPage: false });
    const h = env.hierarchy!;
    expect(isHidden(h.pages[1]!, env)).toBe(true);
    expect(isHidden(findNode(h, 'summaryText')!, env)).toBe(true);
    const never = envWith({ ...companies, showPage: 'never' });
    expect(isHidden(never.hierarchy!.pages[1]!, never)).toBe(false);
    expect(isHidden(findNode(never.hierarchy!, 'summaryText')!, never)).toBe(true);
    expect(isHidden(findNode(never.hierarchy!, 'orphan')!, never)).toBe(false);
  });
  it('treats hidden rules that depend on each other in a cycle as visible instead of looping', () => {
    const cyclic = buildHierarchy(
      { P: page([
        { id: 'a', type: 'Input', dataModelBindings: { simpleBinding: 'a' }, hidden: ['equals', ['component', 'b'], null] },
        { id: 'b', type: 'Input', dataModelBindings: { simpleBinding: 'b' }, hidden: ['equals', ['component', 'a'], null] },
      ]) },
      { model: {} },
      { defaultDataType: 'model' },
    );
    const env: ExprEnvironment = { dataModels: { model: {} }, defaultDataType: 'model', hierarchy: cyclic };
    expect(typeof isHidden(findNode(cyclic, 'a')!, env)).toBe('boolean');
  });
});
