// Figures for the expression engine and validation: evaluations per second (simple and 5-level nested),
// all expressions of a 500-component form with a repeating group of 1,000 rows, incremental
// re-evaluation after one field change, and validation of a 500-field model.
import { median, ms } from './benchTools.mjs';
import { importTs } from '../scripts/loadTs.mjs';

const x = await importTs('bench/expressionsBench.ts');

function timed(fn, runs = 5) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = fn();
    times.push(performance.now() - started);
  }
  return { time: median(times), result };
}

function perSecond(expression, env, iterations = 1_000_000) {
  const compiled = x.compileExpression(expression);
  const context = { env };
  const { time } = timed(() => {
    for (let i = 0; i < iterations; i++) compiled.evaluate(context);
  });
  return iterations / (time / 1000);
}

/** A page of 490 inputs and a repeating group of 9 columns over `rows` rows: 500 components. */
function largeForm(rows) {
  const layout = [];
  for (let i = 0; i < 490; i++) {
    layout.push({
      id: `f${i}`,
      type: 'Input',
      dataModelBindings: { simpleBinding: `f${i}` },
      hidden: ['equals', ['dataModel', `f${(i + 1) % 490}`], 'hide'],
      required: ['notEquals', ['component', `f${(i + 7) % 490}`], ''],
      textResourceBindings: { title: ['concat', 'Field ', ['dataModel', `f${i}`]] },
    });
  }
  const columns = Array.from({ length: 9 }, (_, c) => `col${c}`);
  layout.push({ id: 'rows', type: 'RepeatingGroup', dataModelBindings: { group: 'rows' }, children: columns, hiddenRow: ['equals', ['dataModel', 'rows.skip'], true] });
  for (const [c, id] of columns.entries()) {
    layout.push({
      id,
      type: 'Input',
      dataModelBindings: { simpleBinding: `rows.v${c}` },
      hidden: ['lessThan', ['dataModel', 'rows.v0'], c],
      required: ['greaterThan', ['plus', ['dataModel', `rows.v${c}`], ['dataModel', 'f3']], 100],
    });
  }
  const data = Object.fromEntries(Array.from({ length: 490 }, (_, i) => [`f${i}`, `v${i}`]));
  data.rows = Array.from({ length: rows }, (_, r) => ({ skip: r % 50 === 0, ...Object.fromEntries(columns.map((_, c) => [`v${c}`, (r + c) % 20])) }));
  return { layouts: { Page: { data: { layout } } }, data };
}

function environment(layouts, data) {
  const hierarchy = x.buildHierarchy(layouts, { model: data }, { defaultDataType: 'model' });
  return { dataModels: { model: data }, defaultDataType: 'model', hierarchy };
}

/** Runs the benchmark and returns its figure lines. */
export async function benchExpressions() {
  const lines = [];
  const simpleEnv = { dataModels: { model: { a: { b: 'x' }, n: 4, s: 'hello world' } }, defaultDataType: 'model' };
  const simple = perSecond(['equals', ['dataModel', 'a.b'], 'x'], simpleEnv);
  const nested = perSecond(['and', ['or', ['not', ['equals', ['dataModel', 'a.b'], ['concat', 'x', ['upperCase', ['dataModel', 's']]]]], false], true], simpleEnv, 300_000);
  lines.push(`expressions: ["equals", ["dataModel", "a.b"], "x"] ${(simple / 1e6).toFixed(1)} M evaluations/s (goal ≥ 1 M/s); 5-level nested ${(nested / 1e6).toFixed(2)} M/s (median of 5)`);

  const { layouts, data } = largeForm(1000);
  const full = timed(() => {
    const env = environment(layouts, data);
    const form = new x.FormExpressions(env);
    form.evaluateAll();
    return { env, form };
  }, 3);
  const { form, env } = full.result;
  lines.push(`form: 500 components, repeating group of 1,000 rows (${env.hierarchy.nodes.size} instances, ${form.expressions.length} expressions): build + evaluate all ${ms(full.time)} (median of 3)`);

  const changedData = { ...data, f200: 'hide' };
  const changedEnv = { ...env, dataModels: { model: changedData } };
  const top = timed(() => form.update(changedEnv, [{ dataType: 'model', field: 'f200' }]), 21);
  const rowData = { ...data, rows: data.rows.map((r, i) => (i === 500 ? { ...r, v4: 99 } : r)) };
  const rowEnv = { ...env, dataModels: { model: rowData } };
  const row = timed(() => form.update(rowEnv, [{ dataType: 'model', field: 'rows[500].v4' }]), 21);
  lines.push(`incremental: one top-level field change re-runs ${top.result.length} expressions in ${top.time.toFixed(3)} ms; one row cell change re-runs ${row.result.length} in ${row.time.toFixed(2)} ms (goal ≤ 1 ms; median of 21)`);

  const fields = Array.from({ length: 500 }, (_, i) => `f${i}`);
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: Object.fromEntries(fields.map((f, i) => [f, i % 2 ? { type: 'integer', minimum: 0 } : { type: 'string', maxLength: 10 }])),
  };
  const formData = Object.fromEntries(fields.map((f, i) => [f, i % 2 ? i : `v${i}`]));
  const vLayouts = { P: { data: { layout: fields.map((f) => ({ id: `c-${f}`, type: 'Input', required: true, dataModelBindings: { simpleBinding: f } })) } } };
  const vEnv = environment(vLayouts, formData);
  const model = { data: formData, schema, expressionValidation: x.resolveExpressionValidationConfig({ validations: {} }) };
  x.compileDataModelSchema(schema);
  const schemaOnly = timed(() => x.validateFormDataWithSchema(schema, formData, 'model'), 21);
  const whole = timed(() => x.validateLayoutSet({ hierarchy: vEnv.hierarchy, env: vEnv, dataModels: { model } }), 21);
  lines.push(`validation: 500-field model, schema ${schemaOnly.time.toFixed(2)} ms; schema + required + component rules for 500 components ${whole.time.toFixed(2)} ms (goal ≤ 5 ms; schema compiled once beforehand; median of 21)`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await benchExpressions()) console.log(line);
