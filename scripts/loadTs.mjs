// Benchmarks, conformance runners and test child processes are plain Node scripts; the code they run is
// TypeScript. This bundles a TS entry with Vite (already the project's build tool) and imports it.
// Packages named `external` stay outside the bundle (PGlite loads its .wasm and .data files next to
// its own module): such a bundle goes under node_modules/.cache, so that Node resolves them from it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles a TypeScript module of the project for Node; returns the bundle's file URL and a function removing it. */
export async function bundleTs(relativeEntry, { external = [] } = {}) {
  let parent = os.tmpdir();
  if (external.length > 0) {
    parent = path.join(root, 'node_modules', '.cache');
    mkdirSync(parent, { recursive: true });
  }
  const outDir = mkdtempSync(path.join(parent, 'studio-ts-build-'));
  const remove = () => rmSync(outDir, { recursive: true, force: true });
  try {
    await build({
      configFile: false,
      root,
      logLevel: 'silent',
      build: { ssr: path.join(root, relativeEntry), outDir, emptyOutDir: true, rollupOptions: { output: { format: 'es', entryFileNames: 'entry.mjs' } } },
      ssr: { noExternal: true, external },
    });
  } catch (error) {
    remove();
    throw error;
  }
  return { url: pathToFileURL(path.join(outDir, 'entry.mjs')).href, remove };
}

/** Imports a TypeScript module of the project (bundled for Node; the bundle is removed once imported). */
export async function importTs(relativeEntry, options) {
  const bundle = await bundleTs(relativeEntry, options);
  try {
    return await import(bundle.url);
  } finally {
    bundle.remove();
  }
}
