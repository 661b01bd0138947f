/**
 * git: branches — list (with the current one), create, rename, delete, and where HEAD is (a branch,
 * or a detached commit reported as such). Switching is its own verb (switchBranch.ts): it guards the
 * working tree.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { BranchExists, BranchNotFound, BranchNotMerged, CurrentBranch, NoCommits } from './errors';
import { readHead, type HeadState } from './repository';
import { inRepoQueue } from './repoQueue';

/** A local branch: its name, its commit, and whether it is checked out. */
export interface Branch {
  name: string;
  oid: string;
  current: boolean;
}

async function branchOid(dir: string, name: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs, dir, ref: `refs/heads/${name}` });
  } catch {
    return null;
  }
}

/** Where HEAD is: a branch (oid null before its first commit) or a detached commit. */
export function currentBranch(dir: string): Promise<HeadState> {
  return inRepoQueue(dir, () => readHead(dir));
}

/** The local branches, sorted by name. */
export function listBranches(dir: string): Promise<Branch[]> {
  return inRepoQueue(dir, async () => {
    const head = await readHead(dir);
    const names = (await git.listBranches({ fs, dir })).sort();
    const branches: Branch[] = [];
    for (const name of names) {
      const oid = await branchOid(dir, name);
      if (oid) branches.push({ name, oid, current: head.kind === 'branch' && head.branch === name });
    }
    return branches;
  });
}

/** Creates `name` at `startPoint` (a branch, tag or oid; default HEAD), without switching to it. */
export function createBranch(dir: string, name: string, startPoint?: string): Promise<Branch> {
  return inRepoQueue(dir, async () => {
    if (await branchOid(dir, name)) throw new BranchExists(name);
    let oid: string;
    if (startPoint) {
      try {
        oid = await git.resolveRef({ fs, dir, ref: startPoint });
      } catch {
        throw new BranchNotFound(startPoint);
      }
    } else {
      const head = await readHead(dir);
      if (!head.oid) throw new NoCommits('branch from');
      oid = head.oid;
    }
    await git.branch({ fs, dir, ref: name, object: oid });
    return { name, oid, current: false };
  });
}

/** Renames branch `from` to `to`; HEAD follows when `from` is checked out. */
export function renameBranch(dir: string, from: string, to: string): Promise<void> {
  return inRepoQueue(dir, async () => {
    if (!(await branchOid(dir, from))) throw new BranchNotFound(from);
    if (await branchOid(dir, to)) throw new BranchExists(to);
    const head = await readHead(dir);
    await git.renameBranch({ fs, dir, oldref: from, ref: to, checkout: head.kind === 'branch' && head.branch === from });
  });
}

/** Deletes `name`. Refuses the current branch, and (unless `force`) one with commits no other branch has. */
export function deleteBranch(dir: string, name: string, options: { force?: boolean } = {}): Promise<void> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const oid = await branchOid(dir, name);
    if (!oid) throw new BranchNotFound(name);
    const head = await readHead(dir);
    if (head.kind === 'branch' && head.branch === name) throw new CurrentBranch(name);
    if (!options.force) {
      const others = [...(await git.listBranches({ fs, dir })).filter((b) => b !== name).map((b) => `refs/heads/${b}`)];
      for (const remote of await git.listRemotes({ fs, dir })) {
        for (const b of await git.listBranches({ fs, dir, remote: remote.remote })) if (b !== 'HEAD') others.push(`refs/remotes/${remote.remote}/${b}`);
      }
      let kept = false;
      for (const ref of others) {
        const other = await git.resolveRef({ fs, dir, ref });
        if (other === oid || (await git.isDescendent({ fs, dir, oid: other, ancestor: oid, depth: -1, cache }))) {
          kept = true;
          break;
        }
      }
      if (!kept) throw new BranchNotMerged(name);
    }
    await git.deleteBranch({ fs, dir, ref: name });
  });
}
