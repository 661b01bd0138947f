import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../core/api';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultPeople } from '../../runtime/server/people';
import { openEmbeddedStorage } from '../../runtime/server/pgliteStorage';
import { openEventStream, writeDemoApp } from '../../runtime/server/previewTesting';
import { permitRule, policyXml } from '../../runtime/server/testing/processEngineTestApp';
import { tempDirs } from '../testing/tempDirs';
import { EventHub } from './eventHub';
import { peopleFile, writePeopleStore } from './peopleStore';
import { PreviewService, previewDataDir } from './previewService';
import { createStudioServices } from './studioServices';
import { Workspace } from './workspace';

const temp = tempDirs();
const disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0)) await dispose();
});
afterAll(() => temp.cleanup());

async function setup() {
  const events = new EventHub();
  const workspace = new Workspace(events);
  const dir = temp.make();
  await writeDemoApp(dir);
  await workspace.open(dir);
  // A burst is writes closer together than debounceMs; generous, so a busy machine's slow writes still make one burst.
  const preview = new PreviewService(events, workspace, { clientDir: temp.make(), debounceMs: 400 });
  disposers.push(() => preview.dispose());
  return { workspace, preview };
}

const eventsUrl = (url: string) => {
  const page = new URL(url);
  return `${page.origin}${page.pathname}api/preview/events${page.search}`;
};

