// Plain Node scripts (the crash test's writer, the storage benchmark) run the stores' TypeScript,
// bundled by scripts/loadTs.mjs with PGlite and pg left outside the bundle.
import { bundleTs } from '../../../scripts/loadTs.mjs';

/** The runtime's packages that must stay outside a bundle. */
export const runtimeExternals = ['@electric-sql/pglite', 'pg', 'playwright-core'];

/** Bundles runtime/server/testing/storageEntry.ts; returns the bundle's file URL and a function removing it. */
export function bundleStorage() {
  return bundleTs('runtime/server/testing/storageEntry.ts', { external: runtimeExternals });
}
