// Figures: instance creation in the runtime's stores, in-process, one create at a time. A create is
// createInstance with one 5 KB JSON form data element, then appendEvent(`Created`), as the
// runtime's POST /instances does. Printed per store: creates per second over ~3 s and the median
// latency of one create. PostgreSQL runs with fsync on (a deployment's commit cost), PGlite in a temp folder.
// (The issue's figure, creates per second from a second process over HTTP on 127.0.0.1, needs the routes.)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleStorage } from '../runtime/server/testing/storageBundle.mjs';
import { median, ms } from './benchTools.mjs';

const form = { applicant: { name: 'Kari Nordmann', address: 'Storgata 1' }, rows: Array.from({ length: 60 }, (_, i) => ({ i, text: 'lorem ipsum '.repeat(5) })) };
const formSize = JSON.stringify(form).length;

/** One create: the instance record with its form data element, and its `Created` event. */
async function createOne(store) {
  const guid = randomUUID();
  const now = new Date().toISOString();
  const element = { id: randomUUID(), instanceGuid: guid, dataType: 'model', contentType: 'application/xml', size: formSize, locked: false, refs: [], tags: [], isRead: true, created: now, lastChanged: now };
  const id = `501/${guid}`;
  await store.createInstance(
    {
      id, instanceOwner: { partyId: '501' }, appId: 'acme/bench', org: 'acme', created: now, lastChanged: now, data: [element],
      process: { started: now, startEvent: 'StartEvent_1', currentTask: { elementId: 'Task_1', name: 'Utfylling', altinnTaskType: 'data', flow: 2, started: now } },
      status: { isArchived: false, isSoftDeleted: false, isHardDeleted: false, readStatus: 'Read' },
    },
    new Map([[element.id, form]]),
  );
  await store.appendEvent({ id: randomUUID(), instanceId: id, eventType: 'Created', created: now, user: { userId: 1, partyId: '501' } });
}

/** Creates instances one after another for `seconds` (after a short warm-up); returns creates/s and the median latency. */
async function measure(store, seconds) {
  for (let i = 0; i < 20; i++) await createOne(store);
  const latencies = [];
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const one = performance.now();
    await createOne(store);
    latencies.push(performance.now() - one);
  }
  return { perSecond: latencies.length / ((performance.now() - started) / 1000), median: median(latencies), count: latencies.length };
}

/** Runs the benchmark and returns its figure lines. */
export async function benchRuntimeStorage(seconds = 3) {
  const bundle = await bundleStorage();
  const { memoryStorage, openEmbeddedStorage, openPostgresStorage, startPostgres } = await import(bundle.url);
  bundle.remove();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'studio-storage-bench-'));
  const server = await startPostgres({ durable: true });
  const lines = [];
  try {
    const stores = [
      ['memory', () => memoryStorage()],
      ['PGlite', () => openEmbeddedStorage(folder)],
      ['PostgreSQL', () => openPostgresStorage(server.connectionString)],
    ];
    for (const [name, open] of stores) {
      const store = await open();
      try {
        const figure = await measure(store, seconds);
        lines.push(`runtime storage (${name}): ${figure.perSecond.toFixed(0)} creates/s in-process, one create ${figure.median < 1 ? `${figure.median.toFixed(3)} ms` : ms(figure.median)} median (${figure.count} creates, 5 KB JSON + event each)`);
      } finally {
        await store.close();
      }
    }
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await benchRuntimeStorage()) console.log(line);
