import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { type NewAppRequest, StudioError } from '../../core/api';
import { appNameProblem, orgProblem } from '../../core/app/appName';
import { writeFileAtomic } from '../../runtime/server/atomicWrite';
import { studioRoot } from './studioRoot';

/** Who the first commit of a new app is by when the caller names nobody. */
export const DEFAULT_AUTHOR = { name: 'Studio Desktop', email: 'studio-desktop@localhost' } as const;

/** Where the new-app template lives, relative to Studio Desktop's own folder. */
export const APP_TEMPLATE_DIR = 'resources/templates/app';

// Dot files are stored without their dot so packaging and git treat them as plain template files.
const DOTTED_ON_WRITE = new Map([['gitignore', '.gitignore']]);

/** One file of a new app: its path inside the app (forward slashes) and its content. */
export interface AppFile {
  readonly path: string;
  readonly content: string;
}

/**
 * Creates a new Altinn app in `request.dir` from the template: validates the names, refuses a folder
 * that already has content, writes every file atomically, and commits them as the first commit.
 */
export async function createNewApp(
  request: NewAppRequest,
  options?: { author?: { name: string; email: string } },
): Promise<void> {
  const title = request.title.trim();
  const problem = orgProblem(request.org) ?? appNameProblem(request.name) ?? (title ? null : 'Enter a title for the app.');
  if (problem) throw new StudioError('invalid-name', problem);
  if (request.dir.trim() === '') throw new StudioError('invalid-argument', 'Choose a folder for the new app.');

  const dir = path.resolve(request.dir);
  const existed = await refuseNonEmpty(dir);
  // Read the template before touching the disk, so a broken installation leaves nothing behind.
  const files = await renderAppTemplate({ org: request.org, app: request.name, title });

  // The topmost folder this call creates; removing it removes everything made here.
  let createdRoot: string | undefined;
  try {
    createdRoot = existed ? undefined : ((await fs.promises.mkdir(dir, { recursive: true })) ?? dir);
    for (const file of files) {
      const target = path.join(dir, ...file.path.split('/'));
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await writeFileAtomic(target, file.content);
    }
    await commitFirstVersion(dir, files, `Create app ${request.org}/${request.name}`, options?.author ?? DEFAULT_AUTHOR);
  } catch (error) {
    await removeCreated(dir, existed, createdRoot);
    throw error;
  }
}

/** The files of a new app with placeholders filled in, in a stable order. */
export async function renderAppTemplate(values: { org: string; app: string; title: string }): Promise<AppFile[]> {
  const root = path.join(studioRoot(), APP_TEMPLATE_DIR);
  const relativePaths = (await listFiles(root)).sort();
  const files: AppFile[] = [];
  for (const relative of relativePaths) {
    const source = await fs.promises.readFile(path.join(root, ...relative.split('/')), 'utf8');
    const target = DOTTED_ON_WRITE.get(relative) ?? relative;
    files.push({ path: target, content: fillPlaceholders(source, values, escaperFor(target), relative) });
  }
  return files;
}

/** Replaces `{{name}}` placeholders in one pass, escaping each value for the file's format. */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<string, string>>,
  escape: (value: string) => string,
  fileName = 'template',
): string {
  // One pass, so a title that itself contains "{{app}}" is written as typed, not expanded.
  return text.replace(/\{\{(\w+)\}\}/g, (_whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`The app template ${fileName} uses an unknown placeholder {{${key}}}`);
    return escape(value);
  });
}

/** How a substituted value must be escaped inside a file with this path. */
export function escaperFor(filePath: string): (value: string) => string {
  const extension = path.posix.extname(filePath).toLowerCase();
  if (extension === '.json') return (value) => JSON.stringify(value).slice(1, -1);
  if (['.xml', '.bpmn', '.xsd'].includes(extension)) return escapeXml;
  return (value) => value;
}

function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// Returns whether the folder already existed (it is then empty); throws when it has content or is a file.
async function refuseNonEmpty(dir: string): Promise<boolean> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  if (!stat.isDirectory()) {
    throw new StudioError('already-exists', `${dir} is a file, not a folder. Choose a new or empty folder for the app.`);
  }
  if ((await fs.promises.readdir(dir)).length > 0) {
    throw new StudioError('already-exists', `The folder ${dir} is not empty. Choose a new or empty folder for the app.`);
  }
  return true;
}

async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const result: string[] = [];
  for (const entry of await fs.promises.readdir(path.join(root, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) result.push(...(await listFiles(root, relative)));
    else if (entry.isFile()) result.push(relative);
  }
  return result;
}

async function commitFirstVersion(
  dir: string,
  files: readonly AppFile[],
  message: string,
  author: { name: string; email: string },
): Promise<void> {
  const cache = {};
  await git.init({ fs, dir, defaultBranch: 'main' });
  await git.add({ fs, dir, filepath: files.map((file) => file.path), cache });
  await git.commit({ fs, dir, message, author: { name: author.name, email: author.email }, cache });
}

// Best effort: the original error is what the user needs to see, so a failed clean-up is not rethrown.
async function removeCreated(dir: string, existed: boolean, createdRoot: string | undefined): Promise<void> {
  try {
    if (createdRoot) {
      await fs.promises.rm(createdRoot, { recursive: true, force: true });
    } else if (existed) {
      // The folder was empty before, so everything in it now was made by this call.
      for (const entry of await fs.promises.readdir(dir)) {
        await fs.promises.rm(path.join(dir, entry), { recursive: true, force: true });
      }
    }
  } catch {
    // Nothing more to do; the caller reports the original failure.
  }
}
