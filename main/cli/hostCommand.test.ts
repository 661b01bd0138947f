// `studio host` as a real process: it listens, answers /health and /ready, logs JSON lines, refuses
// the admin API without the token, and stops with exit code 0 on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
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
