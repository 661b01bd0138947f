/**
 * Property: whatever uncommitted state the working tree and the index are in, switch, pull, hard
 * reset, discard, stash and stash apply lose none of it — each changed file's working bytes (or its absence) and its staged
 * version are either still where they were or in the recovery list, byte-identical.
 */
import fs from 'node:fs';
import { cp, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import git from 'isomorphic-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { createBranch } from './branches';
import { discard } from './discard';
import { WouldOverwrite } from './errors';
import { pull } from './pull';
import { push } from './push';
import { readRecoveredFile, recoveryList } from './recoveryStore';
import { reset } from './reset';
import { stage } from './stage';
import { switchBranch } from './switchBranch';
import { startGitHttpServer, type GitHttpServer } from './testing/gitHttpServer';
import { NothingToStash, stashPush } from './stash';
import { stashApply } from './stashApply';
import { commitAll, makeRepo, testAuthor, writeFiles } from './testing/repoFixture';
import type { DirtyPolicy } from './workingTreeGuard';

const universe = ['App/a.json', 'App/b.json', 'App/sub/c.json', 'd.txt', 'new1.json', 'new2.json'];
const temp = tempDirs('studio-git-property-');
let server: GitHttpServer;
let template: string;

beforeAll(async () => {
  server = await startGitHttpServer();
  const url = server.createRepo('app');
  template = await makeRepo(temp.make(), { 'App/a.json': 'a0', 'App/b.json': 'b0', 'App/sub/c.json': 'c0', 'd.txt': 'd0' });
  const base = await git.resolveRef({ fs, dir: template, ref: 'HEAD' });
  await git.addRemote({ fs, dir: template, remote: 'origin', url });
  await createBranch(template, 'other');
  await switchBranch(template, 'other');
  await writeFiles(template, { 'App/a.json': 'a-other', 'App/b.json': null, 'App/sub/c.json': 'c-other', 'new1.json': 'n1-other' });
  await commitAll(template, 'Other');
  await switchBranch(template, 'main');
  // The remote gets a commit that the working copies do not have yet: pull has something to bring.
  await writeFiles(template, { 'App/a.json': 'a-remote', 'd.txt': null, 'new2.json': 'n2-remote' });
  await commitAll(template, 'Remote');
  await push(template);
  await git.writeRef({ fs, dir: template, ref: 'refs/heads/main', value: base, force: true });
  await git.checkout({ fs, dir: template, ref: 'main', force: true });
  // A stash every working copy has, to apply over its random changes.
  await writeFiles(template, { 'App/a.json': 'a-stash', 'd.txt': null, 'new1.json': 'n1-stash' });
  await stashPush(template, { message: 'aside', author: testAuthor });
});
afterAll(async () => {
  await server.stop();
  temp.cleanup();
});

type Edit = { kind: 'keep' } | { kind: 'write'; bytes: Uint8Array; stage: boolean; after: Uint8Array | null } | { kind: 'delete'; stage: boolean };

const bytes = fc.oneof(fc.constantFrom('a0', 'b0', 'a-remote', 'c-other').map((s) => new Uint8Array(Buffer.from(s))), fc.uint8Array({ maxLength: 12 }));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'keep' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('write' as const), bytes, stage: fc.boolean(), after: fc.option(bytes, { nil: null, freq: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), stage: fc.boolean() }) },
);
const edits = fc.tuple(...universe.map(() => edit));

/** A fresh working copy of the template with `plan` applied. */
async function dirtyCopy(plan: Edit[]): Promise<string> {
  const dir = path.join(await realpath(temp.make()), 'copy');
  await cp(template, dir, { recursive: true });
  for (const [i, step] of plan.entries()) {
    const file = universe[i] as string;
    if (step.kind === 'keep') continue;
    if (step.kind === 'delete') await writeFiles(dir, { [file]: null });
    else await writeFiles(dir, { [file]: step.bytes });
    if (step.stage) await stage(dir, [file]);
    if (step.kind === 'write' && step.after) await writeFiles(dir, { [file]: step.after });
  }
  return dir;
}

interface FileState {
  working: Buffer | null;
  staged: Buffer | null;
}

async function readState(dir: string): Promise<Map<string, FileState>> {
  const cache = {};
  const head = await git.resolveRef({ fs, dir, ref: 'HEAD' });
  const headBlobs = new Map<string, string>();
  const stagedBlobs = new Map<string, string>();
  await git.walk({
    fs, dir, cache, trees: [git.TREE({ ref: head }), git.STAGE()],
    map: async (filepath, [inHead, inStage]) => {
      if (inHead && (await inHead.type()) === 'blob') headBlobs.set(filepath, await inHead.oid());
      if (inStage && (await inStage.type()) === 'blob') stagedBlobs.set(filepath, await inStage.oid());
      return true;
    },
  });
  const state = new Map<string, FileState>();
  for (const file of universe) {
    const working = await readFile(path.join(dir, file)).catch(() => null);
    const stagedOid = stagedBlobs.get(file);
    const staged = stagedOid ? Buffer.from((await git.readBlob({ fs, dir, oid: stagedOid, cache })).blob) : null;
    const headBlob = headBlobs.get(file);
    const headBytes = headBlob ? Buffer.from((await git.readBlob({ fs, dir, oid: headBlob, cache })).blob) : null;
    const same = (a: Buffer | null, b: Buffer | null) => (a === null ? b === null : b !== null && a.equals(b));
    // Only uncommitted changes count: a file like HEAD's in both places has nothing to lose.
    if (!same(working, headBytes) || !same(staged, headBytes)) state.set(file, { working, staged });
  }
  return state;
}

