/** Serves the studio UI over `app://studio` and closes `file://`, so an XSS cannot read the disk. */
import path from 'node:path';
import { protocol } from 'electron';
import { studioRoot } from '../services/studioRoot';
import { appScheme } from './appOrigin';
import { securityHeaders, serveAppFile } from './appFiles';

/** The folder the app protocol serves: the renderer build. */
export function rendererRoot(root: string = studioRoot()): string {
  return path.join(root, 'out', 'renderer');
}

/**
 * Declares `app` a standard, secure, fetch-capable scheme. Electron only accepts this before `ready`.
 * `corsEnabled` stays off so other origins (the future preview frame) cannot read studio files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache lets V8 cache the large Monaco bundle between starts; it needs `standard`.
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Answers every `file://` request: the studio never loads from the file system by URL. */
export function refuseFileRequest(): Response {
  return new Response('file:// is not served in Studio Desktop', {
    status: 403,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Installs the `app` handler on files under `root` and the `file` refusal. Call after `ready`. */
export function serveAppProtocol(root: string = rendererRoot()): void {
  protocol.handle(appScheme, (request) => serveAppFile(request, root));
  protocol.handle('file', () => refuseFileRequest());
}
