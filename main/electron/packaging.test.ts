/**
 * Packaging checks that run offline: electron-builder.yml against electron-builder's own schema, and a
 * smoke `electron-builder --dir` with a stub Electron binary, whose app.asar is then inspected.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { listPackage } from '@electron/asar';
import { afterAll, describe, expect, it } from 'vitest';
import { studioRoot } from '../services/studioRoot';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
// Neither module ships types; both are loaded the way electron-builder itself loads them.
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateSchema } = require('app-builder-lib/out/util/config/schemaValidator') as {
  validateSchema(schema: unknown, data: unknown, config?: { name?: string }): void;
};
const schema: unknown = require('app-builder-lib/scheme.json');

const root = studioRoot();
const configFile = path.join(root, 'electron-builder.yml');

/** The parts of the builder config the tests read; the schema check covers the rest. */
interface BuilderConfig {
  readonly files: string[];
  readonly linux: { readonly maintainer: string };
  readonly [key: string]: unknown;
}

async function loadConfig(): Promise<BuilderConfig> {
  return yaml.load(await readFile(configFile, 'utf8')) as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it('names its schema on the first line for editors', async () => {
    const [first] = (await readFile(configFile, 'utf8')).split('\n');
    expect(first).toBe('# yaml-language-server: $schema=./node_modules/app-builder-lib/scheme.json');
  });

  it("is valid against electron-builder's own schema", async () => {
    const config = await loadConfig();
    expect(() => validateSchema(schema, config, { name: 'electron-builder' })).not.toThrow();
  });

  it('is checked for real: the validator refuses an unknown property', async () => {
    const config = { ...(await loadConfig()), foo: 'bar' };
    expect(() => validateSchema(schema, config, { name: 'electron-builder' })).toThrow(/unknown property 'foo'/);
  });

  it('packs only the build, the resources and package.json, into an asar, for every platform', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({
      appId: 'no.studio-desktop.app',
      productName: 'Studio Desktop',
      directories: { output: 'release' },
      asar: true,
      linux: { target: ['AppImage', 'deb'], category: 'Development' },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'], category: 'public.app-category.developer-tools' },
    });
    const includes = config.files.filter((pattern) => !pattern.startsWith('!'));
    expect(includes.sort()).toEqual(['out/**', 'package.json', 'resources/**']);
    expect(config.linux.maintainer).toMatch(/\S+ <\S+@\S+>/);
  });
});

/**
 * Package folders (`node_modules/a`, `node_modules/a/node_modules/b`) the lock file needs at run time:
 * production dependencies, and their optional dependencies where installed (electron-builder packs those too).
 */
async function productionPackages(): Promise<string[]> {
  const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean; optional?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([folder, entry]) => folder.startsWith('node_modules/') && !entry.dev && !entry.devOptional && (!entry.optional || existsSync(path.join(root, folder))))
    .map(([folder]) => folder)
    .sort();
}

/** Package folders inside the asar: folders under node_modules that hold a package.json. */
function packedPackages(files: readonly string[]): string[] {
  const folder = /^\/(node_modules\/(?:@[^/]+\/)?[^/]+(?:\/node_modules\/(?:@[^/]+\/)?[^/]+)*)\/package\.json$/;
  return files.flatMap((file) => folder.exec(file)?.[1] ?? []).sort();
}

const stubElectron = '#!/bin/sh\necho "stub Electron: packaging smoke test only" >&2\nexit 1\n';

describe('packaged app (offline smoke test)', () => {
  const cleanup: string[] = [];
  afterAll(async () => {
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  });

  it('builds an app.asar with the build output and production dependencies only', { timeout: 120_000 }, async () => {
    const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    // The house build step: runs `electron-vite build` only when out/ is missing or stale, under a lock
    // so parallel test files never build at once.
    await run(process.execPath, [path.join(root, 'scripts', 'ensureBuilt.mjs')], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) expect(existsSync(path.join(root, file)), file).toBe(true);

    const tmp = await mkdtemp(path.join(os.tmpdir(), 'studio-pack-'));
    cleanup.push(tmp);
    const dist = path.join(tmp, 'electron-dist');
    const output = path.join(tmp, 'release');
    await mkdir(dist);
    await writeFile(path.join(dist, 'electron'), stubElectron);
    await chmod(path.join(dist, 'electron'), 0o755);

    const started = performance.now();
    await run('npx', ['electron-builder', '--dir', '--linux', '--publish', 'never', `-c.electronDist=${dist}`, `-c.directories.output=${output}`], {
      cwd: root,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - started) / 1000;

    const asar = path.join(output, 'linux-unpacked', 'resources', 'app.asar');
    const files = listPackage(asar, { isPack: false }).map((file) => file.split(path.sep).join('/'));
    const size = (await stat(asar)).size;
    console.log(`[packaging] electron-builder --dir: ${seconds.toFixed(1)} s; app.asar ${(size / 1024 / 1024).toFixed(1)} MB, ${files.length} entries`);

    for (const file of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
      expect(files, file).toContain(file);
    }
    expect(files.some((file) => file.startsWith('/resources/templates/'))).toBe(true);
    // Exactly the production dependency tree: isomorphic-git with everything it needs, nothing from devDependencies.
    expect(packedPackages(files)).toEqual(await productionPackages());

    const forbidden = files.filter(
      (file) =>
        /^\/node_modules\/(react|react-dom|monaco-editor|zustand|electron|vite|vitest|typescript)\//.test(file) ||
        /\.test\.[cm]?[jt]sx?$/.test(file) ||
        /\.(ts|tsx|mts|cts)$/.test(file) ||
        file.endsWith('.map') ||
        /^\/(main|core|preload|renderer|e2e|bench|scripts)\//.test(file),
    );
    expect(forbidden).toEqual([]);
  });
});
