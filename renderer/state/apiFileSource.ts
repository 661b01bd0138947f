import type { FileEntry, StudioApi } from '../../core/api';
import type { FileSource } from '../../core/app/fileSource';

/** Most paths the contract accepts in one `workspace:readFiles` request. */
const maxBatch = 5000;

interface Pending {
  readonly path: string;
  resolve(text: string): void;
  reject(error: unknown): void;
}

/**
 * A file source over the studio API. Reads asked for in the same tick go out as one
 * `workspace:readFiles` request, so reading a whole app costs one round trip, not one per file.
 * When that request fails (one file is gone), each file is read on its own so only that one fails.
 */
export function apiFileSource(api: StudioApi, files: readonly FileEntry[]): FileSource {
  let queue: Pending[] = [];

  const readOneByOne = (batch: Pending[]) => {
    for (const item of batch) {
      api.invoke('workspace:readFile', { path: item.path }).then((file) => item.resolve(file.content), item.reject);
    }
  };

  const flush = () => {
    const batch = queue;
    queue = [];
    for (let start = 0; start < batch.length; start += maxBatch) {
      const part = batch.slice(start, start + maxBatch);
      if (part.length === 1) {
        readOneByOne(part);
        continue;
      }
      const paths = [...new Set(part.map((p) => p.path))];
      api.invoke('workspace:readFiles', { paths }).then(
        (contents) => {
          const byPath = new Map(contents.map((c) => [c.path, c.content]));
          const missing = part.filter((item) => !byPath.has(item.path));
          for (const item of part) if (byPath.has(item.path)) item.resolve(byPath.get(item.path)!);
          readOneByOne(missing);
        },
        () => readOneByOne(part),
      );
    }
  };

  return {
    files,
    read: (path) =>
      new Promise<string>((resolve, reject) => {
        if (queue.length === 0) queueMicrotask(flush);
        queue.push({ path, resolve, reject });
      }),
  };
}