describe('PreviewService', () => {
  it('refuses to start with no app open', async () => {
    const events = new EventHub();
    const preview = new PreviewService(events, new Workspace(events));
    await expect(preview.start()).rejects.toMatchObject({ code: 'no-app-open' });
  });

  it('starts the open app and reloads it once per burst of studio writes', async () => {
    const { workspace, preview } = await setup();
    const { url } = await preview.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ttd\/preview-demo\/\?token=\S+$/);
    const stream = await openEventStream(eventsUrl(url));
    try {
      for (let i = 0; i < 5; i++) await workspace.writeFile('App/ui/form/layouts/Page1.json', JSON.stringify({ data: { layout: [{ id: `c${i}`, type: 'Input' }] } }));
      expect(await stream.next()).toEqual({ type: 'app-changed' });
      await expect(stream.next(300)).rejects.toThrow('No event arrived');
    } finally {
      stream.close();
    }
  });

  it('restarts with a new host (fresh data) and stops', async () => {
    const { preview } = await setup();
    const first = await preview.start();
    const second = await preview.start();
    expect(second.url).not.toBe(first.url);
    await expect(fetch(first.url)).rejects.toThrow();
    expect((await fetch(second.url)).status).toBe(503);
    expect(await preview.stop()).toBeNull();
    expect(preview.current).toBeNull();
    await expect(fetch(second.url)).rejects.toThrow();
  });

  it('stops when the app is closed', async () => {
    const { workspace, preview } = await setup();
    const { url } = await preview.start();
    workspace.close();
    await expect.poll(() => preview.current).toBeNull();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('is reachable through the preview channels of both hosts', async () => {
    const services = createStudioServices({ host: 'web', configDir: temp.make(), preview: { clientDir: temp.make() } });
    disposers.push(() => services.preview.dispose());
    const dir = temp.make();
    await writeDemoApp(dir);
    await dispatchRequest(services.handlers, 'workspace:open', { dir });
    const started = await dispatchRequest(services.handlers, 'preview:start', undefined);
    expect(started).toMatchObject({ ok: true, value: { url: expect.stringContaining('/ttd/preview-demo/?token=') } });
    expect(await dispatchRequest(services.handlers, 'preview:stop', undefined)).toEqual({ ok: true, value: null });
  });

  describe('with the studio\'s config folder', () => {
    /** The demo app with a policy giving DAGL what the form app needs. */
    async function appWithPolicy() {
      const dir = temp.make();
      await writeDemoApp(dir);
      await mkdir(path.join(dir, 'App/config/authorization'));
      await writeFile(path.join(dir, 'App/config/authorization/policy.xml'), policyXml(permitRule('dagl', 'DAGL', ['instantiate', 'read', 'write', 'delete'])));
      return dir;
    }

    async function previewOf(appDir: string, configDir: string) {
      const events = new EventHub();
      const workspace = new Workspace(events);
      await workspace.open(appDir);
      const preview = new PreviewService(events, workspace, { clientDir: temp.make(), configDir, pdf: false });
      disposers.push(() => preview.dispose());
      return preview;
    }

    /** An app API call as the form app makes it (token header; the default persona unless one is named). */
    async function call(url: string, method: string, rel: string, persona?: string) {
      const page = new URL(url);
      const res = await fetch(`${page.origin}${page.pathname}${rel}`, { method, headers: { 'x-preview-token': page.searchParams.get('token')!, ...(persona ? { 'x-studio-persona': persona } : {}) } });
      return { status: res.status, body: (await res.json()) as { id?: string; partyId?: number; name?: string; message?: string } };
    }

    it('keeps instances in a store per app in the config folder, not in the app, across a studio restart', async () => {
      const appDir = await appWithPolicy();
      const configDir = temp.make();
      const first = await previewOf(appDir, configDir);
      const started = await first.start();
      expect(started.problem).toBeUndefined();
      const created = await call(started.url, 'POST', 'instances?instanceOwnerPartyId=50101');
      expect(created.status).toBe(201);
      // Stopping closes the store: it can be opened again at once (its lock is gone).
      await first.dispose();
      const store = previewDataDir(configDir, 'ttd', 'preview-demo');
      expect(store).toBe(path.join(configDir, 'preview-data', 'ttd-preview-demo'));
      expect(existsSync(path.join(store, 'lock'))).toBe(false);
      expect(readdirSync(appDir).sort()).toEqual(['App']);

      const second = await previewOf(appDir, configDir);
      const again = await second.start();
      expect((await call(again.url, 'GET', `instances/${created.body.id}`)).status).toBe(200);
      // Started again ("Reset data"), the preview keeps the same store open.
      const third = await second.start();
      expect((await call(third.url, 'GET', `instances/${created.body.id}`)).status).toBe(200);
    }, 60_000);

    it('acts as the people of people.json, re-read on every start; a damaged file gives the default people and says why', async () => {
      const appDir = await appWithPolicy();
      const configDir = temp.make();
      await writeFile(peopleFile(configDir), '{ "persons": [');
      const preview = await previewOf(appDir, configDir);
      const damaged = await preview.start();
      expect(damaged.problem).toContain('The people file is not valid JSON');
      expect(damaged.problem).toContain(peopleFile(configDir));
      // The default people: Kari Dagny Leder, acting for Testbedrift AS.
      expect((await call(damaged.url, 'GET', 'api/authorization/parties/current?returnPartyObject=true')).body).toMatchObject({ partyId: 50101, name: 'Testbedrift AS' });
      expect((await call(damaged.url, 'POST', 'instances?instanceOwnerPartyId=50101', '1004')).status).toBe(403);

      // Fixed: Siri becomes DAGL of Testbedrift AS and the preview, started again, lets her in.
      const people = defaultPeople();
      await writePeopleStore(configDir, { ...people, roles: [...people.roles, { userId: 1004, partyId: '50101', roles: ['DAGL'] }] });
      const fixed = await preview.start();
      expect(fixed.problem).toBeUndefined();
      expect((await call(fixed.url, 'POST', 'instances?instanceOwnerPartyId=50101', '1004')).status).toBe(201);
    }, 60_000);

    it('starts while the app\'s store is in use by another studio; the form\'s calls say why, and the next start opens it', async () => {
      const appDir = await appWithPolicy();
      const configDir = temp.make();
      const other = await openEmbeddedStorage(previewDataDir(configDir, 'ttd', 'preview-demo'));
      const preview = await previewOf(appDir, configDir);
      try {
        const started = await preview.start();
        const refused = await call(started.url, 'POST', 'instances?instanceOwnerPartyId=50101');
        expect(refused.status).toBe(500);
        expect(refused.body.message).toMatch(/saved instances in .*ttd-preview-demo could not be opened: .*already open.* Close the other studio/);
      } finally {
        await other.close();
      }
      const again = await preview.start();
      expect((await call(again.url, 'POST', 'instances?instanceOwnerPartyId=50101')).status).toBe(201);
    }, 60_000);
  });
});
