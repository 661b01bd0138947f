// `studio host` as a real process: it listens, answers /health and /ready, logs JSON lines, refuses
// the admin API without the token, and stops with exit code 0 on SIGTERM.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { spawnStudio } from '../../scripts/spawnServe.mjs';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'studio-host-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('runs the runtime host without Electron and stops cleanly on SIGTERM', async () => {
  const run = spawnStudio(['host', '--port', '0', '--data-dir', dataDir, '--env-name', 'test'], { STUDIO_ADMIN_TOKEN: 'cli-token' }, { address: /"event":"listening"[^\n]*"port":(\d+)/ });
  const port = await run.url;
  const base = `http://127.0.0.1:${port}`;
  expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok', env: 'test' });
  expect((await fetch(`${base}/ready`)).status).toBe(200);
  expect((await fetch(`${base}/admin/deployments?org=ttd&app=x`)).status).toBe(401);
  expect((await fetch(`${base}/admin/deployments?org=ttd&app=x`, { headers: { authorization: 'Bearer cli-token' } })).status).toBe(200);
  run.stop();
  expect(await run.exited).toBe(0);
  const lines = run.output().stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines).toContainEqual(expect.objectContaining({ method: 'GET', path: '/health', status: 200, env: 'test' }));
  expect(lines.at(-1)).toMatchObject({ event: 'closed' });
}, 120_000);

it('refuses a damaged people file by name, and is not ready while its login issuer does not answer', async () => {
  const loginEnv = { STUDIO_SESSION_SECRET: 'a session secret of thirty-two or more characters', STUDIO_MACHINE_ISSUER: 'http://127.0.0.1:9/', STUDIO_MACHINE_AUDIENCE: 'https://apps.example/', STUDIO_MACHINE_SCOPE: 'altinn:serviceowner' };
  const badFile = path.join(dataDir, 'people-bad.json');
  writeFileSync(badFile, '{ "persons": ');
  const bad = spawnStudio(['host', '--port', '0', '--data-dir', path.join(dataDir, 'bad'), '--people', badFile], loginEnv);
  expect(await bad.exited).toBe(1);
  expect(bad.output().stderr).toContain(`The people file ${badFile} cannot be used`);

  const goodFile = path.join(dataDir, 'people.json');
  writeFileSync(goodFile, JSON.stringify({ persons: [], organisations: [], roles: [] }));
  const run = spawnStudio(['host', '--port', '0', '--data-dir', path.join(dataDir, 'good'), '--people', goodFile], loginEnv, { address: /"event":"listening"[^\n]*"port":(\d+)/ });
  const base = `http://127.0.0.1:${await run.url}`;
  const ready = await fetch(`${base}/ready`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ login: false });
  run.stop();
  expect(await run.exited).toBe(0);
}, 120_000);