/** Every uncommitted change before is in the tree/index after, or in a recovery entry, byte-identical. */
async function expectNothingLost(dir: string, before: Map<string, FileState>): Promise<void> {
  const now = new Map<string, FileState>();
  for (const file of universe) {
    const working = await readFile(path.join(dir, file)).catch(() => null);
    now.set(file, { working, staged: null });
  }
  const entries = await recoveryList(dir);
  for (const [file, was] of before) {
    const here = now.get(file)?.working ?? null;
    const stillThere = was.working === null ? here === null : here !== null && was.working.equals(here);
    let recovered = false;
    for (const entry of entries) {
      const kept = entry.files.find((f) => f.path === file);
      if (!kept) continue;
      const bytes = await readRecoveredFile(dir, entry.id, file);
      const workingKept = was.working === null ? !kept.inWorkingTree : bytes !== null && was.working.equals(bytes);
      const stagedBytes = kept.hasStagedVersion ? await readRecoveredFile(dir, entry.id, file, 'staged') : bytes;
      const stagedKept = was.staged === null || (kept.hasStagedVersion ? stagedBytes !== null && was.staged.equals(stagedBytes) : was.working !== null && was.staged.equals(was.working));
      if (workingKept && stagedKept) recovered = true;
    }
    if (!recovered) {
      expect(stillThere, `${file}: working bytes lost`).toBe(true);
      if (was.staged) {
        const cache = {};
        const index = await git.walk({ fs, dir, cache, trees: [git.STAGE()], map: async (p, [e]) => (p === file && e ? e.oid() : undefined) });
        const stagedOid = (index as string[]).find(Boolean);
        const stagedNow = stagedOid ? Buffer.from((await git.readBlob({ fs, dir, oid: stagedOid, cache })).blob) : null;
        expect(stagedNow !== null && was.staged.equals(stagedNow), `${file}: staged version lost`).toBe(true);
      }
    }
  }
}

// Mostly keep-copy: a refusal changes nothing, so it is the less interesting half.
const policy = fc.constantFrom<DirtyPolicy>('keep-copy', 'keep-copy', 'refuse');
const settings = { numRuns: 8, endOnFailure: true };

async function tolerateRefusal(operation: Promise<unknown>): Promise<void> {
  try {
    await operation;
  } catch (error) {
    if (!(error instanceof WouldOverwrite)) throw error;
  }
}

/** Checks the property for an operation that refuses or keeps a copy, as `onDirty` says. */
function guardedOperationLosesNothing(operation: (dir: string, onDirty: DirtyPolicy) => Promise<unknown>) {
  return fc.assert(
    fc.asyncProperty(edits, policy, async (plan, onDirty) => {
      const dir = await dirtyCopy(plan);
      const before = await readState(dir);
      await tolerateRefusal(operation(dir, onDirty));
      await expectNothingLost(dir, before);
    }),
    settings,
  );
}

describe('no uncommitted change is lost', () => {
  it('by switching branches', () => guardedOperationLosesNothing((dir, onDirty) => switchBranch(dir, 'other', { onDirty })));

  it('by pulling', () => guardedOperationLosesNothing((dir, onDirty) => pull(dir, { onDirty })));

  it('by a hard reset', () => guardedOperationLosesNothing((dir, onDirty) => reset(dir, 'other', { mode: 'hard', onDirty })));

  it('by applying a stash', () => guardedOperationLosesNothing((dir, onDirty) => stashApply(dir, 0, { onDirty })));

  it('by stashing: the stash holds every working and staged version, and applying it brings the working ones back', async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (plan) => {
        const dir = await dirtyCopy(plan);
        const before = await readState(dir);
        try {
          await stashPush(dir, { author: testAuthor });
        } catch (error) {
          if (error instanceof NothingToStash && before.size === 0) return;
          throw error;
        }
        const cache = {};
        const stash = await git.resolveRef({ fs, dir, ref: 'refs/stash' });
        const { commit } = await git.readCommit({ fs, dir, oid: stash, cache });
        const blobAt = async (oid: string | undefined, filepath: string) =>
          oid ? await git.readBlob({ fs, dir, oid, filepath, cache }).then((r) => Buffer.from(r.blob), () => null) : null;
        for (const [file, was] of before) {
          const stashed = (await blobAt(stash, file)) ?? (await blobAt(commit.parent[2], file));
          expect(stashed === null ? was.working === null : was.working !== null && stashed.equals(was.working), `${file}: working version in the stash`).toBe(true);
          const stagedThere = await blobAt(commit.parent[1], file);
          expect(was.staged === null ? stagedThere === null : stagedThere !== null && stagedThere.equals(was.staged), `${file}: staged version in the stash`).toBe(true);
        }
        expect(await readState(dir)).toEqual(new Map());
        await stashApply(dir, 0);
        for (const [file, was] of before) {
          const now = await readFile(path.join(dir, file)).catch(() => null);
          expect(was.working === null ? now === null : now !== null && now.equals(was.working), `${file}: back after apply`).toBe(true);
        }
      }),
      settings,
    );
  });

  it('by discarding', async () => {
    await fc.assert(
      fc.asyncProperty(edits, fc.subarray(universe, { minLength: 1 }), async (plan, files) => {
        const dir = await dirtyCopy(plan);
        const before = await readState(dir);
        await discard(dir, files);
        await expectNothingLost(dir, before);
      }),
      settings,
    );
  });
});
