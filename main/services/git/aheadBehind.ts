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

async function ancestors(dir: string, tip: string | null, cache: object): Promise<Set<string>> {
  const seen = new Set<string>();
  const stack = tip ? [tip] : [];
  while (stack.length > 0) {
    const oid = stack.pop() as string;
    if (seen.has(oid)) continue;
    seen.add(oid);
    const { commit } = await git.readCommit({ fs, dir, oid, cache });
    stack.push(...commit.parent);
  }
  return seen;
}

/** Counts the commits each of two tips has that the other lacks (null: no commits), unqueued. */
export async function countAheadBehind(dir: string, local: string | null, remote: string | null, cache: object): Promise<AheadBehind> {
  if (local === remote) return { ahead: 0, behind: 0 };
  const [mine, theirs] = [await ancestors(dir, local, cache), await ancestors(dir, remote, cache)];
  let ahead = 0;
  let behind = 0;
  for (const oid of mine) if (!theirs.has(oid)) ahead++;
  for (const oid of theirs) if (!mine.has(oid)) behind++;
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
