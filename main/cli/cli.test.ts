import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewAddressLine, spawnStudio } from '../../scripts/spawnServe.mjs';
import { openEventStream } from '../../runtime/server/previewTesting';
import { tempDirs } from '../testing/tempDirs';

// These run the real `studio` command (bin/studio.mjs → out/main/cli.js) as a user would.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin', 'studio.mjs');
const temp = tempDirs();
let configDir: string;

function studio(args: string[], env: Record<string, string | undefined> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, STUDIO_CONFIG_DIR: configDir, ...env };
  delete childEnv.DISPLAY;
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: childEnv, timeout: 60_000 });
}

function startStudio(args: string[], env: Record<string, string | undefined> = {}) {
  return spawnStudio(args, { STUDIO_CONFIG_DIR: configDir, ...env });
}

beforeAll(() => {
  configDir = temp.make();
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'ensureBuilt.mjs')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(build.stderr);
}, 180_000);
afterAll(() => temp.cleanup());

describe('studio (the command line)', () => {
  it('prints help for each command', () => {
    for (const args of [['--help'], ['serve', '--help'], ['new', '--help']]) {
      const run = studio(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Usage');
    }
  });

  it('refuses bad usage with one line on stderr and exit code 2', () => {
    const run = studio(['serve', '--port', 'x']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^studio: --port must be a number .* See 'studio serve --help'\.\n$/);
  });

  it('creates an app with `studio new`', () => {
    const dir = path.join(temp.make(), 'my-app');
    const run = studio(['new', dir, '--org', 'ttd', '--name', 'my-app', '--title', 'Mi app']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`Created ttd/my-app in ${dir}\n`);
    const metadata = JSON.parse(readFileSync(path.join(dir, 'App/config/applicationmetadata.json'), 'utf8'));
    expect(metadata).toMatchObject({ id: 'ttd/my-app', org: 'ttd', title: { nb: 'Mi app' } });
  });

  it('refuses a bad app name with one clear line, exit code 1, and creates nothing', () => {
    const dir = path.join(temp.make(), 'bad');
    const run = studio(['new', dir, '--org', 'ttd', '--name', 'My_App']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^studio: .*My_App/);
    expect(existsSync(dir)).toBe(false);
  });

  it('serves the studio and an app folder, then stops cleanly on SIGTERM', async () => {
    const appDir = path.join(temp.make(), 'served');
    expect(studio(['new', appDir, '--org', 'ttd', '--name', 'served']).status).toBe(0);
    const run = startStudio(['serve', '--no-open', '--port', '0', appDir]);
    const url = await run.url;
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const token = new URL(url).searchParams.get('token') as string;
    const current = await fetch(new URL('/api/invoke/workspace:current', url), { method: 'POST', headers: { 'x-studio-token': token } });
    expect(await current.json()).toMatchObject({ ok: true, value: { name: 'served' } });
    run.stop();
    expect(await run.exited).toBe(0);
  });

  it('previews an app: one address line, reloads on file changes, stops cleanly on SIGTERM', async () => {
    const appDir = path.join(temp.make(), 'previewed');
    expect(studio(['new', appDir, '--org', 'ttd', '--name', 'previewed']).status).toBe(0);
    expect(studio(['preview', '--help']).stdout).toContain('Usage: studio preview');
    const run = spawnStudio(['preview', '--no-open', '--port', '0', appDir], { STUDIO_CONFIG_DIR: configDir }, { address: previewAddressLine });
    const url = await run.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ttd\/previewed\/\?token=\S+$/);
    const page = new URL(url);
    expect((await fetch(new URL(`api/layoutsets${page.search}`, url))).status).toBe(200);
    expect((await fetch(new URL('api/layoutsets', url))).status).toBe(401);
    const stream = await openEventStream(`${page.origin}${page.pathname}api/preview/events${page.search}`);
    const layout = path.join(appDir, 'App/ui/form/layouts/Side1.json');
    writeFileSync(layout, readFileSync(layout, 'utf8').replace('"id": "start-intro"', '"id": "start-intro-2"'));
    expect(await stream.next(10_000)).toEqual({ type: 'app-changed' });
    stream.close();
    run.stop();
    expect(await run.exited).toBe(0);
    expect(run.output().stdout).toBe(`Preview: ${url}\n`);
  });

  it('refuses to preview a folder that is not an app', () => {
    const run = studio(['preview', '--no-open', temp.make()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^studio: .* is not an Altinn app/);
  });

  it('refuses to serve a folder that is not an app', () => {
    const run = studio(['serve', '--no-open', temp.make()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^studio: .* is not an Altinn app: App\/config\/applicationmetadata\.json is missing/);
  });

  it('without the Electron binary, says so in one line and runs the browser host', async () => {
    const run = startStudio([], { ELECTRON_OVERRIDE_DIST_PATH: path.join(temp.make(), 'no-electron-here') });
    await run.url;
    run.stop();
    await run.exited;
    const { stderr, stdout } = run.output();
    expect(stderr).toBe("Electron's binary is not installed on this machine, so the studio opens in your browser instead.\n");
    expect(stdout).toContain('No browser can be opened here');
  });

  it('with an Electron binary, launches it on the studio folder', () => {
    const dist = temp.make();
    const record = path.join(dist, 'args.txt');
    writeFileSync(path.join(dist, 'electron'), `#!/bin/sh\necho "$@" > "${record}"\nexit 3\n`);
    chmodSync(path.join(dist, 'electron'), 0o755);
    const run = studio([], { ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(run.status).toBe(3);
    expect(readFileSync(record, 'utf8').trim()).toBe(root);
  });

  it('checks an app: clean app exits 0, a broken one lists each finding as path:line:col and exits 1', () => {
    const dir = path.join(temp.make(), 'checked');
    expect(studio(['new', dir, '--org', 'ttd', '--name', 'checked']).status).toBe(0);
    const clean = studio(['check', dir, '--severity', 'warning']);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/^0 errors, 0 warnings, \d+ info in \d+ files/m);

    const layout = path.join(dir, 'App/ui/form/layouts/Side1.json');
    writeFileSync(layout, readFileSync(layout, 'utf8').replace('"id": "start-intro"', '"id": "start-heading"'));
    writeFileSync(path.join(dir, 'App/ui/form/Settings.json'), '{ "pages": { "order": ["Side1", ');
    const broken = studio(['check', dir]);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/^App\/ui\/form\/layouts\/Side1\.json:\d+:\d+ error component-id-duplicate Component id "start-heading"/m);
    expect(broken.stdout).toMatch(/^App\/ui\/form\/Settings\.json:1:\d+ error json-syntax /m);
    const json = JSON.parse(studio(['check', dir, '--json', '--severity', 'error']).stdout);
    expect(json.summary.error).toBeGreaterThanOrEqual(2);
    expect(json.diagnostics.every((d: { severity: string }) => d.severity === 'error')).toBe(true);
  });

  it('renames a component everywhere, and refuses a taken name without writing anything', () => {
    const dir = path.join(temp.make(), 'renamed');
    expect(studio(['new', dir, '--org', 'ttd', '--name', 'renamed']).status).toBe(0);
    const layout = path.join(dir, 'App/ui/form/layouts/Side1.json');
    const before = readFileSync(layout, 'utf8');
    const refused = studio(['rename', dir, 'component', 'applicant-name', 'start-heading']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe('studio: "start-heading" is already a component in "form"; choose another name\n');
    expect(readFileSync(layout, 'utf8')).toBe(before);
    const done = studio(['rename', dir, 'component', 'applicant-name', 'applicant-full-name']);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('changed App/ui/form/layouts/Side1.json');
    expect(readFileSync(layout, 'utf8')).toBe(before.replace('"id": "applicant-name"', '"id": "applicant-full-name"'));
    const page = studio(['rename', dir, 'page', 'Side1', 'Start']);
    expect(page.stdout).toContain('moved   App/ui/form/layouts/Side1.json → App/ui/form/layouts/Start.json');
    expect(existsSync(layout)).toBe(false);
    expect(readFileSync(path.join(dir, 'App/ui/form/Settings.json'), 'utf8')).toContain('"order": ["Start"]');
    expect(studio(['check', dir, '--severity', 'error']).status).toBe(0);
  });
});
