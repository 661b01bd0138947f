import http from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppApi } from '../client/api/appApi';
import { instanceParty, previewPartyId } from '../client/state/loadForm';
import { defaultPeople } from './people';
import { openEmbeddedStorage } from './pgliteStorage';
import { openEventStream, writeDemoApp } from './previewTesting';
import { permitRule, policyXml } from './testing/processEngineTestApp';
import { runtimeClientDir } from './runtimeRoot';
import { defaultPersona, type RuntimeHost, type RuntimeHostOptions, startRuntimeHost } from './runtimeHost';
import type { Instance } from './storage';

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

  it("serves the app's own static files from App/wwwroot (an image, a component's script) after the form app's, and nothing outside it", async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    mkdirSync(path.join(appDir, 'App', 'wwwroot', 'img'), { recursive: true });
    writeFileSync(path.join(appDir, 'App', 'wwwroot', 'img', 'logo.png'), png);
    writeFileSync(path.join(appDir, 'App', 'wwwroot', 'index.html'), 'not the form app');
    writeFileSync(path.join(appDir, 'App', 'wwwroot', 'tool.exe'), 'MZ');
    const host = await start();
    const cookie = await cookieOf(host);
    const base = `http://127.0.0.1:${host.port}/ttd/preview-demo/`;
    const logo = await fetch(`${base}img/logo.png`, { headers: { cookie } });
    expect([logo.status, logo.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(Buffer.from(await logo.arrayBuffer())).toEqual(png);
    // Without the preview's token, the app's files are not public.
    expect((await fetch(`${base}img/logo.png`)).status).toBe(401);
    // The form app's shell wins over a file of the same name; unlisted types and paths out of wwwroot are not served.
    expect(await (await fetch(`${base}index.html`, { headers: { cookie } })).text()).toContain('./assets/app.js');
    expect((await fetch(`${base}tool.exe`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${base}..%2fconfig%2fapplicationmetadata.json`, { headers: { cookie } })).status).toBe(404);
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

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** A one-task app (`ttd/host-flow`) whose policy gives DAGL and REGNA, and nobody else, read, write, instantiate and delete. */
function writeFlowApp(dir: string): void {
  const files: Record<string, string> = {
    'App/config/applicationmetadata.json': json({
      id: 'ttd/host-flow',
      org: 'ttd',
      title: { nb: 'Vertsflyt' },
      dataTypes: [
        { id: 'model', taskId: 'Task_1', maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Model' } },
        { id: 'ref-data-as-pdf', allowedContentTypes: ['application/pdf'] },
      ],
    }),
    'App/config/authorization/policy.xml': policyXml(permitRule('dagl', 'DAGL', ['instantiate', 'read', 'write', 'delete']), permitRule('regna', 'REGNA', ['instantiate', 'read', 'write', 'delete'])),
    'App/config/process/process.bpmn': `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P" isExecutable="false">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="Task_1"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>data</altinn:taskType></altinn:taskExtension></bpmn:extensionElements></bpmn:task>
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_1" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_1" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`,
    'App/ui/layout-sets.json': json({ sets: [{ id: 'form', dataType: 'model', tasks: ['Task_1'] }] }),
    'App/ui/form/Settings.json': json({ pages: { order: ['Page1'] } }),
    'App/ui/form/layouts/Page1.json': json({ data: { layout: [{ id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'name' }, textResourceBindings: { title: 'Navn' } }] } }),
    'App/config/texts/resource.nb.json': json({ language: 'nb', resources: [] }),
    'App/models/model.schema.json': json({ type: 'object', properties: { name: { type: 'string' } } }),
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

describe('startRuntimeHost with people, a store and PDF', () => {
  let flowDir: string;
  beforeAll(() => {
    flowDir = path.join(root, 'flow');
    writeFlowApp(flowDir);
  });

  async function startFlow(options: Partial<RuntimeHostOptions> = {}) {
    const host = await startRuntimeHost({ appDir: flowDir, clientDir, people: defaultPeople(), ...options });
    hosts.push(host);
    const base = `http://127.0.0.1:${host.port}/ttd/host-flow/`;
    const call = async (method: string, rel: string, persona?: string, body?: unknown) => {
      const headers: Record<string, string> = { 'x-preview-token': host.token, ...(persona ? { 'x-studio-persona': persona } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) };
      const res = await fetch(`${base}${rel}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> & Instance };
    };
    return { host, base, call };
  }

  it('acts as the default persona (the DAGL of the first organisation, for it) and refuses a persona the policy gives nothing', async () => {
    expect(defaultPersona(defaultPeople())).toEqual({ userId: 1002, partyId: '50101' });
    const { host, base, call } = await startFlow();
    // Nobody named: Kari Dagny Leder acting for Testbedrift AS, as the form app then creates the instance.
    const current = await call('GET', 'api/authorization/parties/current?returnPartyObject=true');
    expect(current.body).toMatchObject({ partyId: 50101, name: 'Testbedrift AS' });
    const partyId = await instanceParty(createAppApi(base, (input, init) => fetch(input, init), host.token));
    expect(partyId).toBe('50101');
    const created = await call('POST', `instances?instanceOwnerPartyId=${partyId}`, undefined, {});
    expect(created.status).toBe(201);
    // Named explicitly, the same person acts for the same party; another person acts for themselves.
    expect((await call('GET', 'api/authorization/parties/current', '1002')).body).toBe(50101);
    expect((await call('GET', 'api/authorization/parties/current', '1001')).body).toBe(50001);
    // Siri Utenroller holds no role: the policy refuses her, naming who and why.
    const refused = await call('POST', 'instances?instanceOwnerPartyId=50101', '1004', {});
    expect(refused.status).toBe(403);
    expect(String(refused.body.message)).toMatch(/Siri Utenroller \(user 1004\) may not "instantiate".*no role for Testbedrift AS/);
    expect((await call('GET', `instances/${created.body.id}`, '1004')).status).toBe(403);
    // Ola acts for himself, and PRIV is given nothing either.
    expect((await call('POST', 'instances?instanceOwnerPartyId=50001', '1001', {})).status).toBe(403);
    expect((await call('GET', `instances/${created.body.id}`)).status).toBe(200);
  });

  it('keeps the default persona from being asked for a party when the party cookie already names its preset party', async () => {
    const { host, base } = await startFlow();
    const profile = async (cookie?: string) => {
      const res = await fetch(`${base}api/v1/profile/user`, { headers: { 'x-preview-token': host.token, ...(cookie ? { cookie } : {}) } });
      return ((await res.json()) as { profileSettingPreference: Record<string, unknown> }).profileSettingPreference;
    };
    expect(await profile()).toMatchObject({ doNotPromptForParty: true, preSelectedPartyId: 50101 });
    // The answer about the current party sets the cookie; a profile asked for after it arrived is the same.
    expect(await profile('AltinnPartyId=50101')).toMatchObject({ doNotPromptForParty: true, preSelectedPartyId: 50101 });
    // Another party chosen: Altinn's own rule (several parties, no setting) asks again.
    expect(await profile('AltinnPartyId=50002')).toMatchObject({ doNotPromptForParty: false });
  });

  it('without people identifies nobody: the form app creates its instance for the fixed preview party', async () => {
    const host = await startRuntimeHost({ appDir: flowDir, clientDir });
    hosts.push(host);
    const base = `http://127.0.0.1:${host.port}/ttd/host-flow/`;
    expect(await instanceParty(createAppApi(base, (input, init) => fetch(input, init), host.token))).toBe(previewPartyId);
    const res = await fetch(`${base}instances?instanceOwnerPartyId=${previewPartyId}`, { method: 'POST', headers: { 'x-preview-token': host.token } });
    expect(res.status).toBe(201);
  });

  it('keeps instances in the embedded store across a restart of the host', async () => {
    const dataDir = path.join(root, 'store');
    let storage = await openEmbeddedStorage(dataDir);
    let id: string;
    try {
      const { host, call } = await startFlow({ storage });
      const created = await call('POST', 'instances?instanceOwnerPartyId=50101', undefined, {});
      expect(created.status).toBe(201);
      id = created.body.id;
      await host.close();
    } finally {
      await storage.close();
    }
    storage = await openEmbeddedStorage(dataDir);
    try {
      const { call } = await startFlow({ storage });
      const again = await call('GET', `instances/${id}`);
      expect(again.status).toBe(200);
      expect(again.body.instanceOwner.partyId).toBe('50101');
      expect(again.body.process.currentTask?.elementId).toBe('Task_1');
    } finally {
      // The host is closed by afterEach, after the store: close it here first so the store is not in use.
      await hosts.pop()!.close();
      await storage.close();
    }
  }, 60_000);

  it('stores the receipt PDF, printed by Chromium as the acting persona, when the data task ends', async () => {
    const built = path.join(runtimeClientDir(), 'index.html');
    if (!existsSync(built)) throw new Error(`The form app is not built (${built}): run npm run build first`);
    // Kari (the default persona) is no longer DAGL of Testbedrift AS: only its accountant Per may read its
    // instances, so the print view must act as him, not as the default.
    const people = defaultPeople();
    const withoutKari = { ...people, roles: people.roles.filter((r) => !(r.userId === 1002 && r.partyId === '50101')) };
    const { call } = await startFlow({ clientDir: runtimeClientDir(), pdf: true, people: withoutKari });
    const created = await call('POST', 'instances?instanceOwnerPartyId=50101', '1003', {});
    expect(created.status).toBe(201);
    expect((await call('GET', `instances/${created.body.id}`)).status).toBe(403);
    const model = created.body.data.find((d) => d.dataType === 'model')!;
    expect((await call('PUT', `instances/${created.body.id}/data/${model.id}`, '1003', { name: 'Per' })).status).toBe(200);
    const moved = await call('PUT', `instances/${created.body.id}/process/next?language=nb`, '1003', {});
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const instance = (await call('GET', `instances/${created.body.id}`, '1003')).body;
    const pdf = instance.data.find((d) => d.dataType === 'ref-data-as-pdf');
    expect(pdf).toMatchObject({ contentType: 'application/pdf', filename: 'Vertsflyt.pdf', createdBy: '1003', locked: true });
    const file = await fetch(`http://127.0.0.1:${hosts.at(-1)!.port}/ttd/host-flow/instances/${created.body.id}/data/${pdf!.id}`, { headers: { 'x-preview-token': hosts.at(-1)!.token, 'x-studio-persona': '1003' } });
    expect(file.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 90_000);
});
