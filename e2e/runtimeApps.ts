/** Serving apps with the real runtime host for the form app's e2e specs. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Page, test } from '@playwright/test';
import { type RuntimeHostOptions, startRuntimeHost } from '../runtime/server/runtimeHost';
import { ensureBuilt } from '../scripts/ensureBuilt.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fixtureAppsDir = path.join(repoRoot, '..', 'shared', 'fixtures', 'apps');

export interface ServedApp {
  /** The form app's address with the token, as the studio frames it. */
  readonly url: string;
  /** `http://127.0.0.1:PORT/{org}/{app}/`, for API calls. */
  readonly base: string;
  /** What API calls from the test send: the preview token. */
  readonly headers: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/** What a spec may set on the host beyond the app: people (identity and the policy), PDF, storage. */
export type HostChoices = Omit<RuntimeHostOptions, 'appDir'>;

/** Serves the app in `appDir` (the studio and form app are built first when stale; one build at a time). */
export async function serveApp(appDir: string, cleanup: () => void = () => undefined, choices: HostChoices = {}): Promise<ServedApp> {
  ensureBuilt({ quiet: true });
  const host = await startRuntimeHost({ ...choices, appDir });
  return {
    url: host.url,
    base: `http://127.0.0.1:${host.port}/${host.org}/${host.appName}/`,
    headers: { 'x-preview-token': host.token },
    close: async () => {
      await host.close();
      cleanup();
    },
  };
}

/** Serves the fixture app `name` (../shared/fixtures/apps) for a test that walks it; the test is skipped when the fixtures are absent. */
export async function serveFixtureApp(name: string, choices: HostChoices = {}): Promise<ServedApp> {
  const dir = path.join(fixtureAppsDir, name);
  test.skip(!existsSync(path.join(dir, 'App')), `no fixture app at ${dir}`);
  return serveApp(dir, undefined, choices);
}

/** The errors `page` throws from now on (a walk ends by expecting none). */
export function pageErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return errors;
}

/** Serves an app given as files (path → text), written to a temp folder removed on close. */
export async function serveAppFiles(files: Readonly<Record<string, string>>, choices: HostChoices = {}): Promise<ServedApp> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'studio-e2e-app-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return serveApp(dir, () => rmSync(dir, { recursive: true, force: true }), choices);
}

/** JSON as app files write it. */
export const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** A process with one data task, Task_1, for small test apps. */
export const oneTaskProcess = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P" isExecutable="false">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="Task_1" name="Utfylling"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>data</altinn:taskType></altinn:taskExtension></bpmn:extensionElements></bpmn:task>
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_1" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_1" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
