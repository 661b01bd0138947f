/** Keeps every webContents on app://studio: no navigation away, no new windows, no webviews, no permissions. */
import { app, type Session, shell, type WebContents } from 'electron';
import { isAppUrl } from './appOrigin';
import { isEnvironmentAppUrl, isSafeExternalUrl } from './externalUrl';

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

/** The addresses of the user's deploy environments, read when a link asks to open one. */
let environmentUrls: (() => Promise<readonly string[]>) | null = null;

/** Lets links to the user's own deploy environments ("Open the app") open in the user's browser. */
export function trustDeployEnvironments(urls: () => Promise<readonly string[]>): void {
  environmentUrls = urls;
}

/** Opens `url` when it is safe, or when it is on one of the user's deploy environments. */
function openLink(url: string): void {
  if (openExternalIfSafe(url) || !environmentUrls) return;
  environmentUrls()
    .then((urls) => (isEnvironmentAppUrl(url, urls) ? shell.openExternal(url) : undefined))
    .catch((error: unknown) => console.warn(`[studio] could not open ${url}: ${error instanceof Error ? error.message : String(error)}`));
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
    openLink(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  denyAllPermissions(contents.session);
}

/** Guards every webContents the app will ever create, including ones we did not make ourselves. */
export function installNavigationGuard(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
