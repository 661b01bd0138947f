import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Envelope, ipcEventChannel, type RequestChannel, requestChannels, type StudioHandlers } from '../../core/api';
import { createStudioServices, type StudioServices } from '../services/studioServices';
import { fakeElectron, FakeWebContents, FakeWebFrame, resetFakeElectron } from './fakeElectron';
import { refusedEnvelope, registerIpcHandlers } from './ipcHandlers';
import { StudioWindows } from './studioWindows';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

const appUrl = 'app://studio/index.html';

let configDir: string;
let services: StudioServices;
let calls: RequestChannel[];
let windows: StudioWindows;
let studio: FakeWebContents;
let dispose: () => void;

/** The real handlers, wrapped so a test can see whether one ran. */
function recordingHandlers(real: StudioHandlers): StudioHandlers {
  const wrapped: Record<string, (args: never) => Promise<unknown>> = {};
  for (const channel of requestChannels) {
    wrapped[channel] = (args: never) => {
      calls.push(channel);
      return (real[channel] as (a: never) => Promise<unknown>)(args);
    };
  }
  return wrapped as unknown as StudioHandlers;
}

function call(channel: string, sender: { contents: FakeWebContents; frame: FakeWebFrame | null }, args?: unknown): Promise<Envelope<unknown>> {
  const handler = fakeElectron.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ sender: sender.contents, senderFrame: sender.frame }, args) as Promise<Envelope<unknown>>;
}

const fromStudio = () => ({ contents: studio, frame: studio.mainFrame });

beforeEach(async () => {
  resetFakeElectron();
  // Refusals are logged; keep the test output readable.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  configDir = await mkdtemp(path.join(os.tmpdir(), 'studio-ipc-'));
  services = createStudioServices({ host: 'electron', configDir, pickFolder: async () => null });
  calls = [];
  windows = new StudioWindows();
  studio = new FakeWebContents(appUrl);
  windows.add(studio as never);
  dispose = registerIpcHandlers({ events: services.events, handlers: recordingHandlers(services.handlers) }, windows);
});

afterEach(async () => {
  vi.restoreAllMocks();
  dispose();
  await rm(configDir, { recursive: true, force: true });
});

describe('registerIpcHandlers', () => {
  it('registers a handler for exactly the channels of the contract', () => {
    expect([...fakeElectron.ipcMain.handlers.keys()].sort()).toEqual([...requestChannels].sort());
  });

  it('removes every handler when disposed', () => {
    dispose();
    expect(fakeElectron.ipcMain.handlers.size).toBe(0);
    dispose = () => {};
  });

  const untrusted: [string, () => { contents: FakeWebContents; frame: FakeWebFrame | null }][] = [
    ['another origin in a studio window', () => ({ contents: studio, frame: new FakeWebFrame('https://evil.example/') })],
    ['a look-alike host', () => ({ contents: studio, frame: new FakeWebFrame('app://studio.evil/index.html') })],
    ['a file:// page', () => ({ contents: studio, frame: new FakeWebFrame('file:///tmp/index.html') })],
    ['a subframe, even one on app://studio', () => ({ contents: studio, frame: new FakeWebFrame(appUrl, studio.mainFrame) })],
    ['a destroyed or navigated frame', () => ({ contents: studio, frame: null })],
    ['a webContents the studio did not create', () => {
      const stranger = new FakeWebContents(appUrl);
      return { contents: stranger, frame: stranger.mainFrame };
    }],
    ['a studio window that was closed', () => {
      const closed = new FakeWebContents(appUrl);
      windows.add(closed as never);
      closed.destroy();
      return { contents: closed, frame: closed.mainFrame };
    }],
  ];

  for (const [name, sender] of untrusted) {
    it(`refuses ${name} without running the service`, async () => {
      for (const channel of ['recent:list', 'workspace:current', 'workspace:writeFile'] as const) {
        expect(await call(channel, sender(), channel === 'workspace:writeFile' ? { path: 'a.json', content: '' } : undefined)).toEqual(refusedEnvelope);
      }
      expect(calls).toEqual([]);
    });
  }

  it('runs a trusted call against the real services and returns the envelope', async () => {
    expect(await call('recent:list', fromStudio())).toEqual({ ok: true, value: [] });
    expect(await call('workspace:current', fromStudio())).toEqual({ ok: true, value: null });
    expect(calls).toEqual(['recent:list', 'workspace:current']);
  });

  it('returns invalid-argument for bad arguments without running the service', async () => {
    const result = await call('workspace:readFile', fromStudio(), { path: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('recent:list', fromStudio(), { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(calls).toEqual([]);
  });

  it('opens an app, remembers it, and sends the event to studio windows only', async () => {
    const appDir = path.join(configDir, 'my-app');
    await mkdir(path.join(appDir, 'App', 'config'), { recursive: true });
    await writeFile(path.join(appDir, 'App', 'config', 'applicationmetadata.json'), '{"id":"ttd/my-app"}');
    const stranger = new FakeWebContents(appUrl);
    const wandered = new FakeWebContents(appUrl);
    windows.add(wandered as never);
    wandered.mainFrame.url = 'https://elsewhere.example/';

    const opened = await call('workspace:open', fromStudio(), { dir: appDir });
    expect(opened).toMatchObject({ ok: true, value: { name: 'my-app' } });

    expect(studio.sent).toHaveLength(1);
    expect(studio.sent[0]?.[0]).toBe(ipcEventChannel('workspace:changed'));
    expect(studio.sent[0]?.[1]).toMatchObject({ app: { name: 'my-app' } });
    expect(stranger.sent).toEqual([]);
    expect(wandered.sent).toEqual([]);

    const recent = await call('recent:list', fromStudio());
    expect(recent).toMatchObject({ ok: true, value: [{ name: 'my-app', available: true }] });
  });

  it('stops forwarding events once disposed', () => {
    dispose();
    dispose = () => {};
    services.events.emit('files:changed', { dir: '/x', paths: ['a'] });
    expect(studio.sent).toEqual([]);
  });
});
