/**
 * Where the bytes of attachments live when the instance store keeps them out of its database: an
 * object store shaped like S3's object API (put, get, delete by key), so an S3-compatible store can
 * stand behind it. `fileBlobStore` keeps each object as a file in a folder; for several replicas of
 * the runtime host that folder has to be one they all share (a shared volume).
 *
 * Keys are relative, `/`-separated paths, e.g. `<instanceGuid>/<dataElementId>/<version>`.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface BlobStore {
  /** Stores `bytes` under `key`, replacing what was there; once it resolves the object is durable. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes under `key`, or null when there is no such object. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the object under `key`; a key with no object is no error. */
  delete(key: string): Promise<void>;
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

/** Makes a rename or removal in `dir` durable; a platform that cannot fsync a folder is let be. */
async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!isCode(error, 'EISDIR', 'EPERM', 'EINVAL', 'EBADF')) throw error;
  } finally {
    await handle?.close();
  }
}

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
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
    try {
      const handle = await fs.open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, file);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    await syncDir(path.dirname(file));
  };

  return {
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
      for (let folder = path.dirname(file); folder !== root && folder.startsWith(root + path.sep); folder = path.dirname(folder)) {
        try {
          await fs.rmdir(folder);
        } catch (error) {
          if (isCode(error, 'ENOTEMPTY', 'EEXIST', 'ENOENT')) break;
          throw error;
        }
      }
    },
  };
}
