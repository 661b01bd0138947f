/**
 * git: the index file (.git/index) read and written in one pass, for the verbs that change many
 * entries at once (staging 1,000 files). isomorphic-git re-deflates through a web stream and keeps no
 * way to batch; this reads versions 2 and 3, and says `null` for what it does not know (version 4's
 * compressed paths, a split or sparse index), where the caller uses isomorphic-git instead.
 * Extensions are caches git rebuilds (the cache tree, the untracked cache) and are left out on write,
 * as isomorphic-git does.
 */
import { createHash } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { DamagedIndex, RepositoryBusy } from './errors';

/** One entry of the index: a path at a stage (0, or 1–3 during a merge) with its blob and stat data. */
export interface IndexEntry {
  path: string;
  stage: number;
  oid: string;
  mode: number;
  ctimeSeconds: number;
  ctimeNanoseconds: number;
  mtimeSeconds: number;
  mtimeNanoseconds: number;
  dev: number;
  ino: number;
  uid: number;
  gid: number;
  size: number;
  /** Version 3's extended flags (skip-worktree, intent-to-add), kept as they were. */
  extended: number;
  assumeValid: boolean;
}

/** The entries of an index, sorted as git sorts them (by path bytes, then stage). */
export interface IndexFile {
  version: 2 | 3;
  entries: IndexEntry[];
}

/** Extensions that only cache what the entries say; anything else makes the index one this module leaves alone. */
const droppable = new Set(['TREE', 'REUC', 'UNTR', 'FSMN', 'EOIE', 'IEOT']);

/** The index of the repository at `gitdir` (no file: empty), or null when it is of a kind this module does not write. */
export async function readIndexFile(gitdir: string): Promise<IndexFile | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(gitdir, 'index'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 2, entries: [] };
    throw error;
  }
  return parseIndex(bytes);
}

/** Parses index bytes; null for version 4, a split or sparse index. Throws on a damaged file. */
export function parseIndex(bytes: Buffer): IndexFile | null {
  const damaged = (why: string) => new DamagedIndex(why);
  if (bytes.length < 32 || bytes.toString('latin1', 0, 4) !== 'DIRC') throw damaged('it does not start like an index');
  const body = bytes.subarray(0, bytes.length - 20);
  if (!createHash('sha1').update(body).digest().equals(bytes.subarray(bytes.length - 20))) throw damaged('its checksum does not match');
  const version = bytes.readUInt32BE(4);
  if (version !== 2 && version !== 3) return null;
  const count = bytes.readUInt32BE(8);
  const entries: IndexEntry[] = [];
  let at = 12;
  for (let i = 0; i < count; i++) {
    if (at + 62 > body.length) throw damaged('it ends inside an entry');
    const flags = bytes.readUInt16BE(at + 60);
    const hasExtended = (flags & 0x4000) !== 0;
    const extended = hasExtended ? bytes.readUInt16BE(at + 62) : 0;
    const nameStart = at + 62 + (hasExtended ? 2 : 0);
    const nameEnd = bytes.indexOf(0, nameStart);
    if (nameEnd < 0 || nameEnd > body.length) throw damaged('a path has no end');
    entries.push({
      ctimeSeconds: bytes.readUInt32BE(at),
      ctimeNanoseconds: bytes.readUInt32BE(at + 4),
      mtimeSeconds: bytes.readUInt32BE(at + 8),
      mtimeNanoseconds: bytes.readUInt32BE(at + 12),
      dev: bytes.readUInt32BE(at + 16),
      ino: bytes.readUInt32BE(at + 20),
      mode: bytes.readUInt32BE(at + 24),
      uid: bytes.readUInt32BE(at + 28),
      gid: bytes.readUInt32BE(at + 32),
      size: bytes.readUInt32BE(at + 36),
      oid: bytes.toString('hex', at + 40, at + 60),
      assumeValid: (flags & 0x8000) !== 0,
      stage: (flags >> 12) & 3,
      extended,
      path: bytes.toString('utf8', nameStart, nameEnd),
    });
    at += entryLength(nameEnd - at);
  }
  while (at + 8 <= body.length) {
    const signature = bytes.toString('latin1', at, at + 4);
    if (!droppable.has(signature)) return null;
    at += 8 + bytes.readUInt32BE(at + 4);
  }
  return { version: version === 3 || entries.some((e) => e.extended !== 0) ? 3 : 2, entries };
}

/** An entry's bytes from its start to the end of its padding: 1–8 NULs after the path, to a multiple of 8. */
const entryLength = (upToPathEnd: number) => (upToPathEnd + 8) & ~7;

/** Git's order: by the path's bytes, then by stage. */
export function compareEntries(a: IndexEntry, b: IndexEntry): number {
  if (a.path !== b.path) return Buffer.compare(Buffer.from(a.path), Buffer.from(b.path));
  return a.stage - b.stage;
}

/** The bytes of an index holding `index.entries` (sorted by the caller). */
export function serializeIndex(index: IndexFile): Buffer {
  const version = index.entries.some((e) => e.extended !== 0) ? 3 : index.version;
  const parts: Buffer[] = [];
  const header = Buffer.alloc(12);
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(version, 4);
  header.writeUInt32BE(index.entries.length, 8);
  parts.push(header);
  for (const entry of index.entries) {
    const name = Buffer.from(entry.path);
    const fixed = 62 + (entry.extended ? 2 : 0);
    const buffer = Buffer.alloc(entryLength(fixed + name.length));
    const fields = [entry.ctimeSeconds, entry.ctimeNanoseconds, entry.mtimeSeconds, entry.mtimeNanoseconds, entry.dev, entry.ino, entry.mode, entry.uid, entry.gid, entry.size];
    fields.forEach((value, i) => buffer.writeUInt32BE(value % 2 ** 32, i * 4));
    buffer.write(entry.oid, 40, 'hex');
    const flags = (entry.assumeValid ? 0x8000 : 0) | (entry.extended ? 0x4000 : 0) | (entry.stage << 12) | Math.min(name.length, 0xfff);
    buffer.writeUInt16BE(flags, 60);
    if (entry.extended) buffer.writeUInt16BE(entry.extended, 62);
    name.copy(buffer, fixed);
    parts.push(buffer);
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

/**
 * Writes the index as git does: into `index.lock` (created only if absent, so a git running in a
 * terminal is not overwritten) and renamed over `index`.
 */
export async function writeIndexFile(gitdir: string, index: IndexFile): Promise<void> {
  const target = path.join(gitdir, 'index');
  const lock = `${target}.lock`;
  let handle;
  try {
    handle = await open(lock, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new RepositoryBusy(lock);
    }
    throw error;
  }
  try {
    await handle.writeFile(serializeIndex(index));
    await handle.sync();
    await handle.close();
    await rename(lock, target);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(lock, { force: true });
    throw error;
  }
}
