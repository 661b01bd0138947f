// Benchmarks and conformance runners are plain Node scripts; the code they run is TypeScript. This
// bundles a TS entry with Vite (already the project's build tool) into a temp folder and imports it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Imports a TypeScript module of the project (bundled for Node). */
export async function importTs(relativeEntry) {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'studio-ts-build-'));
  try {
    await build({
      configFile: false,
      root,
      logLevel: 'silent',
      build: { ssr: path.join(root, relativeEntry), outDir, emptyOutDir: true, rollupOptions: { output: { format: 'es', entryFileNames: 'entry.mjs' } } },
      ssr: { noExternal: true },
    });
    return await import(pathToFileURL(path.join(outDir, 'entry.mjs')).href);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
