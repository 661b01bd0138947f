import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type FileChange, type FileContent, type OpenedApp, StudioError } from '../../core/api';
import { appMarkerFile, isAltinnApp } from './appFolder';
import { writeFileAtomic } from '../../runtime/server/atomicWrite';
import type { EventHub } from './eventHub';
import { listTree, toPosix } from './fileTree';
import { resolveInsideApp } from './pathJail';

function notFound(rel: string): StudioError {
  return new StudioError('not-found', `"${rel}" does not exist in the open app`);
}

/** The app folder open in the studio: listing, reading and atomic writing of its files, jailed to it. */
export class Workspace {
  private root: string | null = null;

  constructor(private readonly events: EventHub) {}

  /** Opens the app in `dir`; refuses a folder that is missing or holds no Altinn app. */
  async open(dir: string): Promise<OpenedApp> {
    const absolute = path.resolve(dir);
    let real: string;
    try {
      real = await fs.realpath(absolute);
    } catch {
      throw new StudioError('not-found', `The folder ${absolute} does not exist`);
    }
    if (!(await fs.stat(real)).isDirectory()) throw new StudioError('not-an-app', `${absolute} is a file, not an app folder`);
    if (!(await isAltinnApp(real))) {
      throw new StudioError(
        'not-an-app',
        `${absolute} is not an Altinn app: ${appMarkerFile} is missing. Choose the folder that holds the App folder.`,
      );
    }
    this.root = real;
    const app = await this.describe(real);
    this.events.emit('workspace:changed', { app });
    return app;
  }

  /** Closes the open app, if any. */
  close(): void {
    if (!this.root) return;
    this.root = null;
    this.events.emit('workspace:changed', { app: null });
  }

  /** The open app with a fresh file list, or null. */
  async current(): Promise<OpenedApp | null> {
    if (!this.root) return null;
    if (!(await isAltinnApp(this.root))) {
      this.close();
      return null;
    }
    return this.describe(this.root);
  }

  /** The open app's folder; throws when none is open. */
  requireRoot(): string {
    if (!this.root) throw new StudioError('no-app-open', 'No app is open. Open or create an app first.');
    return this.root;
  }

  /** The open app with its file list. */
  async listFiles(): Promise<OpenedApp> {
    return this.describe(this.requireRoot());
  }

  /** Reads one text file of the open app. */
  async readFile(rel: string): Promise<FileContent> {
    const target = await resolveInsideApp(this.requireRoot(), rel);
    try {
      const stat = await fs.stat(target);
      if (!stat.isFile()) throw new StudioError('not-found', `"${rel}" is a folder, not a file`);
      return { path: rel, content: await fs.readFile(target, 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(rel);
      throw error;
    }
  }

  /** Reads several files in one request. */
  async readFiles(paths: readonly string[]): Promise<FileContent[]> {
    return Promise.all(paths.map((p) => this.readFile(p)));
  }

  /** Writes one text file atomically (creating its folders) and tells every view. */
  async writeFile(rel: string, content: string): Promise<void> {
    const root = this.requireRoot();
    const target = await resolveInsideApp(root, rel);
    try {
      if ((await fs.stat(target)).isDirectory()) throw new StudioError('already-exists', `"${rel}" is a folder; choose a file name`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, content);
    this.events.emit('files:changed', { dir: root, paths: [toPosix(path.relative(root, target))] });
  }

  /**
   * Writes and deletes several files as one change (an edit that touches a page, its texts and
   * Settings.json): every path is checked before anything is touched, each write is atomic, and one
   * event names them all. Deleting a file that is already gone is not an error.
   */
  async applyChanges(changes: readonly FileChange[]): Promise<void> {
    const root = this.requireRoot();
    const targets = await Promise.all(changes.map(async (c) => ({ change: c, target: await resolveInsideApp(root, c.path) })));
    for (const { change, target } of targets) {
      const stat = await fs.stat(target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (stat?.isDirectory()) throw new StudioError('already-exists', `"${change.path}" is a folder, not a file`);
    }
    for (const { change, target } of targets) {
      if (change.content === null) {
        await fs.rm(target, { force: true });
      } else {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await writeFileAtomic(target, change.content);
      }
    }
    if (targets.length > 0) this.events.emit('files:changed', { dir: root, paths: targets.map((t) => toPosix(path.relative(root, t.target))) });
  }

  private async describe(root: string): Promise<OpenedApp> {
    return { dir: root, name: path.basename(root), files: await listTree(root) };
  }
}

