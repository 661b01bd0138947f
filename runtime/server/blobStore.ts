/**
 * Where the bytes of attachments live when the instance store keeps them out of its database: an
 * object store shaped like S3's object API (put, get, delete by key), so an S3-compatible store can
 * stand behind it. `fileBlobStore` keeps each object as a file in a folder; for several replicas of
 * the runtime host that folder has to be one they all share (a shared volume).
 *
 * Keys are relative, `/`-separated paths, e.g. `<instanceGuid>/<dataElementId>/<version>`.
 */
import { promises as fs, type Dir } from 'node:fs';
import path from 'node:path';
import { atomicTempName, writeFileAtomic } from './atomicWrite';

export interface BlobStore {
  /** Stores `bytes` under `key`, replacing what was there; once it resolves the object is durable. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes under `key`, or null when there is no such object. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the object under `key`; a key with no object is no error. */
  delete(key: string): Promise<void>;
  /**
   * Every object whose key starts with `prefix` (all when absent), with when it was last written, page
   * by page as the store hands them out (never all at once), in no promised order.
   */
  list(prefix?: string): AsyncIterable<BlobEntry>;
  /**
   * Removes what writes that never finished left behind, written before `before` (a file store's temp
   * files of a process that died mid-write); how many. A store whose writes leave nothing has none.
   */
  removeUnfinished?(before: Date): Promise<number>;
}

export interface BlobEntry {
  readonly key: string;
  readonly lastModified: Date;
}

/** One key segment: letters, digits, `.`, `_`, `-`, not starting with a dot (so never `.`, `..` or a temp file's name). */
const segment = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** Refuses a key that is empty, absolute, longer than S3 allows, or has a segment outside `segment` (`..` among them). */
export function checkBlobKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > 1024 || !key.split('/').every((part) => segment.test(part))) {
    throw new Error(`Not a blob key: "${String(key)}" (relative, /-separated segments of letters, digits, ".", "_" and "-", none starting with a dot)`);
  }
}

const isCode = (error: unknown, ...codes: string[]) => codes.includes((error as NodeJS.ErrnoException).code ?? '');

/**
 * A BlobStore in the folder `dir`: an object is the file at its key. A put writes a temp file beside it,
 * fsyncs it, renames it over the key and fsyncs the folder, so a reader or a crash sees the old object or
 * the new one, never part of one. Folders a delete leaves empty are removed.
 */
export function fileBlobStore(dir: string): BlobStore {
  const root = path.resolve(dir);
  const fileOf = (key: string) => {
    checkBlobKey(key);
    return path.join(root, ...key.split('/'));
  };

  const writeOnce = async (file: string, bytes: Uint8Array) => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, bytes);
  };

  /** Removes the folders above `file` that are left empty, up to the root. */
  const pruneFolders = async (file: string) => {
    for (let folder = path.dirname(file); folder !== root && folder.startsWith(root + path.sep); folder = path.dirname(folder)) {
      try {
        await fs.rmdir(folder);
      } catch (error) {
        if (isCode(error, 'ENOTEMPTY', 'EEXIST', 'ENOENT')) break;
        throw error;
      }
    }
  };

  /**
   * Every file under `folder`, depth first, read a folder entry at a time (a root of millions of
   * instance folders is never held in memory), with its mtime; `temp` tells a put's temp file. Folders
   * and files a delete removes meanwhile are passed over.
   */
  async function* walk(folder: string, keyPrefix: string): AsyncGenerator<{ key: string; file: string; temp: boolean; lastModified: Date }> {
    let dir: Dir;
    try {
      dir = await fs.opendir(folder);
    } catch (error) {
      if (isCode(error, 'ENOENT', 'ENOTDIR')) return;
      throw error;
    }
    for await (const entry of dir) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (segment.test(entry.name)) yield* walk(file, `${keyPrefix}${entry.name}/`);
      } else if (entry.isFile()) {
        const temp = atomicTempName.test(entry.name);
        if (!temp && !segment.test(entry.name)) continue;
        const stat = await fs.stat(file).catch((error: unknown) => {
          if (isCode(error, 'ENOENT')) return null;
          throw error;
        });
        if (stat) yield { key: `${keyPrefix}${entry.name}`, file, temp, lastModified: stat.mtime };
      }
    }
  }

  return {
    list: async function* (prefix = '') {
      // Only the folder the prefix's complete segments name is walked.
      const folderPart = prefix.slice(0, prefix.lastIndexOf('/') + 1);
      if (folderPart.split('/').slice(0, -1).some((part) => !segment.test(part))) return;
      for await (const found of walk(path.join(root, ...folderPart.split('/').filter(Boolean)), folderPart)) {
        if (!found.temp && found.key.startsWith(prefix)) yield { key: found.key, lastModified: found.lastModified };
      }
    },

    removeUnfinished: async (before) => {
      let removed = 0;
      for await (const found of walk(root, '')) {
        if (found.temp && found.lastModified < before) {
          await fs.rm(found.file, { force: true });
          await pruneFolders(found.file);
          removed++;
        }
      }
      return removed;
    },

    put: async (key, bytes) => {
      const file = fileOf(key);
      // A delete of a neighbour may remove the (then empty) folder between mkdir and open: make it again.
      for (let attempt = 0; ; attempt++) {
        try {
          return await writeOnce(file, bytes);
        } catch (error) {
          if (attempt >= 3 || !isCode(error, 'ENOENT')) throw error;
        }
      }
    },

    get: async (key) => {
      const file = fileOf(key);
      try {
        return new Uint8Array(await fs.readFile(file));
      } catch (error) {
        if (isCode(error, 'ENOENT', 'ENOTDIR')) return null;
        throw error;
      }
    },

    delete: async (key) => {
      const file = fileOf(key);
      await fs.rm(file, { force: true });
      await pruneFolders(file);
    },
  };
}
