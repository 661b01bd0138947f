// Properties of merges where a path is a file on one side and a folder on another, and modes change:
// an aborted merge leaves the working tree (modes included) and the index exactly as they were, and a
// merge whose conflicts are settled with any sides commits exactly what the working tree then holds.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { merge } from './merge';
import { abortMerge, concludeMerge, conflictKey, mergeProgress, resolveMergeConflict } from './mergeResolve';
import { committedFiles, partedRepo, snapshotAll, workingFiles, type TreeSpec } from './mergeTestRepos';
import { status } from './status';
import { testAuthor } from './testing/repoFixture';

const temp = tempDirs('studio-merge-trees-');
afterAll(() => temp.cleanup());

const text = fc.constantFrom('one\n', 'two\n');
const blob = fc.record({ text, exec: fc.boolean() }).map((b) => (b.exec ? { text: b.text, exec: true as const } : b.text));
const folder = fc.record({ 'd/x': fc.option(blob), 'd/y/z': fc.option(blob) });
/** What a side has at `d`: nothing, a file, or a folder. */
const atD = fc.oneof(fc.constant({}), blob.map((b) => ({ d: b })), folder);
const side = fc.record({ d: atD, 'e.sh': fc.option(blob) });

function specOf(value: { d: Record<string, TreeSpec[string] | null>; 'e.sh': TreeSpec[string] | null }, conflict: string): TreeSpec {
  const spec: TreeSpec = { 'conflict.txt': conflict };
  for (const [p, v] of Object.entries({ ...value.d, 'e.sh': value['e.sh'] })) if (v !== null) spec[p] = v;
  return spec;
}

type Side = Parameters<typeof specOf>[0];
const parted = async (base: Side, ours: Side, theirs: Side) =>
  partedRepo(temp.make(), specOf(base, 'base\n'), specOf(ours, 'ours\n'), specOf(theirs, 'theirs\n'));

it('abort restores the exact working tree, modes and index, untracked files in clashing folders included', async () => {
  await fc.assert(
    fc.asyncProperty(side, side, side, fc.boolean(), async (base, ours, theirs, untracked) => {
      const dir = await parted(base, ours, theirs);
      if (untracked && 'd/x' in ours.d) await writeFile(path.join(dir, 'd/notes.txt'), 'mine\n').catch(() => undefined);
      const before = await snapshotAll(dir);
      const result = await merge(dir, 'feature', { author: testAuthor, onDirty: 'keep-copy' });
      expect(result.outcome).toBe('conflicts');
      await abortMerge(dir);
      expect(await snapshotAll(dir)).toEqual(before);
      expect(await mergeProgress(dir)).toBeNull();
    }),
    { numRuns: 40 },
  );
}, 120_000);

it('settling every conflict with any side commits exactly the working tree, nothing half-applied', async () => {
  await fc.assert(
    fc.asyncProperty(side, side, side, fc.infiniteStream(fc.constantFrom('ours' as const, 'theirs' as const)), async (base, ours, theirs, choices) => {
      const dir = await parted(base, ours, theirs);
      let progress = (await merge(dir, 'feature', { author: testAuthor })).progress;
      while (progress && progress.conflicts.length > 0) {
        const [conflict] = progress.conflicts;
        progress = await resolveMergeConflict(dir, conflictKey(conflict!.file, conflict!.id), choices.next().value);
      }
      const oid = await concludeMerge(dir, { author: testAuthor });
      const working = await workingFiles(dir);
      const committed = await committedFiles(dir, oid);
      expect(Object.keys(working).sort()).toEqual(Object.keys(committed).sort());
      for (const [p, value] of Object.entries(working)) expect(`100${value}`).toBe(committed[p]);
      expect(Object.keys(working).some((p) => p.includes('~theirs'))).toBe(false);
      expect(await status(dir)).toEqual([]);
    }),
    { numRuns: 40 },
  );
}, 120_000);
