import type { FileChange } from '../../core/api';
import type { FileChanges } from '../commands/history';
import { errorData } from './workspaceStore';

/** Where the document's writes stand. */
export interface SaveStatus {
  /** A write is on its way to the host. */
  readonly saving: boolean;
  /** Why the last write failed; writing stops until `retry`. The edits stay in the model. */
  readonly error: string | null;
  /** Paths with edits not on disk yet, in the order they were made. */
  readonly unsaved: readonly string[];
}

export interface FileWriteQueue {
  /** Queues changes after the ones before them; they go out together with others queued meanwhile. */
  push(changes: FileChanges): void;
  /** Writes again after a failure. */
  retry(): void;
  /** True while `path` has a change queued or in flight (a `files:changed` about it is our own). */
  pending(path: string): boolean;
  /** The changes not on disk yet (latest text per path), in order. */
  unsaved(): FileChanges;
  /** Resolves when nothing is queued or in flight, or writing stopped at a failure. */
  idle(): Promise<void>;
}

/**
 * Serialised writes: one `write` in flight at a time, and what is queued meanwhile goes out next as
 * one change (latest text per path wins, so the disk ends where the model is). A failed write keeps
 * its changes in front of later ones and stops until `retry`, so nothing is lost or reordered.
 */
export function createFileWriteQueue(write: (changes: FileChange[]) => Promise<unknown>, report: (status: SaveStatus) => void): FileWriteQueue {
  let queued = new Map<string, string | null>();
  let inFlight: ReadonlyMap<string, string | null> | null = null;
  let error: string | null = null;
  let waiting: (() => void)[] = [];

  const unsaved = (): Map<string, string | null> => new Map([...(inFlight ?? []), ...queued]);
  const settle = () => {
    report({ saving: inFlight !== null, error, unsaved: [...unsaved().keys()] });
    if (inFlight === null && (queued.size === 0 || error !== null)) {
      const done = waiting;
      waiting = [];
      for (const resolve of done) resolve();
    }
  };
  const pump = () => {
    if (inFlight !== null || error !== null || queued.size === 0) return;
    const batch = queued;
    inFlight = batch;
    queued = new Map();
    // The request goes out before the status is reported (reporting re-renders the status bar).
    const written = write([...batch].map(([path, content]) => ({ path, content })));
    settle();
    written.then(
      () => {
        inFlight = null;
        settle();
        pump();
      },
      (failure: unknown) => {
        // Later edits of the same paths win over the failed batch when it is written again.
        queued = new Map([...batch, ...queued]);
        inFlight = null;
        error = errorData(failure).message;
        settle();
      },
    );
  };

  return {
    push: (changes) => {
      for (const [path, text] of changes) {
        // Re-inserting moves the path behind older ones, so the order of edits is kept.
        queued.delete(path);
        queued.set(path, text);
      }
      if (inFlight === null && error === null) pump();
      else settle();
    },
    retry: () => {
      if (error === null) return;
      error = null;
      pump();
      if (inFlight === null) settle();
    },
    pending: (path) => queued.has(path) || (inFlight?.has(path) ?? false),
    unsaved,
    idle: () =>
      inFlight === null && (queued.size === 0 || error !== null)
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            waiting.push(resolve);
          }),
  };
}
