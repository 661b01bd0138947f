// Rows added and removed in place: for any sequence of row counts (nested groups, a Likert with a
// filter), the updated hierarchy equals one built from scratch, and rows both states share keep
// their node objects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHierarchy } from './build';
import { updateRows } from './rows';
import type { Hierarchy, HierarchyNode, PageFile } from './types';

const layouts: Record<string, PageFile> = {
  Page: {
    data: {
      layout: [
        { id: 'intro', type: 'Paragraph' },
        { id: 'companies', type: 'RepeatingGroup', dataModelBindings: { group: 'companies' }, children: ['companyName', 'details', 'employees'] },
        { id: 'companyName', type: 'Input', dataModelBindings: { simpleBinding: 'companies.name' } },
        { id: 'details', type: 'Group', children: ['orgNo'] },
        { id: 'orgNo', type: 'Input', dataModelBindings: { simpleBinding: 'companies.orgNo' } },
        { id: 'employees', type: 'RepeatingGroup', dataModelBindings: { group: 'companies.employees' }, children: ['employeeName'] },
        { id: 'employeeName', type: 'Input', dataModelBindings: { simpleBinding: 'companies.employees.name' } },
        { id: 'survey', type: 'Likert', dataModelBindings: { questions: 'questions', answer: 'questions.answer' }, filter: [{ key: 'start', value: '2' }, { key: 'stop', value: '4' }], options: [] },
        { id: 'after', type: 'Paragraph' },
      ],
    },
  },
};

type Shape = { companies: number[]; questions: number };

function dataOf(shape: Shape): Record<string, unknown> {
  return {
    model: {
      companies: shape.companies.map((employees, i) => ({ name: `c${i}`, employees: Array.from({ length: employees }, (_, k) => ({ name: `e${i}.${k}` })) })),
      questions: Array.from({ length: shape.questions }, () => ({ answer: null })),
    },
  };
}

/** Everything a hierarchy says, in a comparable form. */
function describeHierarchy(h: Hierarchy): unknown {
  const walk = (node: HierarchyNode): unknown => ({
    id: node.id,
    location: node.location,
    rows: node.kind === 'component' ? node.rows.map((r) => [r.owner.id, r.index, r.location.field]) : [],
    children: node.children.map(walk),
  });
  return {
    pages: h.pages.map(walk),
    nodes: [...h.nodes.keys()].sort(),
    instancesOf: Object.fromEntries([...h.instancesOf].map(([id, list]) => [id, list.map((n) => n.id)])),
  };
}

const options = { defaultDataType: 'model' };
const shape = fc.record({ companies: fc.array(fc.nat(3), { maxLength: 4 }), questions: fc.nat(6) });

describe('updateRows', () => {
  it('gives the hierarchy a full build gives, for any sequence of row counts', () => {
    fc.assert(
      fc.property(fc.array(shape, { minLength: 1, maxLength: 5 }), (shapes) => {
        let hierarchy = buildHierarchy(layouts, dataOf(shapes[0]!), options);
        for (const next of shapes.slice(1)) {
          const data = dataOf(next);
          hierarchy = updateRows(hierarchy, data)!.hierarchy;
          expect(describeHierarchy(hierarchy)).toEqual(describeHierarchy(buildHierarchy(layouts, data, options)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the node objects of rows that stay and reports what came and went', () => {
    const before = buildHierarchy(layouts, dataOf({ companies: [1, 2], questions: 0 }), options);
    const kept = before.nodes.get('employeeName-1-1');
    const update = updateRows(before, dataOf({ companies: [1, 2, 0], questions: 0 }))!;
    expect(update.hierarchy).not.toBe(before);
    expect(update.hierarchy.nodes.get('employeeName-1-1')).toBe(kept);
    expect(update.owners.map((n) => n.id)).toEqual(['companies']);
    expect(update.added.map((n) => n.id)).toEqual(['companyName-2', 'details-2', 'orgNo-2', 'employees-2']);
    expect(update.removed).toEqual([]);

    const shrunk = updateRows(update.hierarchy, dataOf({ companies: [1, 0, 0], questions: 0 }))!;
    expect(shrunk.owners.map((n) => n.id)).toEqual(['employees-1']);
    expect(shrunk.removed.map((n) => n.id).sort()).toEqual(['employeeName-1-0', 'employeeName-1-1']);
  });

  it('returns the same hierarchy when no row count changed', () => {
    const before = buildHierarchy(layouts, dataOf({ companies: [2], questions: 3 }), options);
    const update = updateRows(before, dataOf({ companies: [2], questions: 3 }))!;
    expect(update.hierarchy).toBe(before);
    expect(update.owners).toEqual([]);
  });
});
