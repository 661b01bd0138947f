import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createStudioServices } from '../services/studioServices';
import { tempDirs, writeMinimalApp } from '../testing/tempDirs';
import { startWebHost, type WebHost } from './webHost';

const temp = tempDirs();
let host: WebHost;
let appDir: string;

beforeAll(async () => {
  const rendererDir = temp.make();
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Studio</title>');
  writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)');
  appDir = temp.make();
  await writeMinimalApp(appDir, { 'App/ui/page.json': '{"a":1}' });
  writeFileSync(path.join(path.dirname(appDir), 'studio-secret.txt'), 'secret');
  const services = createStudioServices({ host: 'web', configDir: temp.make() });
  host = await startWebHost({ services, rendererDir, maxBodyBytes: 1024 });
});
afterAll(async () => {
  await host.close();
  temp.cleanup();
});

function invoke(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.origin}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-studio-token': host.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('the browser host', () => {
  it('prints an address on 127.0.0.1 with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers 401 without a token or with a wrong one', async () => {
    expect((await fetch(`${host.origin}/`)).status).toBe(401);
    expect((await fetch(`${host.origin}/app.js`)).status).toBe(401);
    const res = await invoke('studio:info', {}, { 'x-studio-token': 'wrong' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { message: expect.stringContaining('token') } });
  });

  it('serves the page with the token, sets a cookie that later requests can use, and sends a CSP', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
    const asset = await fetch(`${host.origin}/app.js`, { headers: { cookie: cookie.split(';')[0] as string } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
  });

  it('answers 403 to a foreign Origin or Host, even with the token', async () => {
    expect((await invoke('studio:info', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await invoke('studio:info', {}, { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
    const rebinding = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request({ host: '127.0.0.1', port: host.port, path: host.url.slice(host.origin.length), headers: { host: `evil.example:${host.port}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      }, reject);
    });
    expect(rebinding).toBe(403);
  });

  it('answers 413 to a body over the limit', async () => {
    const res = await invoke('workspace:open', { dir: 'x'.repeat(2000) });
    expect(res.status).toBe(413);
  });

  it('runs API requests and refuses a path that leaves the app', async () => {
    const opened = await (await invoke('workspace:open', { dir: appDir })).json();
    expect(opened).toMatchObject({ ok: true, value: { name: path.basename(appDir) } });
    expect(await (await invoke('workspace:readFile', { path: 'App/ui/page.json' })).json()).toEqual({ ok: true, value: { path: 'App/ui/page.json', content: '{"a":1}' } });
    for (const escape of ['../studio-secret.txt', '..%2fstudio-secret.txt', '%2e%2e/studio-secret.txt']) {
      const body = await (await invoke('workspace:readFile', { path: escape })).json();
      expect(body).toMatchObject({ ok: false, error: { code: 'outside-app' } });
      expect(JSON.stringify(body)).not.toContain('secret"');
    }
  });

  it('checks arguments and channels', async () => {
    expect(await (await invoke('workspace:readFile', { path: 42 })).json()).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'arguments.path must be a string, got number' } });
    expect(await (await invoke('nope:nothing', {})).json()).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect((await invoke('studio:info', '{bad json')).status).toBe(400);
  });

  it('refuses sockets without the token and pushes events to sockets with it', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`);
    const status = await new Promise<number>((resolve) => refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(401);
    const foreign = new WebSocket(`ws://127.0.0.1:${host.port}/api/events?token=${host.token}`, { origin: 'http://evil.example' });
    expect(await new Promise<number>((resolve) => foreign.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)))).toBe(403);

    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/events?token=${host.token}`, { origin: host.origin });
    await new Promise((resolve) => socket.on('open', resolve));
    const message = new Promise<unknown>((resolve) => socket.on('message', (data) => resolve(JSON.parse(String(data)))));
    await invoke('workspace:writeFile', { path: 'App/ui/new.json', content: '{}' });
    expect(await message).toMatchObject({ event: 'files:changed', payload: { paths: ['App/ui/new.json'] } });
    socket.close();
  });
});
