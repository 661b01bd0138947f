import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { studioRoot } from '../services/studioRoot';
import { FakeBrowserWindow, resetFakeElectron } from './fakeElectron';
import { createSecureWindow, preloadPath, secureWindowOptions } from './secureWindow';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

beforeEach(() => resetFakeElectron());

describe('secureWindowOptions', () => {
  it('isolates, sandboxes and keeps Node out of the page', () => {
    const { webPreferences, show } = secureWindowOptions('/x/preload.cjs');
    expect(show).toBe(false);
    expect(webPreferences).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('never weakens the web security defaults', () => {
    const webPreferences = secureWindowOptions('/x/preload.cjs').webPreferences ?? {};
    for (const key of ['webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures'] as const) {
      expect(webPreferences).not.toHaveProperty(key);
    }
  });
});

describe('preloadPath', () => {
  it('points at the CommonJS preload of the build', () => {
    expect(preloadPath('/opt/studio/resources/app.asar')).toBe(path.join('/opt/studio/resources/app.asar', 'out', 'preload', 'index.cjs'));
    expect(preloadPath()).toBe(path.join(studioRoot(), 'out', 'preload', 'index.cjs'));
  });
});

describe('createSecureWindow', () => {
  it('loads app://studio with the secure options and shows the window when ready', () => {
    const window = createSecureWindow('/x/preload.cjs') as unknown as FakeBrowserWindow;
    expect(FakeBrowserWindow.created).toEqual([window]);
    expect(window.options).toEqual(secureWindowOptions('/x/preload.cjs'));
    expect(window.webContents.getURL()).toBe('app://studio/index.html');
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });
});
