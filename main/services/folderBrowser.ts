import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type FolderListing, StudioError } from '../../core/api';
import { isAltinnApp } from './appFolder';

/**
 * Lists the sub-folders of `dir` (home by default) for the browser host's folder picker.
 * Only folder names are shown, never file contents; hidden folders are left out.
 */
export async function listFolders(dir: string = os.homedir()): Promise<FolderListing> {
  const absolute = path.resolve(dir);
  let entries;
  try {
    entries = await fs.readdir(absolute, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StudioError('not-found', `The folder ${absolute} does not exist`);
    if (code === 'ENOTDIR') throw new StudioError('not-found', `${absolute} is a file, not a folder`);
    if (code === 'EACCES' || code === 'EPERM') throw new StudioError('io', `You have no permission to read ${absolute}`);
    throw error;
  }
  const names = entries
    .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || e.isSymbolicLink()))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  const folders = [];
  for (const name of names) {
    const full = path.join(absolute, name);
    const stat = await fs.stat(full).catch(() => null);
    if (stat?.isDirectory()) folders.push({ name, path: full, isApp: await isAltinnApp(full) });
  }
  const parent = path.dirname(absolute);
  return { dir: absolute, parent: parent === absolute ? null : parent, isApp: await isAltinnApp(absolute), folders };
}
