/**
 * Reads an app folder on disk into a FileSource for the runtime. The runtime may not import main/
 * (DESIGN.md), so it keeps its own small reader instead of main/services/fileTree.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileEntry } from '../../core/api/types';
import type { FileSource } from '../../core/app/fileSource';

/** Build output, tool caches and history: never part of what the app serves. */
const skippedFolders = new Set(['.git', 'bin', 'obj', 'node_modules']);

/** Lists `root` recursively and returns a FileSource that reads files from it on demand. */
export async function diskAppSource(root: string): Promise<FileSource> {
  const files: FileEntry[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(root, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (skippedFolders.has(entry.name)) continue;
        files.push({ path, kind: 'dir' });
        await walk(path);
      } else if (entry.isFile()) {
        files.push({ path, kind: 'file' });
      }
    }
  };
  await walk('');
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, read: (path) => readFile(join(root, ...path.split('/')), 'utf8') };
}
