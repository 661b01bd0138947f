// Shared helpers for the benchmarks: timing, medians, and starting `studio serve`.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnStudio } from '../scripts/spawnServe.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Formats milliseconds for a figure line. */
export function ms(value) {
  return `${value.toFixed(0)} ms`;
}

/** Starts `studio serve --no-open` with a fresh config folder; `ready` resolves to the URL and when it was printed. */
export function startServe(extraArgs = []) {
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'studio-bench-'));
  const studio = spawnStudio(['serve', '--no-open', '--port', '0', ...extraArgs], { STUDIO_CONFIG_DIR: configDir });
  const ready = studio.url.then((url) => ({ url, printedAfter: performance.now() - studio.started }));
  return { started: studio.started, ready, stop: studio.stop };
}
