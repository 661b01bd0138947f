/**
 * git: staging many files in one pass over the index. Each file's blob is hashed and, when new,
 * written with Node's zlib (looseObjects.ts); a file whose stat data match its index entry is not read
 * at all, as git does; then the index is written once. Returns false where it does not apply (an index
 * this module does not write, line-ending conversion, a `.git` file instead of a folder), and the
 * caller stages with isomorphic-git.
 */
import type { Stats } from 'node:fs';
import fs from 'node:fs';
import { lstat, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { compareEntries, readIndexFile, writeIndexFile, type IndexEntry } from './indexFile';
import { hashObject, writeLooseObject } from './looseObjects';

/** Files read and hashed at the same time: enough to keep zlib's threads busy, few enough for open-file limits. */
const parallelFiles = 16;

/** Runs `work` on every item, at most `limit` at a time. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Seconds and nanoseconds of a time as isomorphic-git derives them, so its status sees the same stat data. */
function split(ms: number): [number, number] {
  const seconds = Math.floor(ms / 1000);
  return [seconds, Math.floor((ms - seconds * 1000) * 1_000_000)];
}

/** The mode git records: a symlink, an executable file or a plain file. */
const gitMode = (stats: Stats) => (stats.isSymbolicLink() ? 0o120000 : stats.mode & 0o111 ? 0o100755 : 0o100644);

function statFields(stats: Stats): Omit<IndexEntry, 'path' | 'stage' | 'oid' | 'extended' | 'assumeValid'> {
  const [ctimeSeconds, ctimeNanoseconds] = split(stats.ctimeMs);
  const [mtimeSeconds, mtimeNanoseconds] = split(stats.mtimeMs);
  const u32 = (n: number) => n % 2 ** 32;
  return { ctimeSeconds, ctimeNanoseconds, mtimeSeconds, mtimeNanoseconds, dev: u32(stats.dev), ino: u32(stats.ino), mode: gitMode(stats), uid: u32(stats.uid), gid: u32(stats.gid), size: u32(stats.size) };
}

const sameStat = (entry: IndexEntry, fields: ReturnType<typeof statFields>) =>
  (Object.keys(fields) as (keyof typeof fields)[]).every((key) => key === 'dev' || entry[key] === fields[key]);

/**
 * Stages `add` (files as they are in the working tree) and `remove` (paths gone from it), paths
 * relative to the repository root, unqueued. False when the caller should use isomorphic-git.
 */
export async function stageFiles(dir: string, add: readonly string[], remove: readonly string[]): Promise<boolean> {
  const gitdir = path.join(dir, '.git');
  if (!(await lstat(gitdir).then((s) => s.isDirectory(), () => false))) return false;
  const autocrlf = await git.getConfig({ fs, dir, path: 'core.autocrlf' });
  if (autocrlf !== undefined && String(autocrlf) !== 'false') return false;
  const index = await readIndexFile(gitdir);
  if (!index) return false;

  const byPath = new Map<string, IndexEntry[]>();
  for (const entry of index.entries) {
    const list = byPath.get(entry.path);
    if (list) list.push(entry);
    else byPath.set(entry.path, [entry]);
  }
  const staged = new Map<string, IndexEntry>();
  await forEachLimited(add, parallelFiles, async (filepath) => {
    const full = path.join(dir, filepath);
    const stats = await lstat(full);
    const fields = statFields(stats);
    const current = byPath.get(filepath)?.find((e) => e.stage === 0);
    if (current && byPath.get(filepath)!.length === 1 && sameStat(current, fields)) return;
    const content = stats.isSymbolicLink() ? Buffer.from((await readlink(full)).split(path.sep).join('/')) : await readFile(full);
    const oid = hashObject('blob', content);
    if (current?.oid !== oid) await writeLooseObject(gitdir, 'blob', content, oid);
    staged.set(filepath, { path: filepath, stage: 0, oid, ...fields, extended: current?.extended ?? 0, assumeValid: false });
  });

  const gone = new Set(remove);
  // A path staged as a file replaces a file of the same name above it, and anything staged under it as a folder.
  const replaced = new Set<string>();
  for (const filepath of staged.keys()) {
    for (let at = filepath.indexOf('/'); at > 0; at = filepath.indexOf('/', at + 1)) replaced.add(filepath.slice(0, at));
  }
  const underStaged = (p: string) => {
    for (let at = p.lastIndexOf('/'); at > 0; at = p.lastIndexOf('/', at - 1)) if (staged.has(p.slice(0, at))) return true;
    return false;
  };
  if (staged.size === 0 && !index.entries.some((e) => gone.has(e.path))) return true;
  const entries = index.entries.filter((e) => !staged.has(e.path) && !gone.has(e.path) && !replaced.has(e.path) && !underStaged(e.path));
  entries.push(...staged.values());
  entries.sort(compareEntries);
  await writeIndexFile(gitdir, { version: index.version, entries });
  return true;
}
