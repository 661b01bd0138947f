// Figures for the runtime host (issue 10), with real `studio host` processes on 127.0.0.1 (the built
// CLI, no Electron) and a real git HTTP server holding an app made by `studio new`:
// - time from POST /admin/deployments to the new version serving: on the replica that deployed it (the
//   request returns once it is active) and on a second replica (it notices at its next refresh, ~1 s);
// - form data save (PUT data) + validate (GET validate) per second, with one and with two replicas on
//   one PostgreSQL (fsync on), from a second process (bench/hostLoad.mjs, 8 instances, one request in
//   flight per instance, bounded in time and count).
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { bundleTs } from '../scripts/loadTs.mjs';
import { ensureBuilt } from '../scripts/ensureBuilt.mjs';
import { runtimeExternals } from '../runtime/server/testing/storageBundle.mjs';
import { ms } from './benchTools.mjs';

const root = path.resolve(import.meta.dirname, '..');
const token = 'bench-admin-token';

/** Starts `studio host` as its own process; resolves with its base URL once it listens. */
function startHost(args) {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'studio.mjs'), 'host', '--port', '0', '--admin-token', token, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let partial = '';
  /** The host's deploy events (deploy-phase, deployed), as logged. */
  const deployEvents = [];
  child.stderr.on('data', (d) => (stderr += String(d)));
  const url = new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const lines = (partial + String(d)).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.includes('"event":')) continue;
        const entry = JSON.parse(line);
        if (entry.event === 'listening') resolve(`http://127.0.0.1:${entry.port}`);
        if (entry.event === 'deploy-phase' || entry.event === 'deployed') deployEvents.push(entry);
      }
    });
    child.on('exit', (code) => reject(new Error(`studio host exited with ${code}: ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return { url, deployEvents, stop: async () => (child.kill('SIGTERM'), await exited) };
}

async function json(url, init = {}) {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

const deploy = (host, rt, remote, ref) =>
  json(`${host}/admin/deployments`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ org: rt.hostTestOrg, app: rt.hostTestApp, ref, remote, by: 'bench' }) });

/** Milliseconds until `check` holds, polling every 10 ms. */
async function until(check, limit = 15_000) {
  const start = performance.now();
  while (!(await check().catch(() => false))) {
    if (performance.now() - start > limit) throw new Error(`not within ${limit} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - start;
}

const hasEmail = async (base) => JSON.stringify(await json(`${base}api/layouts/form`)).includes('applicant-email');

async function load(bases, seconds, limit) {
  const instances = [];
  for (let i = 0; i < 8; i++) {
    const created = await json(`${bases[i % bases.length]}instances?instanceOwnerPartyId=${501 + i}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    instances.push({ id: created.id, dataId: created.data.find((d) => d.dataType === 'model').id });
  }
  const config = JSON.stringify({ bases, instances, seconds, limit });
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(import.meta.dirname, 'hostLoad.mjs'), config]);
  const { pairs, failed, seconds: took } = JSON.parse(stdout);
  if (failed > 0) throw new Error(`${failed} save + validate pairs failed under load`);
  return { perSecond: pairs / took, pairs, took };
}

/** Runs the benchmark and returns its figure lines. */
export async function benchHostDeploy(seconds = 10, limit = 2000) {
  ensureBuilt();
  const bundle = await bundleTs('runtime/server/testing/hostBenchEntry.ts', { external: [...runtimeExternals, 'isomorphic-git'] });
  const rt = await import(bundle.url);
  bundle.remove();
  const repo = await rt.startHostTestRepo();
  await repo.tag('v1');
  await repo.tag('v2', rt.addRequiredEmail);
  const postgres = await rt.startPostgres({ durable: true });
  const folder = mkdtempSync(path.join(os.tmpdir(), 'studio-host-bench-'));
  const lines = [];
  const hosts = [];
  try {
    // Replicas share the database and one blob folder.
    const database = ['--database', postgres.connectionString, '--blob-dir', path.join(folder, 'blobs')];
    const a = startHost([...database, '--data-dir', path.join(folder, 'a')]);
    hosts.push(a);
    const urlA = await a.url;
    const appPath = `/${rt.hostTestOrg}/${rt.hostTestApp}/`;

    // Deploy v1 to one replica: the POST returns once v1 serves.
    let t = performance.now();
    await deploy(urlA, rt, repo.remote, 'v1');
    const firstServed = performance.now() - t + (await until(async () => (await fetch(`${urlA}${appPath}api/layouts/form`)).status === 200));
    const one = await load([`${urlA}${appPath}`], seconds, limit);

    const b = startHost([...database, '--data-dir', path.join(folder, 'b')]);
    hosts.push(b);
    const urlB = await b.url;
    await until(async () => (await fetch(`${urlB}/ready`)).status === 200 && (await fetch(`${urlB}${appPath}api/layouts/form`)).status === 200);
    const two = await load([`${urlA}${appPath}`, `${urlB}${appPath}`], seconds, limit);

    // Deploy v2 on A while both serve v1; time until A, then B, serve v2.
    t = performance.now();
    const deployed = deploy(urlA, rt, repo.remote, 'v2');
    const onA = Promise.resolve(deployed).then(() => until(() => hasEmail(`${urlA}${appPath}`))).then(() => performance.now() - t);
    const onB = until(() => hasEmail(`${urlB}${appPath}`)).then(() => performance.now() - t);
    const [servedA, servedB] = await Promise.all([onA, onB]);

    // Where v2's time went on A, by the host's own log: each phase until the next one, the last until deployed.
    const v2 = a.deployEvents.filter((e) => e.version === 'v2');
    const phases = v2.slice(0, -1).map((e, i) => `${e.phase} ${ms(Date.parse(v2[i + 1].time) - Date.parse(e.time))}`);
    lines.push(`runtime host deploy of v2 by phase (host log, ms resolution): ${phases.join(', ')}`);
    lines.push(`runtime host deploy: POST /admin/deployments → new version serving ${ms(firstServed)} (first version, fetch + check + load), ${ms(servedA)} for v2 on the deploying replica, ${ms(servedB)} on the second replica (refresh every 1 s)`);
    lines.push(
      `runtime host save + validate (PUT data + GET validate) on PostgreSQL, from a second process, 8 instances in flight, ≤ ${seconds} s or ${limit} pairs: one replica ${one.perSecond.toFixed(0)} pairs/s (${(one.perSecond * 2).toFixed(0)} requests/s), two replicas ${two.perSecond.toFixed(0)} pairs/s (${(two.perSecond * 2).toFixed(0)} requests/s); ${os.availableParallelism()} cores`,
    );
  } finally {
    for (const host of hosts) await host.stop();
    await postgres.stop();
    await repo.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchHostDeploy()) console.log(line);
}
