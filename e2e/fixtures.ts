import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface StudioServer {
  /** The full address with the token, as `studio serve` prints it. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** The user's config folder for this server (recent apps). */
  readonly configDir: string;
  /** An empty folder to create apps in. */
  readonly workDir: string;
  /** Starts another server on the same config folder (e.g. a restart), stopped with the test. */
  restart(): Promise<StudioServer>;
}

async function launch(configDir: string, workDir: string, children: ChildProcess[], appDir?: string): Promise<StudioServer> {
  const args = [path.join(root, 'bin', 'studio.mjs'), 'serve', '--no-open', '--port', '0', ...(appDir ? [appDir] : [])];
  const child = spawn(process.execPath, args, { env: { ...process.env, STUDIO_CONFIG_DIR: configDir, DISPLAY: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`studio serve printed no address in 60 s:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += String(d);
      const match = /^Studio: (\S+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`studio serve exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    configDir,
    workDir,
    restart: () => launch(configDir, workDir, children),
  };
}

/** `test` with a fresh browser host per test: own config folder, own work folder. */
export const test = base.extend<{ studio: StudioServer }>({
  studio: async ({}, use) => {
    const configDir = mkdtempSync(path.join(os.tmpdir(), 'studio-e2e-config-'));
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'studio-e2e-work-'));
    const children: ChildProcess[] = [];
    try {
      await use(await launch(configDir, workDir, children));
    } finally {
      for (const child of children) child.kill('SIGTERM');
      rmSync(configDir, { recursive: true, force: true });
      rmSync(workDir, { recursive: true, force: true });
    }
  },
});

export { expect };
