/**
 * git: the single-writer queue. Operations on one repository run one at a time, in the order they
 * were asked for, so a status never reads a half-written index and two writers never interleave.
 * Reads take their turn too: isomorphic-git reads are quick, and sharing one queue keeps it simple.
 */
import path from 'node:path';

const tails = new Map<string, Promise<unknown>>();

/** Runs `operation` when every earlier operation on the repository in `dir` has finished. */
export function inRepoQueue<T>(dir: string, operation: () => Promise<T>): Promise<T> {
  const key = path.resolve(dir);
  const previous = tails.get(key) ?? Promise.resolve();
  const result = previous.then(operation, operation);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return result;
}
