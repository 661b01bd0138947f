import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormExpressions } from './formExpressions';
import { narrowChanges } from './dataChanges';
import { buildHierarchy } from './hierarchy/build';
import { updateRows } from './hierarchy/rows';
import type { ExprEnvironment } from './types';

const layouts = {
  Page1: {
    data: {
      hidden: ['equals', ['dataModel', 'hidePage'], true],
      layout: [
        { id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'name' }, required: ['equals', ['dataModel', 'needName'], true] },
        { id: 'greeting', type: 'Paragraph', textResourceBindings: { title: ['concat', 'Hei ', ['component', 'name']] }, hidden: ['equals', ['component', 'name'], ''] },
        {
          id: 'people',
          type: 'RepeatingGroup',
          dataModelBindings: { group: 'people' },
          children: ['age', 'adult'],
          hiddenRow: ['equals', ['dataModel', 'people.skip'], true],
        },
        { id: 'age', type: 'Input', dataModelBindings: { simpleBinding: 'people.age' }, readOnly: ['greaterThan', ['dataModel', 'people[0].age'], 90] },
        { id: 'adult', type: 'Paragraph', hidden: ['lessThan', ['component', 'age'], 18], textResourceBindings: { title: ['if', ['greaterThan', ['dataModel', 'people.age'], 65], 'senior', 'else', 'adult'] } },
      ],
    },
  },
};

function environment(data: Record<string, unknown>): ExprEnvironment {
  const hierarchy = buildHierarchy(layouts, { model: data }, { defaultDataType: 'model' });
  return { dataModels: { model: data }, defaultDataType: 'model', hierarchy };
}

const base = { name: 'Ada', needName: true, hidePage: false, people: [{ age: 30 }, { age: 10 }, { age: 70, skip: false }] };

function snapshot(form: FormExpressions): Record<string, unknown> {
  return Object.fromEntries(form.expressions.map((e) => [`${e.node.id}:${e.slot}`, e.value]));
}

describe('FormExpressions', () => {
  it('evaluates every expression slot of every node, rows included', () => {
    const form = new FormExpressions(environment(base));
    form.evaluateAll();
    expect(form.valueOf('greeting', 'textResourceBindings.title')).toBe('Hei Ada');
    expect(form.valueOf('adult-1', 'hidden')).toBe(true);
    expect(form.valueOf('adult-2', 'textResourceBindings.title')).toBe('senior');
    expect(form.valueOf('people', 'hiddenRow')).toBeUndefined();
    expect(form.valueOf('Page1', 'hidden')).toBe(false);
  });

  it('re-runs only what reads the changed field, and ends where a full evaluation ends', () => {
    const first = environment(base);
    const form = new FormExpressions(first);
    form.evaluateAll();
    const changed = { ...base, name: '' };
    const rerun = form.update({ ...first, dataModels: { model: changed } }, [{ dataType: 'model', field: 'name' }]);
    expect(rerun.map((e) => `${e.node.id}:${e.slot}`).sort()).toEqual(['greeting:hidden', 'greeting:textResourceBindings.title']);
    expect(form.valueOf('greeting', 'hidden')).toBe(true);
  });

  it('starts over when rows come or go', () => {
    const form = new FormExpressions(environment(base));
    form.evaluateAll();
    const fewer = { ...base, people: [{ age: 5 }] };
    form.update(environment(fewer), [{ dataType: 'model', field: 'people' }]);
    expect(form.valueOf('adult-0', 'hidden')).toBe(true);
    expect(form.valueOf('adult-2', 'hidden')).toBeUndefined();
  });

  it('property: after any single value change, incremental results equal a full re-evaluation', () => {
    const field = fc.oneof(
      fc.record({ path: fc.constantFrom('name'), value: fc.oneof(fc.string({ maxLength: 3 }), fc.constant('')) }),
      fc.record({ path: fc.constantFrom('needName', 'hidePage'), value: fc.boolean() }),
      fc.record({ path: fc.constantFrom('people[0].age', 'people[1].age', 'people[2].age'), value: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ path: fc.constantFrom('people'), value: fc.constantFrom([], [{ age: 95 }, { age: 1 }, { age: 40 }]) }),
      fc.record({ path: fc.constantFrom('people[0].skip', 'people[2].skip'), value: fc.boolean() }),
    );
    fc.assert(
      fc.property(field, ({ path, value }) => {
        const first = environment(base);
        const form = new FormExpressions(first);
        form.evaluateAll();
        const data = structuredClone(base) as Record<string, unknown>;
        const match = /^people\[(\d)\]\.(\w+)$/.exec(path);
        if (match) ((data.people as Record<string, unknown>[])[Number(match[1])] as Record<string, unknown>)[match[2] as string] = value;
        else data[path] = value;
        // Same rows: the hierarchy stays and only values change; other rows: a new hierarchy.
        const sameRows = (data.people as unknown[]).length === base.people.length;
        const next = sameRows ? { ...first, dataModels: { model: data } } : environment(data);
        form.update(next, [{ dataType: 'model', field: path }]);
        const fresh = new FormExpressions(environment(data));
        fresh.evaluateAll();
        expect(snapshot(form)).toEqual(snapshot(fresh));
      }),
      { numRuns: 150 },
    );
  });

  it('property: after any sequence of rows added, removed and edited, updateRows ends where a full evaluation ends', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), age: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat(4) }),
      fc.record({ kind: fc.constant('edit' as const), at: fc.nat(4), age: fc.integer({ min: 0, max: 100 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        let env = environment(base);
        let data = base as Record<string, unknown>;
        const form = new FormExpressions(env);
        form.evaluateAll();
        for (const s of steps) {
          const people = data.people as Record<string, unknown>[];
          const field = s.kind === 'edit' ? `people[${s.at}].age` : 'people';
          if (s.kind === 'edit' && s.at >= people.length) continue;
          const next =
            s.kind === 'add' ? [...people, { age: s.age }] : s.kind === 'remove' ? people.filter((_, i) => i !== s.at) : people.map((p, i) => (i === s.at ? { ...p, age: s.age } : p));
          const after = { ...data, people: next };
          const changed = narrowChanges({ model: data }, { model: after }, [{ dataType: 'model', field }]);
          const rows = updateRows(env.hierarchy!, { model: after })!;
          env = { ...env, dataModels: { model: after }, hierarchy: rows.hierarchy };
          form.updateRows(env, rows, changed);
          data = after;
        }
        const fresh = new FormExpressions(environment(data));
        fresh.evaluateAll();
        expect(snapshot(form)).toEqual(snapshot(fresh));
        expect(form.expressions.length).toBe(fresh.expressions.length);
      }),
      { numRuns: 150 },
    );
  });

  it('adding a row runs the new row\'s expressions and those reading other rows, not every row\'s', () => {
    const env = environment(base);
    const form = new FormExpressions(env);
    form.evaluateAll();
    const after = { ...base, people: [...base.people, { age: 12 }] };
    const rows = updateRows(env.hierarchy!, { model: after })!;
    const changed = narrowChanges({ model: base }, { model: after }, [{ dataType: 'model', field: 'people' }]);
    expect(changed).toEqual([{ dataType: 'model', field: 'people[3]' }]);
    const rerun = form.updateRows({ ...env, dataModels: { model: after }, hierarchy: rows.hierarchy }, rows, changed);
    expect(rerun.map((e) => `${e.node.id}:${e.slot}`).sort()).toEqual(['adult-3:hidden', 'adult-3:textResourceBindings.title', 'age-3:readOnly']);
    expect(form.valueOf('adult-3', 'hidden')).toBe(true);
  });
});
