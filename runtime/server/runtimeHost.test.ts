import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream, writeDemoApp } from './previewTesting';
import { type RuntimeHost, startRuntimeHost } from './runtimeHost';

let root: string;
let appDir: string;
let clientDir: string;
const hosts: RuntimeHost[] = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'runtime-host-'));
  appDir = path.join(root, 'app');
  await writeDemoApp(appDir);
  clientDir = path.join(root, 'client');
  mkdirSync(path.join(clientDir, 'assets'), { recursive: true });
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><script type="module" src="./assets/app.js"></script>');
  writeFileSync(path.join(clientDir, 'assets', 'app.js'), 'console.log("form app")');
});
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function start(options: { clientDir?: string } = {}): Promise<RuntimeHost> {
  const host = await startRuntimeHost({ appDir, clientDir: options.clientDir ?? clientDir });
  hosts.push(host);
  return host;
}

/** The cookie the shell sets, as a browser would send it back. */
async function cookieOf(host: RuntimeHost): Promise<string> {
  const shell = await fetch(host.url);
  expect(shell.status).toBe(200);
  return (shell.headers.get('set-cookie') ?? '').split(';')[0]!;
}

function rawGet(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/ttd/preview-demo/', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('startRuntimeHost', () => {
  it('serves the app under /{org}/{app}/ on 127.0.0.1 with the token in the address', async () => {
    const host = await start();
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/ttd/preview-demo/?token=${host.token}`);
    expect([host.org, host.appName]).toEqual(['ttd', 'preview-demo']);
  });

  it('answers 401 without the token and 403 for a foreign Host, on every route', async () => {
    const host = await start();
    const base = `http://127.0.0.1:${host.port}/ttd/preview-demo/`;
    for (const rel of ['', 'index.html', 'api/layoutsets', 'api/preview/events', 'instances?instanceOwnerPartyId=1']) expect((await fetch(base + rel)).status).toBe(401);
    // The form app's own bundle is public code (the same for every app), so a frame on another site can load it.
    expect((await fetch(`${base}assets/app.js`)).status).toBe(200);
    expect((await fetch(`${base}assets/app.js`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${base}?token=wrong`)).status).toBe(401);
    expect(await rawGet(host.port, { host: `evil.example:${host.port}`, 'x-preview-token': host.token })).toBe(403);
    expect(await rawGet(host.port, { host: `localhost:${host.port}`, 'x-preview-token': host.token })).toBe(200);
    const foreign = await fetch(`${base}api/layoutsets?token=${host.token}`, { headers: { origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
  });

  it('serves the shell with a CSP and a token cookie, its assets and the app API with that cookie', async () => {
    const host = await start();
    const shell = await fetch(host.url);
    expect(shell.headers.get('content-type')).toContain('text/html');
    expect(shell.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(shell.headers.get('content-security-policy')).toContain('frame-ancestors http://127.0.0.1:*');
    expect(await shell.text()).toContain('./assets/app.js');
    const cookie = (shell.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toBe(`preview-token-${host.port}=${host.token}`);
    const base = `http://127.0.0.1:${host.port}/ttd/preview-demo/`;
    const asset = await fetch(`${base}assets/app.js`, { headers: { cookie } });
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(await asset.text()).toContain('form app');
    const sets = await fetch(`${base}api/layoutsets`, { headers: { cookie } });
    expect(await sets.json()).toMatchObject({ sets: [{ id: 'form' }] });
    const instance = await fetch(`${base}instances?instanceOwnerPartyId=1`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(instance.status).toBe(201);
    expect((await fetch(`${base}..%2f..%2fapp.js`, { headers: { cookie } })).status).toBe(404);
  });

  it('takes the token as a header and on the event stream\'s query, without any cookie (Electron frames it cross-site)', async () => {
    const host = await start();
    const base = `http://127.0.0.1:${host.port}/ttd/preview-demo/`;
    expect((await fetch(`${base}api/layoutsets`, { headers: { 'x-preview-token': host.token } })).status).toBe(200);
    const events = await fetch(`${base}api/preview/events?token=${host.token}`);
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    await events.body?.cancel();
  });

  it('redirects / to the app, keeping the token', async () => {
    const host = await start();
    const res = await fetch(`http://127.0.0.1:${host.port}/?token=${host.token}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/ttd/preview-demo/?token=${host.token}`);
  });

  it('answers the shell with 503 and what to do when the form app is not built', async () => {
    const host = await start({ clientDir: path.join(root, 'not-built') });
    const res = await fetch(host.url);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('run npm run build');
  });

  it('sends app-changed on the event stream after reload(), serving the new app', async () => {
    const host = await start();
    const cookie = await cookieOf(host);
    const stream = await openEventStream(`http://127.0.0.1:${host.port}/ttd/preview-demo/api/preview/events?token=${host.token}`);
    try {
      await writeFile(path.join(appDir, 'App/ui/form/layouts/Page1.json'), JSON.stringify({ data: { layout: [{ id: 'renamed', type: 'Input' }] } }));
      await host.reload();
      expect(await stream.next()).toEqual({ type: 'app-changed' });
      const layouts = await fetch(`http://127.0.0.1:${host.port}/ttd/preview-demo/api/layouts/form`, { headers: { cookie } });
      expect(JSON.stringify(await layouts.json())).toContain('renamed');
    } finally {
      stream.close();
    }
  });

  it('closes with an event stream still open', async () => {
    const host = await startRuntimeHost({ appDir, clientDir });
    const stream = await openEventStream(`http://127.0.0.1:${host.port}/ttd/preview-demo/api/preview/events?token=${host.token}`);
    await host.close();
    stream.close();
    await expect(fetch(host.url)).rejects.toThrow();
  });
});
