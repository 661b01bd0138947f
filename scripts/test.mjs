// `npm test`: lint, type checks, build, unit tests (Vitest) and end-to-end tests (Playwright in
// Chromium). Every step runs even when an earlier one fails, so one run shows everything; the last
// line is `N passed, N failed` (unit + e2e; a failed lint, type check or build counts as a failure).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './findChromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'reports');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
const summary = { passed: 0, failed: 0, steps: [] };

function run(title, command, args, extraEnv = {}) {
  process.stdout.write(`\n▶ ${title}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  const ok = result.status === 0;
  const seconds = (Date.now() - started) / 1000;
  summary.steps.push({ title, ok, seconds });
  process.stdout.write(`${ok ? '✔' : '✘'} ${title} (${seconds.toFixed(1)} s)\n`);
  return ok;
}

/**
 * Runs `steps` (title, command, args) at most two at a time, as a 2-core machine allows; each step's
 * output is printed whole when it ends, so steps never interleave. Resolves to whether each passed.
 */
async function runTogether(steps, width = 2) {
  const results = new Array(steps.length);
  let next = 0;
  const one = (step) =>
    new Promise((resolve) => {
      const started = Date.now();
      const chunks = [];
      const child = spawn(step.command, step.args, { cwd: root, env });
      child.stdout.on('data', (chunk) => chunks.push(chunk));
      child.stderr.on('data', (chunk) => chunks.push(chunk));
      const finish = (ok) => {
        const seconds = (Date.now() - started) / 1000;
        summary.steps.push({ title: step.title, ok, seconds });
        process.stdout.write(`\n▶ ${step.title}\n${Buffer.concat(chunks).toString()}${ok ? '✔' : '✘'} ${step.title} (${seconds.toFixed(1)} s)\n`);
        resolve(ok);
      };
      child.on('error', (error) => {
        chunks.push(Buffer.from(`${error.message}\n`));
        finish(false);
      });
      child.on('close', (code) => finish(code === 0));
    });
  const lane = async () => {
    while (next < steps.length) {
      const index = next++;
      results[index] = await one(steps[index]);
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  return results;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function chromiumOrInstall() {
  let found = await findChromium();
  if (found) return found;
  process.stdout.write('No Chromium found; trying to install one.\n');
  if (spawnSync(bin('playwright'), ['install', 'chromium'], { stdio: 'inherit', env }).status === 0) found = await findChromium();
  if (!found && process.getuid?.() === 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'], {
      stdio: 'inherit',
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    found = await findChromium();
  }
  if (!found) {
    process.stdout.write(
      'No Chromium for the end-to-end tests. Install one of: `sudo apt-get install chromium` (Debian/Ubuntu), ' +
        '`npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.\n',
    );
  }
  return found;
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

rmSync(path.join(root, 'out', '.build-stamp'), { force: true });
// Lint, the type checks and the build, two at a time; the build first, since it is the longest.
const checks = await runTogether([
  { title: 'Build (electron-vite)', command: process.execPath, args: [path.join(root, 'scripts', 'ensureBuilt.mjs')] },
  { title: 'Lint (ESLint, import rules)', command: bin('eslint'), args: ['.'] },
  { title: 'Type check: node (core, main, preload)', command: bin('tsc'), args: ['-p', 'tsconfig.node.json'] },
  { title: 'Type check: web (core, renderer)', command: bin('tsc'), args: ['-p', 'tsconfig.web.json'] },
  { title: 'Type check: renderer tests', command: bin('tsc'), args: ['-p', 'tsconfig.test-web.json'] },
  { title: 'Type check: end-to-end specs (Node + the page)', command: bin('tsc'), args: ['-p', 'tsconfig.e2e.json'] },
]);
const built = checks[0];
summary.failed += checks.filter((ok) => !ok).length;

const vitestJson = path.join(reports, 'vitest.json');
run('Unit tests (Vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const unit = readJson(vitestJson);
if (unit) {
  summary.passed += unit.numPassedTests;
  // A file that fails to load has no failed test of its own; count it once.
  const brokenFiles = unit.testResults.filter((r) => r.status === 'failed' && !r.assertionResults.some((a) => a.status === 'failed'));
  summary.failed += unit.numFailedTests + brokenFiles.length;
} else {
  summary.failed += 1;
}

const chromium = built ? await chromiumOrInstall() : null;
const playwrightJson = path.join(reports, 'playwright.json');
if (chromium) {
  run('End-to-end tests (Playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], {
    CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
  const e2e = readJson(playwrightJson);
  if (e2e) {
    summary.passed += e2e.stats.expected;
    summary.failed += e2e.stats.unexpected + (e2e.errors?.length ?? 0);
  } else {
    summary.failed += 1;
  }
} else {
  summary.failed += 1;
}

writeFileSync(path.join(reports, 'summary.json'), JSON.stringify(summary, null, 2));
process.stdout.write(`\n${summary.steps.map((s) => `${s.ok ? '✔' : '✘'} ${s.title}`).join('\n')}\n`);
process.stdout.write(`${summary.passed} passed, ${summary.failed} failed\n`);
process.exitCode = summary.failed === 0 && existsSync(vitestJson) ? 0 : 1;
