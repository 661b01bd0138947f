// Builds the studio (electron-vite) when out/ is missing or older than its sources, so `studio` and
// `npm start` always run what is on disk. A lock folder keeps parallel starts from building at once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'out', '.build-stamp');
const lock = path.join(root, 'out', '.build-lock');
const sources = ['core', 'main', 'preload', 'renderer', 'resources', 'runtime', 'electron.vite.config.ts', 'package.json'];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name.endsWith('.test.ts') || entry.name.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** True when out/ holds a build at least as new as every source file. */
export function isBuildFresh() {
  if (!existsSync(stamp) || !existsSync(path.join(root, 'out', 'main', 'cli.js'))) return false;
  if (!existsSync(path.join(root, 'node_modules', '.bin', 'electron-vite'))) return true; // packaged: no sources to build
  const built = statSync(stamp).mtimeMs;
  return sources.every((s) => newestMtime(path.join(root, s)) <= built);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds when needed; throws with the build's output when the build fails. */
export function ensureBuilt({ quiet = false } = {}) {
  if (isBuildFresh()) return;
  mkdirSync(path.join(root, 'out'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Another build holds ${lock}; remove it if no build is running`);
      sleep(200);
      if (isBuildFresh()) return;
    }
  }
  try {
    if (isBuildFresh()) return;
    if (!quiet) process.stderr.write('Building Studio Desktop (first run or sources changed)…\n');
    const started = Date.now();
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    if (result.status !== 0) throw new Error(`The build failed:\n${result.stdout}${result.stderr}`);
    // The runtime's form app (what the preview and deployments serve) is its own Vite build.
    const runtimeConfig = path.join(root, 'runtime', 'client', 'vite.config.ts');
    if (existsSync(runtimeConfig)) {
      const runtime = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', runtimeConfig], { cwd: root, encoding: 'utf8' });
      if (runtime.status !== 0) throw new Error(`The runtime build failed:\n${runtime.stdout}${runtime.stderr}`);
    }
    writeFileSync(stamp, new Date().toISOString());
    if (!quiet) process.stderr.write(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureBuilt();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
