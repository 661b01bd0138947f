// Dependencies: what compileExpression reports, and the property callers rely on: changing data at a
// path the expression does not depend on never changes its result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile';
import { dependsOnDataPath, expandDependencies } from './dependencies';
import { buildHierarchy } from './hierarchy/build';
import type { ExprEnvironment } from './types';

const paths = ['a', 'b.c', 'b.d', 'e.f.g', 'h'] as const;
const scalar = fc.oneof(fc.constantFrom('x', '1', 'true', '', 'null'), fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.constant(null));

function setPath(data: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(data);
  const parts = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) {
    if (at[part] === null || typeof at[part] !== 'object') at[part] = {};
    at = at[part] as Record<string, unknown>;
  }
  at[parts[parts.length - 1]!] = value;
  return copy;
}

const data = fc.tuple(...paths.map(() => scalar)).map((values) => paths.reduce<Record<string, unknown>>((d, p, i) => setPath(d, p, values[i]), {}));

const { expression } = fc.letrec<{ expression: unknown }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.constantFrom(...paths).map((p) => ['dataModel', p]),
    fc.tuple(fc.constantFrom('equals', 'notEquals', 'concat', 'plus', 'greaterThan', 'and', 'or', 'contains'), tie('expression'), tie('expression')).map(([f, x, y]) => [f, x, y]),
    fc.tuple(tie('expression'), tie('expression'), tie('expression')).map(([c, x, y]) => ['if', c, x, 'else', y]),
    tie('expression').map((x) => ['not', x]),
  ),
}));

const env = (model: unknown): ExprEnvironment => ({ dataModels: { model }, defaultDataType: 'model' });

describe('dependencies', () => {
  it('lists literal data paths without indexes, and flags computed ones', () => {
    const deps = compileExpression(['and', ['equals', ['dataModel', 'people[1].name'], 'x'], ['dataModel', 'other', 'second']]).dependencies;
    expect(deps.dataPaths).toEqual([
      { dataType: null, field: 'people.name' },
      { dataType: 'second', field: 'other' },
    ]);
    expect(deps.anyData).toBe(false);
    expect(compileExpression(['dataModel', ['argv', 0]]).dependencies).toMatchObject({ anyData: true, contexts: expect.arrayContaining(['argv']) });
  });

  it('lists components, texts and context kinds', () => {
    const deps = compileExpression(['concat', ['component', 'c1'], ['text', 'k'], ['instanceContext', 'appId'], ['language'], ['authContext', 'read'], ['frontendSettings', 's'], ['value']]).dependencies;
    expect(deps.components).toEqual(['c1']);
    expect(deps.textKeys).toEqual(['k']);
    expect(deps.contexts).toEqual(expect.arrayContaining(['instance', 'language', 'auth', 'settings', 'value']));
  });

  it('matches a changed path inside or around a dependency, in the right data type', () => {
    const deps = compileExpression(['dataModel', 'people.name']).dependencies;
    expect(dependsOnDataPath(deps, { dataType: 'model', field: 'people[3].name' }, 'model')).toBe(true);
    expect(dependsOnDataPath(deps, { dataType: 'model', field: 'people' }, 'model')).toBe(true);
    expect(dependsOnDataPath(deps, { dataType: 'model', field: 'people.age' }, 'model')).toBe(false);
    expect(dependsOnDataPath(deps, { dataType: 'other', field: 'people.name' }, 'model')).toBe(false);
  });

  it('property: a change outside the dependencies never changes the result', () => {
    fc.assert(
      fc.property(expression, data, fc.nat({ max: paths.length - 1 }), scalar, (expr, before, pick, newValue) => {
        const compiled = compileExpression(expr);
        const untouched = paths.filter((p) => !dependsOnDataPath(compiled.dependencies, { dataType: 'model', field: p }, 'model'));
        fc.pre(untouched.length > 0);
        const changed = setPath(before, untouched[pick % untouched.length]!, newValue);
        expect(compiled.run({ env: env(changed) })).toEqual(compiled.run({ env: env(before) }));
      }),
      { numRuns: 300 },
    );
  });

  it('expands a component lookup into its binding and every hidden rule above it', () => {
    const hierarchy = buildHierarchy(
      {
        P: {
          data: {
            hidden: ['dataModel', 'pageOff'],
            layout: [
              { id: 'group', type: 'RepeatingGroup', dataModelBindings: { group: 'rows' }, children: ['field'], hiddenRow: ['dataModel', 'rows.off'] },
              { id: 'field', type: 'Input', dataModelBindings: { simpleBinding: 'rows.value' }, hidden: ['dataModel', 'rows.hideMe'] },
            ],
          },
        },
      },
      { model: {} },
      { defaultDataType: 'model' },
    );
    const deps = expandDependencies(compileExpression(['component', 'field']).dependencies, { dataModels: { model: {} }, defaultDataType: 'model', hierarchy });
    expect(deps.dataPaths.map((d) => d.field).sort()).toEqual(['pageOff', 'rows', 'rows.hideMe', 'rows.off', 'rows.value']);
  });

  it('expands a text key into the data its variables read', () => {
    const textEnv: ExprEnvironment = {
      dataModels: { model: {} },
      defaultDataType: 'model',
      textResources: [{ id: 'greeting', value: 'Hi {0} {1}', variables: [{ key: 'people[{0}].name', dataSource: 'dataModel.default' }, { key: 'x', dataSource: 'applicationSettings' }] }],
    };
    const deps = expandDependencies(compileExpression(['text', 'greeting']).dependencies, textEnv);
    expect(deps.dataPaths).toEqual([{ dataType: null, field: 'people.name' }]);
    expect(deps.contexts).toContain('settings');
  });
});
