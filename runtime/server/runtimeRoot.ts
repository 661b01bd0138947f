/**
 * Where the runtime finds its built form app. The runtime may not import main/ (DESIGN.md), so it
 * keeps its own finder instead of main/services/studioRoot: walk up to Studio Desktop's package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the package.json named studio-desktop, searched upwards from `start`. */
export function findPackageRoot(start: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'studio-desktop') return dir;
      } catch {
        // A broken package.json further down is not ours; keep walking.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Studio Desktop folder (package.json named studio-desktop)');
    dir = parent;
  }
}

/** The built form app (`out/runtime-client`), whether or not it has been built yet. */
export function runtimeClientDir(): string {
  return path.join(findPackageRoot(), 'out', 'runtime-client');
}
