/** Test helpers: the real Altinn apps in ../shared/fixtures/apps, read from disk as file sources. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileEntry } from '../api/types';
import type { FileSource } from '../app/fileSource';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the shared fixture apps are; tests skip when the folder is absent. */
export const fixtureAppsDir = path.resolve(repoRoot, '../shared/fixtures/apps');

/** Names of the fixture apps (empty when the folder is absent). */
export function fixtureAppNames(): string[] {
  if (!existsSync(fixtureAppsDir)) return [];
  return readdirSync(fixtureAppsDir).filter((name) => statSync(path.join(fixtureAppsDir, name)).isDirectory()).sort();
}

/** A folder on disk as a FileSource (synchronous listing; for tests only). */
export function folderSource(root: string): FileSource {
  const files: FileEntry[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (statSync(full).isDirectory()) {
        files.push({ path: rel, kind: 'dir' });
        walk(full);
      } else {
        files.push({ path: rel, kind: 'file', size: statSync(full).size });
      }
    }
  };
  walk(root);
  return { files, read: async (rel) => readFileSync(path.join(root, rel), 'utf8') };
}
