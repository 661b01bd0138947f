import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder that holds Studio Desktop's package.json: the repository in development, the asar root
 * when packaged. Found by walking up from this module, so it works from source and from `out/`.
 */
export function studioRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'studio-desktop') {
      cached = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Studio Desktop folder (package.json named studio-desktop)');
    dir = parent;
  }
}

/** Studio Desktop's version, from its package.json. */
export function studioVersion(): string {
  return (JSON.parse(readFileSync(path.join(studioRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
