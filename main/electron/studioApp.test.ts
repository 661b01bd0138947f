import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcEventChannel, requestChannels } from '../../core/api';
import { fakeElectron, fakeEvent, FakeBrowserWindow, resetFakeElectron } from './fakeElectron';
import { secureWindowOptions, preloadPath } from './secureWindow';
import { startStudio } from './studioApp';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

const { app, protocol, ipcMain } = fakeElectron;
let configDir: string;
const savedConfigDir = process.env.STUDIO_CONFIG_DIR;

async function makeApp(name: string): Promise<string> {
  const dir = path.join(configDir, name);
  await mkdir(path.join(dir, 'App', 'config'), { recursive: true });
  await writeFile(path.join(dir, 'App', 'config', 'applicationmetadata.json'), `{"id":"ttd/${name}"}`);
  return dir;
}

beforeEach(async () => {
  resetFakeElectron();
  configDir = await mkdtemp(path.join(os.tmpdir(), 'studio-app-'));
  process.env.STUDIO_CONFIG_DIR = configDir;
});

afterEach(async () => {
  if (savedConfigDir === undefined) delete process.env.STUDIO_CONFIG_DIR;
  else process.env.STUDIO_CONFIG_DIR = savedConfigDir;
  await rm(configDir, { recursive: true, force: true });
});

describe('startStudio', () => {
  it('does the before-ready work synchronously: sandbox, privileged scheme, userData', () => {
    startStudio();
    expect(app.isReady()).toBe(false);
    expect(app.calls.slice(0, 2)).toEqual(['enableSandbox', 'requestSingleInstanceLock']);
    expect(protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(protocol.privilegedBeforeReady).toBe(true);
    expect(app.paths.get('userData')).toBe(configDir);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('on ready serves app://, refuses file://, wires every channel and opens one secure window', async () => {
    startStudio();
    await app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
    expect([...protocol.handlers.keys()].sort()).toEqual(['app', 'file']);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...requestChannels].sort());
    expect(fakeElectron.session.defaultSession.requestHandler).not.toBeNull();
    expect(fakeElectron.Menu.current).not.toBeNull();
    const [window] = FakeBrowserWindow.created;
    expect(window?.options).toEqual(secureWindowOptions(preloadPath()));
    expect(window?.webContents.getURL()).toBe('app://studio/index.html');
  });

  it('lets the window it created call the API and receive events', async () => {
    startStudio();
    await app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
    const contents = FakeBrowserWindow.created[0]!.webContents;
    const handler = ipcMain.handlers.get('studio:info')!;
    const result = await handler({ sender: contents, senderFrame: contents.mainFrame }, undefined);
    expect(result).toMatchObject({ ok: true, value: { host: 'electron' } });

    const open = ipcMain.handlers.get('workspace:open')!;
    expect(await open({ sender: contents, senderFrame: contents.mainFrame }, { dir: await makeApp('from-ipc') })).toMatchObject({ ok: true });
    expect(contents.sent).toEqual([[ipcEventChannel('workspace:changed'), expect.objectContaining({ app: expect.objectContaining({ name: 'from-ipc' }) })]]);
  });

  it('opens the folder picked through File → Open app folder… and tells the window', async () => {
    startStudio();
    await app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
    const contents = FakeBrowserWindow.created[0]!.webContents;
    fakeElectron.dialog.nextFolder = await makeApp('from-menu');
    const file = (fakeElectron.Menu.current?.template as MenuItemConstructorOptions[]).find((item) => item.label === 'File');
    ((file?.submenu as MenuItemConstructorOptions[])[0]?.click as () => void)();
    await vi.waitFor(() => expect(contents.sent).toHaveLength(1));
    expect(contents.sent[0]?.[1]).toMatchObject({ app: { name: 'from-menu' } });
  });

  it('quits at once when another instance holds the lock', async () => {
    app.hasLock = false;
    startStudio();
    expect(app.calls).toContain('quit');
    await app.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('focuses the existing window for a second instance, and reopens one on activate', async () => {
    startStudio();
    await app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1));
    const first = FakeBrowserWindow.created[0]!;
    app.emit('second-instance', fakeEvent({}), []);
    expect(first.focused).toBe(true);

    first.emit('closed');
    first.webContents.destroy();
    app.emit('activate');
    expect(FakeBrowserWindow.created).toHaveLength(2);
  });

  it('guards every webContents that gets created', async () => {
    startStudio();
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });
});
