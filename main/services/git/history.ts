/**
 * git: history, a page at a time, newest first. The cursor is the walk's frontier (the commits
 * still to visit), so the next page continues exactly where the last stopped, merges included,
 * without walking the pages before it again.
 */
import fs from 'node:fs';
import git, { type ReadCommitResult } from 'isomorphic-git';
import { BranchNotFound } from './errors';
import { readHead } from './repository';
import { inRepoQueue } from './repoQueue';

/** One commit of the history. Its changed files come from `commitChanges`, when asked for. */
export interface HistoryEntry {
  oid: string;
  parents: string[];
  author: { name: string; email: string };
  /** The author date, as milliseconds since 1970. */
  date: number;
  message: string;
}

/** A page of history and the cursor of the next one (null when this was the last). */
export interface HistoryPage {
  entries: HistoryEntry[];
  next: string | null;
}

const toEntry = ({ oid, commit }: ReadCommitResult): HistoryEntry => ({
  oid,
  parents: commit.parent,
  author: { name: commit.author.name, email: commit.author.email },
  date: commit.author.timestamp * 1000,
  message: commit.message,
});

/** Up to `pageSize` commits from `cursor` (a previous page's `next`), or from `ref` (default HEAD). */
export function history(dir: string, options: { pageSize?: number; cursor?: string | null; ref?: string } = {}): Promise<HistoryPage> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const pageSize = Math.max(1, options.pageSize ?? 50);
    let start: string[];
    if (options.cursor) start = options.cursor.split(',');
    else if (options.ref) {
      const ref = options.ref;
      start = [await git.resolveRef({ fs, dir, ref }).catch(() => Promise.reject(new BranchNotFound(ref)))];
    }
    else {
      const head = await readHead(dir);
      start = head.oid ? [head.oid] : [];
    }
    const seen = new Set<string>(start);
    const frontier: ReadCommitResult[] = await Promise.all(start.map((oid) => git.readCommit({ fs, dir, oid, cache })));
    const entries: HistoryEntry[] = [];
    while (frontier.length > 0 && entries.length < pageSize) {
      // Newest committer date first, as `git log` does.
      frontier.sort((a, b) => b.commit.committer.timestamp - a.commit.committer.timestamp);
      const next = frontier.shift() as ReadCommitResult;
      entries.push(toEntry(next));
      for (const parent of next.commit.parent) {
        if (seen.has(parent)) continue;
        seen.add(parent);
        frontier.push(await git.readCommit({ fs, dir, oid: parent, cache }));
      }
    }
    return { entries, next: frontier.length > 0 ? frontier.map((c) => c.oid).join(',') : null };
  });
}
