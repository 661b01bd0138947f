import { type FSWatcher, promises as fs, statSync, watch } from 'node:fs';
import path from 'node:path';
import type { EventHub } from './eventHub';
import { toPosix } from './fileTree';

/** Folders whose changes never reach the studio: version control, packages, build output, IDE state. */
const ignoredFolders = new Set(['.git', 'node_modules', 'bin', 'obj', '.vs', '.idea', 'dist', 'out', 'build']);

/** The temp files of main/services/atomicWrite.ts: `.<name>.<12 hex>.tmp` beside the target. */
const atomicTempFile = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** Whether a path relative to the app folder (forward slashes) is outside what the studio watches. */
export function isIgnoredPath(rel: string): boolean {
  const parts = rel.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (atomicTempFile.test(name)) return true;
  return parts.slice(0, -1).some((p) => ignoredFolders.has(p)) || ignoredFolders.has(name);
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
 */
export class FileWatcher {
  private root: string | null = null;
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

  /** Resolves when the watch of the open app is in place (for tests). */
  ready(): Promise<void> {
    return this.started;
  }

  private async begin(dir: string): Promise<void> {
    const generation = this.generation;
    this.root = dir;
    const mode = this.options.mode ?? (process.platform === 'darwin' || process.platform === 'win32' ? 'native' : 'tree');
    if (mode === 'native') {
      try {
        this.native = watch(dir, { recursive: true }, (_type, name) => this.onNative(generation, name));
        this.native.on('error', () => undefined);
        this.native.unref(); // Watching never keeps the process alive.
        return;
      } catch {
        // No recursive watch on this platform: watch folder by folder.
      }
    }
    await this.watchTree(generation, dir);
  }

  /** Stops watching; changes not yet reported are dropped. */
  stop(): void {
    this.generation++;
    this.root = null;
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
    this.stop();
  }

  /** Resolves when changes seen so far have been reported (for tests). */
  idle(): Promise<void> {
    return this.flushing;
  }

  private onNative(generation: number, name: string | Buffer | null): void {
    if (generation !== this.generation || !this.root) return;
    if (name === null) return;
    this.note(toPosix(name.toString()));
  }

  /** Watches `abs` and every folder under it that is not ignored. */
  private async watchTree(generation: number, abs: string): Promise<void> {
    if (generation !== this.generation || !this.root || this.folders.has(abs)) return;
    const root = this.root;
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
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(abs, { withFileTypes: true });
    } catch {
      return;
    }
    await Promise.all(
      entries
        .filter((e) => e.isDirectory() && !ignoredFolders.has(e.name))
        .map((e) => this.watchTree(generation, path.join(abs, e.name))),
    );
  }

  private note(rel: string): void {
    if (isIgnoredPath(rel)) return;
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
    if (batch.length === 0 || !this.root) return;
    const generation = this.generation;
    const root = this.root;
    this.flushing = this.flushing.then(() => this.report(generation, root, batch)).catch(() => undefined);
  }

  /** Turns changed paths into the files to report: new folders by their contents, own writes left out. */
  private async report(generation: number, root: string, batch: readonly string[]): Promise<void> {
    const out = new Set<string>();
    const now = Date.now();
    for (const [rel, own] of this.ownWrites) if (now - own.at > (this.options.ownWriteMs ?? 500)) this.ownWrites.delete(rel);
    for (const rel of batch) {
      const abs = path.join(root, rel);
      const stat = await fs.lstat(abs).catch(() => null);
      if (stat?.isDirectory()) {
        if (this.native === null) await this.watchTree(generation, abs);
        for (const file of await this.filesUnder(root, abs)) out.add(file);
        continue;
      }
      if (!stat) this.forgetFolders(abs);
      const own = this.ownWrites.get(rel);
      if (own && own.signature === (stat ? `${stat.ino}:${stat.size}:${stat.mtimeMs}` : 'gone')) continue;
      out.add(rel);
    }
    if (generation !== this.generation || out.size === 0) return;
    this.emitting = true;
    try {
      this.events.emit('files:changed', { dir: root, paths: [...out].sort() });
    } finally {
      this.emitting = false;
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
