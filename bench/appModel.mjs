// Figures for the app model (issue: core/app): load + index time and memory for the largest fixture app
// and for a generated app of 2,000 files and 5,000 components; time of a rename touching 500 references.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { median, ms, root } from './benchTools.mjs';
import { generateLargeApp } from './largeApp.mjs';
import { importTs } from '../scripts/loadTs.mjs';

const core = await importTs('bench/appModelBench.ts');

function readFolder(dir) {
  const files = {};
  const walk = (at) => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(dir, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

async function measure(files, runs = 5) {
  const times = [];
  let heap = 0;
  let result;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const model = await core.loadAppModel(core.memoryFileSource(files));
    const check = core.checkApp(model);
    times.push(performance.now() - started);
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
    result = { model, check };
  }
  return { time: median(times), heapMb: heap / 1024 / 1024, ...result };
}

/** Runs the benchmark and returns its figure lines. */
export async function benchAppModel() {
  const lines = [];
  const fixtures = path.resolve(root, '../shared/fixtures/apps');
  if (existsSync(fixtures)) {
    const apps = readdirSync(fixtures).filter((n) => statSync(path.join(fixtures, n)).isDirectory());
    const largest = apps.map((n) => ({ n, files: readFolder(path.join(fixtures, n)) })).sort((a, b) => JSON.stringify(b.files).length - JSON.stringify(a.files).length)[0];
    const r = await measure(largest.files);
    lines.push(`app model: ${largest.n} (largest fixture, ${Object.keys(largest.files).length} files, ${(JSON.stringify(largest.files).length / 1024).toFixed(0)} KB): load + index + check ${ms(r.time)}, heap +${r.heapMb.toFixed(1)} MB, ${r.check.diagnostics.length} diagnostics (median of 5)`);
  }
  const large = generateLargeApp({ files: 2000, components: 5000 });
  const r = await measure(large.files, 3);
  const components = r.model.uiFolders.reduce((n, f) => n + f.pages.reduce((m, p) => m + p.components.length, 0), 0);
  lines.push(`app model: generated app (${Object.keys(large.files).length} files, ${components} components): load + index + check ${ms(r.time)}, heap +${r.heapMb.toFixed(1)} MB (median of 3)`);
  const index = core.buildReferenceIndex(r.model);
  const renames = [];
  let changed = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const plan = core.planRename(r.model, index, 'text', large.busyText, `${large.busyText}.renamed`);
    renames.push(performance.now() - started);
    changed = plan.count;
  }
  lines.push(`rename: text key with ${changed} references across ${large.busyTextFiles} files planned in ${ms(median(renames))} (median of 3)`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await benchAppModel()) console.log(line);
