import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { spawnStudio, type SpawnedStudio } from '../scripts/spawnServe.mjs';

export interface StudioServer {
  /** The full address with the token, as `studio serve` prints it. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /** The user's config folder for this server (recent apps). */
  readonly configDir: string;
  /** An empty folder to create apps in. */
  readonly workDir: string;
  /** Starts another server on the same config folder (a restart of the studio); stopped with the test. */
  restart(appDir?: string): Promise<StudioServer>;
}

async function launch(configDir: string, workDir: string, running: SpawnedStudio[], appDir?: string): Promise<StudioServer> {
  const studio = spawnStudio(['serve', '--no-open', '--port', '0', ...(appDir ? [appDir] : [])], { STUDIO_CONFIG_DIR: configDir });
  running.push(studio);
  const url = await studio.url;
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    configDir,
    workDir,
    restart: (dir?: string) => launch(configDir, workDir, running, dir),
  };
}

/**
 * `test` with a fresh browser host per test (its own config folder and work folder), and the page's
 * console errors collected as they come (a spec asserts there are none where it matters).
 */
export const test = base.extend<{ studio: StudioServer; consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await use(errors);
  },
  studio: async ({}, use) => {
    const configDir = mkdtempSync(path.join(os.tmpdir(), 'studio-e2e-config-'));
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'studio-e2e-work-'));
    const running: SpawnedStudio[] = [];
    try {
      await use(await launch(configDir, workDir, running));
    } finally {
      for (const studio of running) studio.stop();
      await Promise.all(running.map((s) => s.exited));
      rmSync(configDir, { recursive: true, force: true });
      rmSync(workDir, { recursive: true, force: true });
    }
  },
});

export { expect };
