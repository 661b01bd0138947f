/** Keeps every webContents on app://studio: no navigation away, no new windows, no webviews, no permissions. */
import { app, type Session, shell, type WebContents } from 'electron';
import { isAppUrl } from './appOrigin';
import { isSafeExternalUrl } from './externalUrl';

/** Refuses every permission a page asks for (camera, notifications, clipboard read, ...). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Opens a link in the user's browser or mail program when it is safe to; returns whether it did. */
export function openExternalIfSafe(url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  shell.openExternal(url).catch((error: unknown) => {
    console.warn(`[studio] could not open ${url}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return true;
}

/** Applies the navigation rules to one webContents. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // New windows are never created; a safe link goes to the system browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  denyAllPermissions(contents.session);
}

/** Guards every webContents the app will ever create, including ones we did not make ourselves. */
export function installNavigationGuard(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
