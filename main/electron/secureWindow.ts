/** The one place studio windows are made, with the security settings fixed in one function. */
import path from 'node:path';
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { studioRoot } from '../services/studioRoot';
import { appEntryUrl } from './appOrigin';

/** Where the built preload lives: CommonJS, because a sandboxed preload cannot be an ES module. */
export function preloadPath(root: string = studioRoot()): string {
  return path.join(root, 'out', 'preload', 'index.cjs');
}

/**
 * The options of every studio window. `webSecurity`, `allowRunningInsecureContent` and
 * `experimentalFeatures` are deliberately left at Electron's safe defaults rather than restated.
 */
export function secureWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'Studio Desktop',
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      autoplayPolicy: 'user-gesture-required',
    },
  };
}

/** Creates a studio window on `url` (the studio entry page by default) and shows it once painted. */
export function createSecureWindow(preload: string, url: string = appEntryUrl): BrowserWindow {
  const window = new BrowserWindow(secureWindowOptions(preload));
  window.once('ready-to-show', () => window.show());
  window.loadURL(url).catch((error: unknown) => {
    console.error(`[studio] could not load ${url}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}
