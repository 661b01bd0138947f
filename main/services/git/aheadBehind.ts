/**
 * git: how far the current branch and its remote-tracking branch have moved apart, from the refs
 * the last fetch left (no network).
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { readHead } from './repository';
import { inRepoQueue } from './repoQueue';

/** Commits only the branch has (ahead) and only its remote counterpart has (behind). */
export interface AheadBehind {
  ahead: number;
  behind: number;
}

const mine = 1;
const theirs = 2;
const both = mine | theirs;

/**
 * Counts the commits each of two tips has that the other lacks (null: no commits), unqueued.
 * Walks both histories together, newest first, marking each commit with the side(s) it is reached
 * from; a commit whose mark grows is walked again so its parents learn it. It stops once only
 * commits of both sides are left and none of them is as new as a one-sided commit (commits made
 * in the same second come in any order), so the history below the merge base is never read.
 */
export async function countAheadBehind(dir: string, local: string | null, remote: string | null, cache: object): Promise<AheadBehind> {
  if (local === remote) return { ahead: 0, behind: 0 };
  const marks = new Map<string, number>();
  const dates = new Map<string, number>();
  const queue = new Set<string>();
  const reach = async (oid: string, mark: number) => {
    const known = marks.get(oid) ?? 0;
    if ((known | mark) === known) return;
    if (!dates.has(oid)) dates.set(oid, (await git.readCommit({ fs, dir, oid, cache })).commit.committer.timestamp);
    marks.set(oid, known | mark);
    queue.add(oid);
  };
  const dateOf = (oid: string) => dates.get(oid) ?? 0;
  if (local) await reach(local, mine);
  if (remote) await reach(remote, theirs);
  while (queue.size > 0) {
    const queued = [...queue].sort((a, b) => dateOf(b) - dateOf(a));
    const newest = queued[0] as string;
    if (queued.every((oid) => marks.get(oid) === both)) {
      const oneSided = [...marks].filter(([, mark]) => mark !== both).map(([oid]) => dateOf(oid));
      if (oneSided.length === 0 || dateOf(newest) < Math.min(...oneSided)) break;
    }
    queue.delete(newest);
    const mark = marks.get(newest) as number;
    const { commit } = await git.readCommit({ fs, dir, oid: newest, cache });
    for (const parent of commit.parent) await reach(parent, mark);
  }
  let ahead = 0;
  let behind = 0;
  for (const mark of marks.values()) {
    if (mark === mine) ahead++;
    else if (mark === theirs) behind++;
  }
  return { ahead, behind };
}

/** The oid of `refs/remotes/<remote>/<branch>`, or null when it was never fetched. */
export async function remoteBranchOid(dir: string, remote: string, branch: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs, dir, ref: `refs/remotes/${remote}/${branch}` });
  } catch {
    return null;
  }
}

/** Ahead/behind of the current branch against `<remote>/<branch>` as last fetched; null when detached. */
export function aheadBehind(dir: string, remote = 'origin'): Promise<AheadBehind | null> {
  return inRepoQueue(dir, async () => {
    const head = await readHead(dir);
    if (head.kind !== 'branch') return null;
    return countAheadBehind(dir, head.oid, await remoteBranchOid(dir, remote, head.branch), {});
  });
}
