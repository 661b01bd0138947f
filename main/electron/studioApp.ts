/** The Electron app's lifecycle: one instance, one set of services, secure windows. */
import { app, BrowserWindow, dialog, session } from 'electron';
import { dispatchRequest } from '../../core/api';
import { studioConfigDir } from '../services/configDir';
import { createStudioServices, type StudioServices } from '../services/studioServices';
import { deployTokensFileName } from '../services/gitCredentials';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import type { RuntimeHostAddress } from '../../runtime/server/runtimeHost';
import { electronCredentialStore } from './credentialEncryption';
import { electronPdfService } from './electronPdf';
import { pickFolder } from './folderDialog';
import { registerIpcHandlers } from './ipcHandlers';
import { installMenu } from './menu';
import { denyAllPermissions, installNavigationGuard, trustDeployEnvironments } from './navigationGuard';
import { createSecureWindow, preloadPath } from './secureWindow';
import { StudioWindows } from './studioWindows';

async function showError(message: string, detail: string): Promise<void> {
  const parent = BrowserWindow.getFocusedWindow();
  const options = { type: 'error' as const, message, detail };
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

/** File → Open app folder…: the same request the start page makes, so recent apps and events follow. */
async function openAppFolder(services: StudioServices): Promise<void> {
  try {
    const dir = await pickFolder(undefined);
    if (dir === null) return;
    const result = await dispatchRequest(services.handlers, 'workspace:open', { dir });
    if (!result.ok) await showError('Could not open the app folder', result.error.message);
  } catch (error) {
    console.error('[studio] Open app folder failed', error);
  }
}

/**
 * Starts Studio Desktop. Everything Electron needs before `ready` (sandbox, privileged scheme,
 * userData) happens synchronously here; the rest waits for `ready`.
 */
export function startStudio(): void {
  app.enableSandbox();
  registerAppScheme();
  // Electron's own data (cache, storage) lives beside the studio's config, honouring STUDIO_CONFIG_DIR.
  // Set before the lock, which is keyed on userData: one instance per config folder.
  const configDir = studioConfigDir();
  app.setPath('userData', configDir);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  installNavigationGuard();
  const windows = new StudioWindows();
  let mainWindow: BrowserWindow | null = null;

  const openWindow = (): void => {
    const window = createSecureWindow(preloadPath());
    windows.add(window.webContents);
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && mainWindow === null) openWindow();
  });

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession);
      serveAppProtocol();
      // After ready: safeStorage can only tell whether the OS keychain is there once the app is ready.
      // The preview prints PDF receipts with Electron's own Chromium, not a second browser.
      const preview = { pdf: ({ baseUrl, token }: RuntimeHostAddress) => electronPdfService({ baseUrl, token }) };
      const services = createStudioServices({
        host: 'electron',
        configDir,
        pickFolder,
        credentials: electronCredentialStore(configDir),
        deployTokens: electronCredentialStore(configDir, process.platform, deployTokensFileName),
        preview,
      });
      registerIpcHandlers(services, windows);
      trustDeployEnvironments(async () => (await services.handlers['deploy:environments']()).map((e) => e.url));
      installMenu({
        isMac: process.platform === 'darwin',
        isDevelopment: !app.isPackaged,
        openAppFolder: () => void openAppFolder(services),
        closeApp: () => void dispatchRequest(services.handlers, 'workspace:close', undefined),
      });
      openWindow();
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Studio Desktop could not start', error instanceof Error ? (error.stack ?? error.message) : String(error));
      app.exit(1);
    });
}
