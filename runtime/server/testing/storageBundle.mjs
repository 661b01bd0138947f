// Plain Node scripts (the crash test's writer, the storage benchmark) run the stores' TypeScript.
// Like scripts/loadTs.mjs this bundles with Vite, but PGlite and pg stay outside the bundle: PGlite
// loads its .wasm and .data files next to its own module. The bundle goes under node_modules/.cache
// so that Node resolves those two packages from it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Bundles runtime/server/testing/storageEntry.ts; returns the bundle's file URL and a function removing it. */
export async function bundleStorage() {
  const cache = path.join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(path.join(cache, 'studio-storage-'));
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      ssr: path.join(root, 'runtime/server/testing/storageEntry.ts'),
      outDir,
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'entry.mjs' } },
    },
    ssr: { noExternal: true, external: ['@electric-sql/pglite', 'pg'] },
  });
  return { url: pathToFileURL(path.join(outDir, 'entry.mjs')).href, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}
