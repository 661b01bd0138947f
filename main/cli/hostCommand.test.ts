// `studio host` as a real process: it listens, answers /health and /ready, logs JSON lines, refuses
// the admin API without the token, and stops with exit code 0 on SIGTERM.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startS3 } from '../../runtime/server/testing/s3Server';
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

it('takes an S3 bucket for attachments from flags and the keys from the environment, checks it with a signed listing at its start, and stops there, in S3\'s words, when it cannot be used', async () => {
  const s3 = await startS3(['host-blobs']);
  try {
    const flags = ['host', '--port', '0', '--data-dir', path.join(dataDir, 's3'), '--blob-s3-endpoint', s3.endpoint, '--blob-s3-region', s3.region];
    const keys = { AWS_ACCESS_KEY_ID: s3.accessKeyId, AWS_SECRET_ACCESS_KEY: s3.secretAccessKey, STUDIO_BLOB_DIR: undefined };
    const run = spawnStudio([...flags, '--blob-s3-bucket', 'host-blobs'], keys, { address: /"event":"listening"[^\n]*"port":(\d+)/ });
    await run.url;
    // It checked the bucket with a signed listing before it listened.
    expect(s3.requests).toContainEqual(expect.objectContaining({ method: 'GET', url: expect.stringMatching(/^\/host-blobs\?list-type=2&prefix=studio-startup-check%2F/), signed: true }));
    run.stop();
    expect(await run.exited).toBe(0);

    const missing = spawnStudio([...flags, '--blob-s3-bucket', 'no-such-bucket'], keys);
    expect(await missing.exited).toBe(1);
    expect(missing.output().stderr).toContain('The S3 blob store cannot be used: S3 listing of "studio-startup-check/" in bucket "no-such-bucket"');
    expect(missing.output().stderr).toContain('404 NoSuchBucket');
    const wrongKey = spawnStudio([...flags, '--blob-s3-bucket', 'host-blobs'], { ...keys, AWS_SECRET_ACCESS_KEY: 'wrong' });
    expect(await wrongKey.exited).toBe(1);
    expect(wrongKey.output().stderr).toContain('403 SignatureDoesNotMatch');
    const noKeys = spawnStudio([...flags, '--blob-s3-bucket', 'host-blobs'], { ...keys, AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    expect(await noKeys.exited).not.toBe(0);
    expect(noKeys.output().stderr).toContain('The S3 blob store needs AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY');
  } finally {
    await s3.stop();
  }
}, 180_000);
