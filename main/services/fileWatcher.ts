import { type FSWatcher, promises as fs, statSync, watch } from 'node:fs';
import path from 'node:path';
import type { EventHub } from './eventHub';
import { toPosix } from './fileTree';
import { findRepositoryRoot } from './git/repository';
import { atomicTempName } from '../../runtime/server/atomicWrite';

/** Folders whose changes never reach the studio: version control, packages, build output, IDE state. */
const ignoredFolders = new Set(['.git', 'node_modules', 'bin', 'obj', '.vs', '.idea', 'dist', 'out', 'build']);

/** Whether a path relative to the app folder (forward slashes) is outside what the studio watches. */
export function isIgnoredPath(rel: string): boolean {
  const parts = rel.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (atomicTempName.test(name)) return true;
  return parts.slice(0, -1).some((p) => ignoredFolders.has(p)) || ignoredFolders.has(name);
}

/**
 * The files of `.git` (relative to it) that say where HEAD, the index, the branches and a merge stand.
 * Objects, logs and git's lock files churn on every operation and say nothing more.
 */
export function isGitMetadata(rel: string): boolean {
  return /^(?:HEAD|index|packed-refs|MERGE_HEAD|refs\/.+)$/.test(rel) && !rel.endsWith('.lock');
}

/** What changed in the open app's repository beyond the app's own files. */
export interface RepoChange {
  /** The repository root (the app folder itself, or a folder above it). */
  readonly repo: string;
  /** Files or folders of the working tree outside the app folder, relative to the repository root. */
  readonly paths: readonly string[];
  /** Files of `.git` that changed (`HEAD`, `index`, `refs/heads/main`, …), relative to `.git`. */
  readonly git: readonly string[];
}

export interface FileWatcherOptions {
  /** Quiet time after the last change before one event goes out; default 50 ms. */
  readonly debounceMs?: number;
  /** Longest a change waits while changes keep coming; default 300 ms. */
  readonly maxWaitMs?: number;
  /** How long a file the studio wrote itself is not reported again when it is still as written; default 500 ms. */
  readonly ownWriteMs?: number;
  /**
   * `native`: one recursive `fs.watch` (FSEvents, ReadDirectoryChangesW); `tree`: one watch per folder,
   * skipping ignored folders. Default: native on macOS and Windows, tree elsewhere (Node's recursive
   * watch on Linux walks and watches every folder, .git and node_modules included).
   */
  readonly mode?: 'native' | 'tree';
}

interface OwnWrite {
  readonly at: number;
  readonly signature: string;
}

function signatureOf(abs: string): string {
  try {
    const s = statSync(abs);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return 'gone';
  }
}

/**
 * Watches the open app's folder and tells every view, through `files:changed`, which files another
 * program created, changed or deleted. Follows the workspace: it starts when an app is opened and
 * stops when it is closed or another is opened. Bursts (a git checkout) become one or a few events.
 *
 * When the app is in a git repository, the whole repository is watched instead (the app folder is its
 * root, or a folder in it, as in a monorepo), because the git status depends on all of it: changes
 * outside the app and in `.git`'s metadata go to `onRepoChange` listeners, never to `files:changed`
 * (the renderer's document holds the app folder only).
 */
