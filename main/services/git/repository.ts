/**
 * git: finding a repository and reading where HEAD points (a branch, a detached commit, or a
 * branch with no commits yet).
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { NotARepository } from './errors';

/** Where HEAD points: a branch (with its commit, null before the first commit) or a bare commit. */
export type HeadState = { kind: 'branch'; branch: string; oid: string | null } | { kind: 'detached'; oid: string };

/** The root of the git repository holding `folder` (the folder itself or one above it). */
export async function findRepositoryRoot(folder: string): Promise<string> {
  try {
    return await git.findRoot({ fs, filepath: folder });
  } catch {
    throw new NotARepository(folder);
  }
}

/** Reads HEAD without resolving through missing refs. */
export async function readHead(dir: string): Promise<HeadState> {
  let target: string;
  try {
    // depth 1 stops at HEAD's own content: 'ref: refs/heads/x' for a branch, an oid when detached.
    target = (await git.resolveRef({ fs, dir, ref: 'HEAD', depth: 1 })).replace(/^ref:\s*/, '');
  } catch {
    throw new NotARepository(dir);
  }
  if (!target.startsWith('refs/')) return { kind: 'detached', oid: target };
  const branch = target.replace(/^refs\/heads\//, '');
  try {
    return { kind: 'branch', branch, oid: await git.resolveRef({ fs, dir, ref: target }) };
  } catch {
    return { kind: 'branch', branch, oid: null };
  }
}

/** The commit HEAD points at, or null before the first commit. */
export async function headOid(dir: string): Promise<string | null> {
  const head = await readHead(dir);
  return head.oid;
}
