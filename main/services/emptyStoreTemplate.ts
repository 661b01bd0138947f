/**
 * An empty, migrated embedded store that new preview stores are copied from. Creating a PGlite
 * database runs initdb (4 s on a quiet machine, far more on a busy one); a copy takes a fraction of a
 * second. The template is made once per machine and PGlite version, in the system's temp folder
 * (the machine's cache, not anyone's data: deleting it only costs the next preview those seconds),
 * under a temporary name renamed into place, so two studios making it at once never see half of one.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStorage } from '../../runtime/server/pgliteStorage';

/** PGlite's version (its data folder's format follows it), from the package.json above its entry (the package exports no package.json). */
function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (let up = 0; up < 5; up++, dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    } catch {
      // not this folder
    }
  }
  return 'unknown';
}

/** Where this machine's template lives (its `pgdata` folder is what a store folder copies). */
export const templateDir = (root = os.tmpdir()) => path.join(root, 'studio-desktop-stores', `empty-pglite-${pgliteVersion()}`);

const made = new Map<string, Promise<string | null>>();

/** The template's `pgdata` folder, made if absent; null when it cannot be made (each store is then created on its own). */
export function emptyStoreTemplate(root = os.tmpdir()): Promise<string | null> {
  let promise = made.get(root);
  if (!promise) {
    promise = make(root);
    made.set(root, promise);
    // A failed attempt is not remembered: the next preview tries again.
    void promise.then((dir) => (dir ? undefined : made.delete(root)));
  }
  return promise;
}

async function make(root: string): Promise<string | null> {
  const target = templateDir(root);
  const data = path.join(target, 'pgdata');
  if (existsSync(data)) return data;
  const building = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await (await openEmbeddedStorage(building)).close();
    // The lock file belongs to the folder that was open; a copy starts without one.
    await rm(path.join(building, 'lock'), { force: true });
    await rename(building, target).catch(async (error: NodeJS.ErrnoException) => {
      // Another studio made it first: theirs is as good.
      if (!existsSync(data)) throw error;
    });
    return existsSync(data) ? data : null;
  } catch {
    return null;
  } finally {
    await rm(building, { recursive: true, force: true });
  }
}
