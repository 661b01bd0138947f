/**
 * git: the .gitignore a repository the studio starts gets, so build output, packages and editor
 * state never end up in a commit (they are large and differ per machine).
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../../runtime/server/atomicWrite';

/** The lines of the studio's .gitignore. */
export const studioGitignore = ['# Build output', 'bin/', 'obj/', '', '# Packages', 'node_modules/', '', '# Editors', '.vs/', '*.user', ''].join('\n');

/** Writes the studio's .gitignore into `dir` when it has none; returns whether it wrote one. */
export async function ensureGitignore(dir: string): Promise<boolean> {
  const file = path.join(dir, '.gitignore');
  try {
    await access(file);
    return false;
  } catch {
    await writeFileAtomic(file, studioGitignore);
    return true;
  }
}
