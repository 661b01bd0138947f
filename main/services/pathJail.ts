import { promises as fs } from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../core/api';

const maxDecodeRounds = 4;

function refuse(requested: string, why: string): never {
  throw new StudioError('outside-app', `Refused "${requested}": ${why}. Paths must stay inside the open app.`);
}

/** Every form the path could take once something decodes it: as given, then URL-decoded repeatedly. */
function decodedForms(requested: string): string[] {
  const forms = [requested];
  let current = requested;
  for (let i = 0; i < maxDecodeRounds && /%[0-9a-f]{2}/i.test(current); i++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      break;
    }
    forms.push(current);
  }
  return forms;
}

/** Checks the text of a relative path: no absolute forms, no `..` segments, no NUL, in any decoded form. */
export function checkRelativePath(requested: string): void {
  for (const form of decodedForms(requested)) {
    if (form.includes('\0')) refuse(requested, 'it contains a NUL character');
    if (/^[/\\]/.test(form) || /^[a-zA-Z]:/.test(form)) refuse(requested, 'it is an absolute path');
    if (form.split(/[/\\]+/).some((segment) => segment === '..')) refuse(requested, 'it leads out of the app with ".."');
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function realpathOfNearestExisting(target: string): Promise<{ real: string; rest: string[] }> {
  const rest: string[] = [];
  let current = target;
  for (;;) {
    try {
      return { real: await fs.realpath(current), rest };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const parent = path.dirname(current);
      if (parent === current) throw error;
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
}

/**
 * Resolves a path from a request inside the app folder `realRoot` (already a real path).
 * Refuses `..`, encoded forms, absolute paths, `.git` internals and symlinks that lead outside.
 * Returns the absolute path to use; the file itself need not exist.
 */
export async function resolveInsideApp(realRoot: string, requested: string): Promise<string> {
  checkRelativePath(requested);
  const target = path.resolve(realRoot, requested);
  if (!isInside(realRoot, target) || target === realRoot) refuse(requested, 'it is not a file inside the app');
  const first = path.relative(realRoot, target).split(path.sep)[0];
  if (first === '.git') refuse(requested, 'the .git folder is managed by the studio\'s version control');
  const { real, rest } = await realpathOfNearestExisting(target);
  if (!isInside(realRoot, real)) refuse(requested, 'it goes through a link that leads outside the app');
  return path.join(real, ...rest);
}
