/**
 * The blob sweep: removes blobs no row points at. sqlStorage puts a blob before the transaction that
 * points a row at it, so a transaction that fails (or a process that dies) after the put leaves a blob
 * nobody will read; the sweep finds those and deletes them.
 *
 * It walks the store's listing page by page (never the whole store in memory): the blobs older than
 * the grace period, of the storage's own key shape, are checked against the database a page at a time
 * (one indexed query each), and the ones no committed row names are deleted. A blob younger than the
 * grace period is never touched: its write may still be about to commit. A row never comes to point at
 * an old blob (every write puts a blob under a fresh key first), so once old and unreferenced, a blob
 * stays unreferenced, and several replicas sweeping at once only delete the same orphans twice, which
 * deleting allows.
 */
import type { BlobEntry, BlobStore } from './blobStore';
import { isStorageBlobKey } from './sqlStorage';

export interface BlobSweepOptions {
  readonly blobs: BlobStore;
  /** Of a page of keys, the ones a committed row points at (`SqlRuntimeStorage.referencedBlobs`). */
  readonly referenced: (keys: readonly string[]) => Promise<ReadonlySet<string>>;
  /** Blobs written less than this long ago are left alone; default 1 hour. */
  readonly graceMs?: number;
  /** The time now; default the clock. */
  readonly now?: () => Date;
  /** Keys checked per database query; default 1000. */
  readonly pageSize?: number;
  /** Which keys are the storage's to sweep; default sqlStorage's key shape (a shared bucket's other objects are left). */
  readonly isOurs?: (key: string) => boolean;
  /** Stops the sweep between pages (the host closing). */
  readonly signal?: AbortSignal;
}

export interface BlobSweepResult {
  /** Old blobs checked against the database. */
  readonly checked: number;
  /** Of those, the ones deleted (no row pointed at them). */
  readonly removed: number;
  /** Leftovers of writes that never finished (a file store's temp files) removed. */
  readonly unfinished: number;
}

export const defaultBlobGraceMs = 60 * 60 * 1000;

/** Deletes `keys`, a few at a time. */
async function deleteAll(blobs: BlobStore, keys: readonly string[]): Promise<void> {
  const queue = [...keys];
  const worker = async () => {
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) await blobs.delete(key);
  };
  await Promise.all(Array.from({ length: Math.min(8, queue.length) }, worker));
}

/** Runs one sweep; resolves to what it did. A failure (of the store or the database) stops it with that error. */
export async function sweepBlobs(options: BlobSweepOptions): Promise<BlobSweepResult> {
  const { blobs, referenced, signal } = options;
  const pageSize = options.pageSize ?? 1000;
  const isOurs = options.isOurs ?? isStorageBlobKey;
  const cutoff = new Date((options.now ?? (() => new Date()))().getTime() - (options.graceMs ?? defaultBlobGraceMs));
  let checked = 0;
  let removed = 0;

  const sweepPage = async (page: readonly BlobEntry[]) => {
    const keys = page.map((entry) => entry.key);
    const used = await referenced(keys);
    const orphans = keys.filter((key) => !used.has(key));
    await deleteAll(blobs, orphans);
    checked += keys.length;
    removed += orphans.length;
  };

  let page: BlobEntry[] = [];
  for await (const entry of blobs.list()) {
    signal?.throwIfAborted();
    if (entry.lastModified >= cutoff || !isOurs(entry.key)) continue;
    page.push(entry);
    if (page.length >= pageSize) {
      await sweepPage(page);
      page = [];
    }
  }
  signal?.throwIfAborted();
  if (page.length > 0) await sweepPage(page);
  const unfinished = (await blobs.removeUnfinished?.(cutoff)) ?? 0;
  return { checked, removed, unfinished };
}
