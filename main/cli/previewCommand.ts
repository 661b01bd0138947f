/**
 * `studio preview APP_DIR`: the runtime running an app from its folder, outside the studio. The folder
 * is watched, so edits from any editor reach the open form as they would from the studio.
 */
import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../core/api';
import { type RuntimeHost, startRuntimeHost } from '../../runtime/server/runtimeHost';
import { appMarkerFile, isAltinnApp } from '../services/appFolder';
import { openBrowser } from './openBrowser';

export interface PreviewOptions {
  readonly appDir: string;
  readonly port: number;
  readonly open: boolean;
}

/** Changes here are build output, tool caches or history: never what the runtime serves. */
const ignored = /^(\.git|bin|obj|node_modules)([/\\]|$)/;

/** Calls `onChange` once per burst of changes in `dir` (recursively), `delayMs` after the last one. */
export function watchApp(dir: string, onChange: () => void, delayMs = 30): FSWatcher {
  let timer: NodeJS.Timeout | null = null;
  const watcher = watch(dir, { recursive: true }, (_event, file) => {
    if (file && ignored.test(file.toString())) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, delayMs);
  });
  watcher.on('close', () => {
    if (timer) clearTimeout(timer);
  });
  // A watcher that fails (the folder was removed) must not crash the preview; it just stops following.
  watcher.on('error', () => undefined);
  return watcher;
}

/** Starts the preview of APP_DIR and its folder watch; prints the address line. */
export async function startPreview(options: PreviewOptions, out: (line: string) => void, err: (line: string) => void): Promise<{ host: RuntimeHost; close(): Promise<void> }> {
  const appDir = path.resolve(options.appDir);
  if (!(await isAltinnApp(appDir))) throw new StudioError('not-an-app', `${appDir} is not an Altinn app: ${appMarkerFile} is missing. Give the folder that holds the App folder.`);
  const host = await startRuntimeHost({ appDir, port: options.port });
  const watcher = watchApp(appDir, () => {
    host.reload().catch((error: unknown) => err(`The app could not be read, so the preview keeps the last good version: ${error instanceof Error ? error.message : String(error)}`));
  });
  out(`Preview: ${host.url}`);
  // Only the address goes to stdout (scripts read it); the notice goes to stderr.
  if (options.open && !openBrowser(host.url)) err('No browser can be opened here; open the address above yourself.');
  return {
    host,
    close: async () => {
      watcher.close();
      await host.close();
    },
  };
}

/** Runs `studio preview` until SIGINT/SIGTERM, then stops watching, closes connections and exits 0. */
export async function runPreview(options: PreviewOptions): Promise<number> {
  // Listen before the address is printed: whoever reads it may stop us at once.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  const preview = await startPreview(
    options,
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`studio: ${line}\n`),
  );
  await stopped;
  await preview.close();
  return 0;
}
