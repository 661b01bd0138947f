/**
 * git: take a stash back into the working tree. isomorphic-git's own apply overwrites changed files
 * without asking; here each file of the stash meets the working file three ways (the stash's base
 * commit, the working file, the stash): a file left alone since gets the stash's version, a file
 * changed since is merged as the merge merges it (Altinn files by component, text key, …), and only a
 * file where both truly clash is in the way — refused, naming it, or with `keep-copy` replaced by the
 * stash's version. Every working file the apply rewrites (merged or clashing) is first copied to the
 * recovery store. The index is left as it is (as `git stash apply` without --index).
 */
import fs from 'node:fs';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { mergeFile } from '../../../core/merge';
import { writeFileAtomic } from '../../../runtime/server/atomicWrite';
import { asText } from './blobText';
import { WouldOverwrite } from './errors';
import { snapshotFiles, type RecoveryEntry } from './recoveryStore';
import { inRepoQueue } from './repoQueue';
import { findStash, stashContents } from './stash';
import { readChanges } from './status';
import { dropStashLog } from './stashLog';
import type { DirtyPolicy } from './workingTreeGuard';

/** What applying a stash did: files written (merged ones named apart) and the copy of work set aside, if any. */
export interface StashApplyResult {
  written: string[];
  merged: string[];
  recovery: RecoveryEntry | null;
}

async function readWorking(dir: string, filepath: string): Promise<Uint8Array | null> {
  try {
    return await readFile(path.join(dir, filepath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
    throw error;
  }
}

const same = (a: Uint8Array | null, b: Uint8Array | null) => (a === null || b === null ? a === b : Buffer.from(a).equals(Buffer.from(b)));

type Plan = { path: string; content: Uint8Array | null; merged: boolean } | { path: string; clash: true; content: Uint8Array | null };

/** What the stash's version of one file becomes against the working file, unqueued. */
function planFile(filepath: string, base: Uint8Array | null, working: Uint8Array | null, stashed: Uint8Array | null): Plan | null {
  if (same(working, stashed)) return null;
  if (same(working, base)) return { path: filepath, content: stashed, merged: false };
  const texts = [base, working, stashed].map((b) => (b ? asText(b) : null));
  const isText = (b: Uint8Array | null, t: string | null) => b === null || t !== null;
  if (isText(base, texts[0]!) && isText(working, texts[1]!) && isText(stashed, texts[2]!)) {
    const result = mergeFile(filepath, texts[0]!, texts[1]!, texts[2]!);
    if (result.conflicts.length === 0) return { path: filepath, content: result.text === null ? null : Buffer.from(result.text), merged: true };
  }
  return { path: filepath, clash: true, content: stashed };
}

/**
 * Applies `stash@{index}` to the working tree; with `drop`, removes it from the list afterwards (pop).
 * Throws WouldOverwrite (policy `refuse`) when a file clashes with uncommitted work, and StashNotFound.
 */
export function stashApply(dir: string, index: number, options: { drop?: boolean; onDirty?: DirtyPolicy } = {}): Promise<StashApplyResult> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const stash = await findStash(dir, index);
    const { commit } = await git.readCommit({ fs, dir, oid: stash.oid, cache });
    const base = commit.parent[0] ?? null;
    const readBase = async (filepath: string) => {
      if (!base) return null;
      try {
        return (await git.readBlob({ fs, dir, oid: base, filepath, cache })).blob;
      } catch {
        return null;
      }
    };
    const plans: Plan[] = [];
    for (const file of await stashContents(dir, stash.oid, cache)) {
      const plan = planFile(file.path, await readBase(file.path), await readWorking(dir, file.path), file.content);
      if (plan) plans.push(plan);
    }
    const clashes = plans.filter((p) => 'clash' in p).map((p) => p.path);
    if (clashes.length > 0 && (options.onDirty ?? 'refuse') === 'refuse') throw new WouldOverwrite(`apply the stash "${stash.message}"`, clashes);
    // Every file about to be rewritten that holds uncommitted work (merged, clashing, or changed in the
    // working tree or the index since the last commit) is kept as it was first.
    const uncommitted = new Set((await readChanges(dir, cache, plans.map((p) => p.path))).map((c) => c.path));
    const rewritten = plans.filter((p) => 'clash' in p || p.merged || uncommitted.has(p.path)).map((p) => p.path);
    const recovery = await snapshotFiles(dir, `apply stash "${stash.message}"`, rewritten, cache);
    for (const plan of plans) {
      const target = path.join(dir, plan.path);
      if (plan.content === null) await unlink(target).catch(() => undefined);
      else {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFileAtomic(target, plan.content);
      }
    }
    if (options.drop) await dropStashLog(path.join(dir, '.git'), index);
    return { written: plans.map((p) => p.path), merged: plans.filter((p) => 'merged' in p && p.merged).map((p) => p.path), recovery };
  });
}
