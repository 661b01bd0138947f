import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../core/api';
import { openEventStream, writeDemoApp } from '../../runtime/server/previewTesting';
import { tempDirs } from '../testing/tempDirs';
import { EventHub } from './eventHub';
import { PreviewService } from './previewService';
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
  const preview = new PreviewService(events, workspace, { clientDir: temp.make() });
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
});
