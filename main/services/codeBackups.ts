/**
 * Backups of unsaved code-view text, kept by the host in the studio's config folder (never in the
 * app): they survive a crash or a restart of either host, on any port, and hold files of megabytes.
 * One folder per app (named by a hash of its path), one JSON file per backed-up file.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CodeBackup } from '../../core/api';
import { writeFileAtomic } from '../../runtime/server/atomicWrite';

const hash = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

function isBackup(value: unknown): value is CodeBackup {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.path === 'string' && typeof v.text === 'string' && (typeof v.base === 'string' || v.base === null) && typeof v.savedAt === 'number';
}

/** The backups of every app, under `root`. */
export class CodeBackups {
  constructor(
    private readonly root: string,
    private readonly now: () => number = Date.now,
  ) {}

  private folderOf(appDir: string): string {
    return path.join(this.root, hash(path.resolve(appDir)));
  }

  private fileOf(appDir: string, file: string): string {
    return path.join(this.folderOf(appDir), `${hash(file)}.json`);
  }

  /** Every backup of the app in `appDir`; unreadable or foreign files are passed over. */
  async list(appDir: string): Promise<CodeBackup[]> {
    const folder = this.folderOf(appDir);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return [];
    }
    const found: CodeBackup[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      try {
        const value: unknown = JSON.parse(await readFile(path.join(folder, name), 'utf8'));
        if (isBackup(value) && this.fileOf(appDir, value.path) === path.join(folder, name)) found.push(value);
      } catch {
        // A backup cut short (the disk filled up mid-write is the only way): the rest still count.
      }
    }
    return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Stores (replaces) the backup of `file`, atomically. */
  async write(appDir: string, file: string, text: string, base: string | null): Promise<void> {
    const backup: CodeBackup = { path: file, text, base, savedAt: this.now() };
    await mkdir(this.folderOf(appDir), { recursive: true });
    await writeFileAtomic(this.fileOf(appDir, file), JSON.stringify(backup));
  }

  /** Drops the backup of `file` (saved or discarded); nothing when there is none. */
  async remove(appDir: string, file: string): Promise<void> {
    await rm(this.fileOf(appDir, file), { force: true });
  }
}
