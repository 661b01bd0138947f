/** The application menu: small on purpose; the studio's own commands live in the renderer. */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { openExternalIfSafe } from './navigationGuard';

/** What the menu needs from the rest of the app. */
export interface MenuOptions {
  readonly isMac: boolean;
  /** Reload and developer tools appear only in development. */
  readonly isDevelopment: boolean;
  readonly openAppFolder: () => void;
  readonly closeApp: () => void;
}

/** The Altinn documentation the Help menu links to. */
export const docsUrl = 'https://docs.altinn.studio/';

/** Builds the menu template; pure apart from the callbacks, so it is tested without Electron. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open app folder…', accelerator: 'CmdOrCtrl+O', click: () => options.openAppFolder() },
      { label: 'Close app', click: () => options.closeApp() },
      { type: 'separator' },
      // On macOS Quit lives in the app menu.
      options.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = { role: 'editMenu' };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(options.isDevelopment
        ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'Altinn Studio documentation', click: () => openExternalIfSafe(docsUrl) }, ...(options.isMac ? [] : [{ role: 'about' } as const])],
  };
  return [...(options.isMac ? [{ role: 'appMenu' } as const] : []), file, edit, view, { role: 'windowMenu' }, help];
}

/** Installs the application menu. */
export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