export class FileWatcher {
  /** The app folder. */
  private root: string | null = null;
  /** The folder watched: the repository root, or the app folder when it is in no repository. */
  private base: string | null = null;
  private repo: string | null = null;
  /** The app folder relative to `base` ('' when they are the same), forward slashes. */
  private appPrefix = '';
  private readonly repoListeners = new Set<(change: RepoChange) => void>();
  private native: FSWatcher | null = null;
  private readonly folders = new Map<string, FSWatcher>();
  private pending = new Set<string>();
  private debounceTimer: NodeJS.Timeout | null = null;
  private maxWaitTimer: NodeJS.Timeout | null = null;
  private readonly ownWrites = new Map<string, OwnWrite>();
  private emitting = false;
  private flushing: Promise<void> = Promise.resolve();
  private generation = 0;
  private started: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly events: EventHub,
    private readonly options: FileWatcherOptions = {},
  ) {
    this.unsubscribe = events.subscribe((event, payload) => {
      if (event === 'workspace:changed') {
        const dir = (payload as { app: { dir: string } | null }).app?.dir ?? null;
        if (dir === null) this.stop();
        else if (dir !== this.root) this.start(dir).catch(() => undefined);
      } else if (event === 'files:changed' && !this.emitting) {
        this.rememberOwnWrites(payload as { dir: string; paths: string[] });
      }
    });
  }

  /** The folder being watched, or null. */
  get watching(): string | null {
    return this.root;
  }

  /** Watches `dir` (an app folder, real path), replacing any earlier watch; resolves when it watches. */
  start(dir: string): Promise<void> {
    this.stop();
    this.started = this.begin(dir);
    return this.started;
  }

  /** Calls `listener` with each batch of changes in the app's repository outside the app; returns the function that stops it. */
  onRepoChange(listener: (change: RepoChange) => void): () => void {
    this.repoListeners.add(listener);
    return () => this.repoListeners.delete(listener);
  }

  /** How many folders are watched one by one, .git's included (for tests). */
  get watchedFolders(): number {
    return this.folders.size;
  }

  /** Resolves when the watch of the open app is in place (for tests). */
  ready(): Promise<void> {
    return this.started;
  }

  private async begin(dir: string): Promise<void> {
    const generation = this.generation;
    this.root = dir;
    // The same search as the git service's, so both place a path in the same repository.
    const found = await findRepositoryRoot(dir).catch(() => null);
    if (generation !== this.generation) return;
    const prefix = found ? toPosix(path.relative(found, dir)) : '';
    this.repo = found && !prefix.startsWith('..') && !path.isAbsolute(prefix) ? found : null;
    this.appPrefix = this.repo ? prefix : '';
    const base = this.repo ?? dir;
    this.base = base;
    const mode = this.options.mode ?? (process.platform === 'darwin' || process.platform === 'win32' ? 'native' : 'tree');
    if (mode === 'native') {
      try {
        this.native = watch(base, { recursive: true }, (_type, name) => this.onNative(generation, name));
        this.native.on('error', () => undefined);
        this.native.unref(); // Watching never keeps the process alive.
        return;
      } catch {
        // No recursive watch on this platform: watch folder by folder.
      }
    }
    await this.watchTree(generation, base);
    if (this.repo) {
      // Only the metadata of .git: its own entries (HEAD, index, MERGE_HEAD) and the refs, never objects/.
      await this.watchTree(generation, path.join(base, '.git'), false);
      await this.watchTree(generation, path.join(base, '.git', 'refs'));
    }
  }

  /** Stops watching; changes not yet reported are dropped. */
  stop(): void {
    this.generation++;
    this.root = null;
    this.base = null;
    this.repo = null;
    this.appPrefix = '';
    this.native?.close();
    this.native = null;
    for (const watcher of this.folders.values()) watcher.close();
    this.folders.clear();
    this.clearTimers();
    this.pending = new Set();
    this.ownWrites.clear();
  }

  /** Stops and listens to the workspace no more. */
  dispose(): void {
    this.unsubscribe();
    this.repoListeners.clear();
    this.stop();
  }

  /** Resolves when changes seen so far have been reported (for tests). */
  idle(): Promise<void> {
    return this.flushing;
  }

  private onNative(generation: number, name: string | Buffer | null): void {
    if (generation !== this.generation || !this.base) return;
    if (name === null) return;
    this.note(toPosix(name.toString()));
  }

  /** Watches `abs` and (with `descend`) every folder under it that is not ignored. */
  private async watchTree(generation: number, abs: string, descend = true): Promise<void> {
    if (generation !== this.generation || !this.base || this.folders.has(abs)) return;
    const root = this.base;
    let watcher: FSWatcher;
    try {
      watcher = watch(abs, (_type, name) => {
        if (generation !== this.generation) return;
        const rel = toPosix(path.relative(root, name === null ? abs : path.join(abs, name.toString())));
        if (rel !== '') this.note(rel);
      });
    } catch {
      return; // Gone already, or not readable.
    }
    watcher.unref(); // Watching never keeps the process alive.
    watcher.on('error', () => {
      watcher.close();
      if (this.folders.get(abs) === watcher) this.folders.delete(abs);
    });
    this.folders.set(abs, watcher);
    if (!descend) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(abs, { withFileTypes: true });
    } catch {
      return;
    }
    await Promise.all(
      entries
        .filter((e) => e.isDirectory() && this.wanted(toPosix(path.relative(root, path.join(abs, e.name)))))
        .map((e) => this.watchTree(generation, path.join(abs, e.name))),
    );
  }

  /** The app-relative form of a path relative to the watched folder, or null when it is outside the app. */
  private inApp(rel: string): string | null {
    if (this.appPrefix === '') return rel;
    if (rel === this.appPrefix) return '';
    return rel.startsWith(`${this.appPrefix}/`) ? rel.slice(this.appPrefix.length + 1) : null;
  }

  /** Whether a path relative to the watched folder (file or folder) matters to the app or its git status. */
  private wanted(rel: string): boolean {
    if (rel === '.git' || rel.startsWith('.git/')) return this.repo !== null && (rel === '.git/refs' || isGitMetadata(rel.slice(5)));
    const app = this.inApp(rel);
    if (app !== null) return !isIgnoredPath(app);
    // The folders on the way down to the app are watched whatever they are called (an app under build/).
    if (this.appPrefix.startsWith(`${rel}/`)) return true;
    return !isIgnoredPath(rel);
  }

  private note(rel: string): void {
    if (rel === '' || !this.wanted(rel)) return;
    this.pending.add(rel);
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.flush(), this.options.debounceMs ?? 50);
    this.maxWaitTimer ??= setTimeout(() => this.flush(), this.options.maxWaitMs ?? 300);
  }

  private clearTimers(): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    if (this.maxWaitTimer) clearTimeout(this.maxWaitTimer);
    this.debounceTimer = null;
    this.maxWaitTimer = null;
  }

  private flush(): void {
    this.clearTimers();
    const batch = [...this.pending];
    this.pending = new Set();
    if (batch.length === 0 || !this.root || !this.base) return;
    const generation = this.generation;
    const where = { app: this.root, base: this.base, repo: this.repo };
    this.flushing = this.flushing.then(() => this.report(generation, where, batch)).catch(() => undefined);
  }

  /**
   * Turns changed paths (relative to the watched folder) into what to report: the app's files (new
   * folders by their contents, own writes left out) as `files:changed`, the rest of the repository and
   * `.git`'s metadata to the repository's listeners.
   */
  private async report(generation: number, where: { app: string; base: string; repo: string | null }, batch: readonly string[]): Promise<void> {
    const out = new Set<string>();
    const outside = new Set<string>();
    const gitFiles = new Set<string>();
    const now = Date.now();
    for (const [rel, own] of this.ownWrites) if (now - own.at > (this.options.ownWriteMs ?? 500)) this.ownWrites.delete(rel);
    for (const rel of batch) {
      const abs = path.join(where.base, rel);
      const stat = await fs.lstat(abs).catch(() => null);
      if (stat?.isDirectory() && this.native === null) await this.watchTree(generation, abs);
      if (!stat) this.forgetFolders(abs);
      const app = this.inApp(rel);
      if (rel.startsWith('.git/')) gitFiles.add(rel.slice(5));
      else if (app === null) outside.add(rel);
      else if (app === '') continue;
      else if (stat?.isDirectory()) for (const file of await this.filesUnder(where.app, abs)) out.add(file);
      else {
        const own = this.ownWrites.get(app);
        if (own && own.signature === (stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : 'gone')) continue;
        out.add(app);
      }
    }
    if (generation !== this.generation) return;
    if (out.size > 0) {
      this.emitting = true;
      try {
        this.events.emit('files:changed', { dir: where.app, paths: [...out].sort() });
      } finally {
        this.emitting = false;
      }
    }
    if (where.repo && (outside.size > 0 || gitFiles.size > 0)) {
      const change: RepoChange = { repo: where.repo, paths: [...outside].sort(), git: [...gitFiles].sort() };
      for (const listener of this.repoListeners) {
        try {
          listener(change);
        } catch {
          // One listener failing does not keep the change from the others.
        }
      }
    }
  }

  /** The files under a folder, relative to the root, skipping ignored folders and temp files. */
  private async filesUnder(root: string, abs: string): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const child = path.join(dir, entry.name);
        const rel = toPosix(path.relative(root, child));
        if (isIgnoredPath(rel)) continue;
        if (entry.isDirectory()) await walk(child);
        else if (entry.isFile()) out.push(rel);
      }
    };
    await walk(abs);
    return out;
  }

  private forgetFolders(abs: string): void {
    for (const [dir, watcher] of this.folders) {
      if (dir === abs || dir.startsWith(abs + path.sep)) {
        watcher.close();
        this.folders.delete(dir);
      }
    }
  }

  /** The studio's own writes, as they are on disk now, so the watcher does not report them back. */
  private rememberOwnWrites({ dir, paths }: { dir: string; paths: string[] }): void {
    if (dir !== this.root) return;
    const at = Date.now();
    for (const rel of paths) this.ownWrites.set(rel, { at, signature: signatureOf(path.join(dir, rel)) });
  }
}
