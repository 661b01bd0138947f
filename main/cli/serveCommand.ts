import path from 'node:path';
import { studioConfigDir } from '../services/configDir';
import { createStudioServices } from '../services/studioServices';
import { studioRoot } from '../services/studioRoot';
import { startWebHost, type WebHost } from '../web/webHost';
import { openBrowser } from './openBrowser';

export interface ServeOptions {
  readonly port: number;
  readonly open: boolean;
  readonly appDir: string | undefined;
}

/** Starts the browser host, opens APP_DIR if given, prints the address line and (optionally) opens a browser. */
export async function startServe(options: ServeOptions, out: (line: string) => void): Promise<WebHost> {
  const services = createStudioServices({ host: 'web', configDir: studioConfigDir() });
  if (options.appDir) {
    const app = await services.workspace.open(path.resolve(options.appDir));
    await services.recent.remember(app.dir, app.name);
  }
  const host = await startWebHost({ services, rendererDir: path.join(studioRoot(), 'out', 'renderer'), port: options.port });
  out(`Studio: ${host.url}`);
  if (options.open && !openBrowser(host.url)) out('No browser can be opened here; open the address above yourself.');
  // A running preview is a server of its own; closing the studio closes it too, or the process would stay.
  return {
    ...host,
    close: async () => {
      await services.preview.dispose();
      await host.close();
    },
  };
}

/** Runs `studio serve` until SIGINT/SIGTERM, then closes connections and exits 0. */
export async function runServe(options: ServeOptions): Promise<number> {
  // Listen before the address is printed: whoever reads it may stop us at once.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  const host = await startServe(options, (line) => process.stdout.write(`${line}\n`));
  await stopped;
  await host.close();
  return 0;
}
