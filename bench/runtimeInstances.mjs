// Figures for the runtime (issue 9), over HTTP on 127.0.0.1 against a generated app with a 500-field
// model, one page of 500 required inputs, a data task and a policy: instantiate, save + validate of
// the whole model, process/next (with the server's validation of all 500 fields), each the median of
// several one at a time; then instances created per second sustained for a few seconds by a second
// process (bench/instanceLoad.mjs, 8 requests in flight, bounded in count), with the embedded store
// (PGlite) and with PostgreSQL (fsync on), and in memory for comparison.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { bundleTs } from '../scripts/loadTs.mjs';
import { runtimeExternals } from '../runtime/server/testing/storageBundle.mjs';
import { median, ms } from './benchTools.mjs';

const fields = 500;
const json = (v) => JSON.stringify(v, null, 2);

function appFiles(rt) {
  const properties = Object.fromEntries(Array.from({ length: fields }, (_, i) => [`f${i}`, { type: 'string', maxLength: 50 }]));
  const layout = Array.from({ length: fields }, (_, i) => ({ id: `field-${i}`, type: 'Input', required: true, dataModelBindings: { simpleBinding: `f${i}` }, textResourceBindings: { title: `Field ${i}` } }));
  const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P"><bpmn:startEvent id="Start" />${rt.task('Task_1', 'data')}<bpmn:endEvent id="End" />${rt.flow('a', 'Start', 'Task_1')}${rt.flow('b', 'Task_1', 'End')}</bpmn:process>
</bpmn:definitions>`;
  return {
    'App/config/authorization/policy.xml': rt.policyXml(rt.permitRule('owner', 'PRIV', ['instantiate', 'read', 'write'])),
    'App/config/applicationmetadata.json': json({ id: 'bench/big', org: 'bench', dataTypes: [{ id: 'model', taskId: 'Task_1', minCount: 1, maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Model' } }] }),
    'App/config/process/process.bpmn': bpmn,
    'App/config/texts/resource.nb.json': json({ language: 'nb', resources: [] }),
    'App/ui/layout-sets.json': json({ sets: [{ id: 'form', dataType: 'model', tasks: ['Task_1'] }] }),
    'App/ui/form/layouts/Page1.json': json({ data: { layout } }),
    'App/ui/form/Settings.json': json({ pages: { order: ['Page1'] } }),
    'App/models/model.schema.json': json({ type: 'object', properties }),
  };
}

const filled = Object.fromEntries(Array.from({ length: fields }, (_, i) => [`f${i}`, `value ${i}`]));
const userOf = (req) => {
  const party = String(req.headers['x-bench-party'] ?? '501');
  return { userId: Number(party), partyId: party, name: `Person ${party}`, authenticationLevel: 2 };
};

async function call(base, method, rel, body) {
  const res = await fetch(`${base}${rel}`, { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${rel}: ${res.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Median times of instantiate, save + validate and process/next, one instance at a time. */
async function steps(base, runs = 9) {
  const times = { create: [], save: [], next: [] };
  for (let run = 0; run < runs; run++) {
    let t = performance.now();
    const instance = await call(base, 'POST', 'instances?instanceOwnerPartyId=501', {});
    times.create.push(performance.now() - t);
    t = performance.now();
    await call(base, 'PUT', `instances/${instance.id}/data/${instance.data[0].id}`, filled);
    const issues = await call(base, 'GET', `instances/${instance.id}/validate`);
    times.save.push(performance.now() - t);
    if (issues.length > 0) throw new Error(`the filled model has ${issues.length} validation issues`);
    t = performance.now();
    await call(base, 'PUT', `instances/${instance.id}/process/next`);
    times.next.push(performance.now() - t);
  }
  return { create: median(times.create), save: median(times.save), next: median(times.next) };
}

async function sustained(base, seconds) {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(import.meta.dirname, 'instanceLoad.mjs'), base, '8', String(seconds), '20000']);
  const { created, failed, seconds: took } = JSON.parse(stdout);
  if (failed > 0) throw new Error(`${failed} creates failed under load`);
  return created / took;
}

/** Runs the benchmark and returns its figure lines. */
export async function benchRuntimeInstances(seconds = 4) {
  const bundle = await bundleTs('runtime/server/testing/runtimeBenchEntry.ts', { external: runtimeExternals });
  const rt = await import(bundle.url);
  bundle.remove();
  const app = await rt.loadAppModel(rt.memoryFileSource(appFiles(rt)));
  const folder = mkdtempSync(path.join(os.tmpdir(), 'studio-instances-bench-'));
  const postgres = await rt.startPostgres({ durable: true });
  const lines = [];
  try {
    const stores = [
      ['embedded (PGlite)', () => rt.openEmbeddedStorage(folder)],
      ['PostgreSQL', () => rt.openPostgresStorage(postgres.connectionString)],
      ['memory', () => rt.memoryStorage()],
    ];
    for (const [name, open] of stores) {
      const storage = await open();
      const server = await rt.startServer(rt.createAppHandler({ app, org: 'bench', appName: 'big', storage, userOf, maxBodyBytes: 4 * 1024 * 1024 }));
      try {
        const base = `${server.url}/bench/big/`;
        const step = await steps(base);
        const rate = await sustained(base, seconds);
        lines.push(
          `runtime ${name}: instantiate ${ms(step.create)} (goal ≤ 300 ms), save + validate of a ${fields}-field model ${ms(step.save)}, process/next ${ms(step.next)}; ${rate.toFixed(0)} instances/s sustained from a second process (8 in flight, ${seconds} s)`,
        );
      } finally {
        await server.close();
        await storage.close();
      }
    }
  } finally {
    await postgres.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchRuntimeInstances()) console.log(line);
}
