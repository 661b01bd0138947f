import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileEntry } from '../../core/api';
import type { FileSource } from '../../core/app/fileSource';

/** Folders that are never part of an app's editable files. */
const skippedFolders = new Set(['.git', 'node_modules', 'bin', 'obj', '.vs', '.idea']);

/** A path relative to a root, with forward slashes on every platform. */
export function toPosix(rel: string): string {
  return rel.split(path.sep).join('/');
}

/** Every file and folder under `root`, sorted, folders before their contents, skipping build and VCS folders. */
export async function listTree(root: string): Promise<FileEntry[]> {
  const out: FileEntry[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const sizes = await Promise.all(entries.map((e) => (e.isFile() ? fs.stat(path.join(dir, e.name)).then((s) => s.size) : 0)));
    for (const [i, entry] of entries.entries()) {
      const abs = path.join(dir, entry.name);
      const rel = toPosix(path.relative(root, abs));
      if (entry.isDirectory()) {
        if (skippedFolders.has(entry.name)) continue;
        out.push({ path: rel, kind: 'dir' });
        await walk(abs);
      } else if (entry.isFile()) {
        out.push({ path: rel, kind: 'file', size: sizes[i] ?? 0 });
      }
    }
  }
  await walk(root);
  return out;
}

/** The files of an app folder on disk as a FileSource (for `studio check`, `studio rename` and tests). */
export async function diskFileSource(root: string): Promise<FileSource> {
  const files = await listTree(root);
  return { files, read: (rel) => fs.readFile(path.join(root, rel), 'utf8') };
}
