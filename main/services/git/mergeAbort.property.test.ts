// Property: whatever the two branches changed and whatever uncommitted work lies around (modified,
// new, deleted and staged files), a merge that stops on conflicts and is aborted leaves every file of
// the working tree and the index byte for byte as they were; the work it set aside is in the recovery list.
import fs from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import git from 'isomorphic-git';
import { afterAll, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { createBranch } from './branches';
import { merge } from './merge';
import { abortMerge, mergeProgress } from './mergeResolve';
import { switchBranch } from './switchBranch';
import { commitAll, makeRepo, testAuthor, writeFiles } from './testing/repoFixture';

const temp = tempDirs('studio-merge-abort-');
afterAll(() => temp.cleanup());

const files = ['a.txt', 'b.json', 'dir/c.txt', 'dir/d.json', 'e.txt'];
const content = fc.oneof(fc.constantFrom('one\n', 'two\n', '{"x":1}\n', '{"x":2}\n'), fc.string({ maxLength: 12 }), fc.constant(null));
const edits = fc.dictionary(fc.constantFrom(...files), content, { maxKeys: 4 });
const dirty = fc.record({ edits: fc.dictionary(fc.constantFrom(...files, 'new.txt', 'dir/new.json'), content, { maxKeys: 4 }), stage: fc.subarray([...files, 'new.txt']) });

/** Every file of the working tree (outside .git) and the index, as bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (folder: string) => {
    for (const entry of await readdir(path.join(dir, folder), { withFileTypes: true })) {
      const rel = folder ? `${folder}/${entry.name}` : entry.name;
      if (rel === '.git') continue;
      if (entry.isDirectory()) await walk(rel);
      else out[rel] = (await readFile(path.join(dir, rel))).toString('base64');
    }
  };
  await walk('');
  out['.git/index'] = (await readFile(path.join(dir, '.git', 'index'))).toString('base64');
  return out;
}

it('abort restores the exact working tree and index before the merge', async () => {
  await fc.assert(
    fc.asyncProperty(edits, edits, dirty, async (oursEdits, theirsEdits, work) => {
      const dir = await makeRepo(temp.make(), Object.fromEntries(files.map((f) => [f, `${f} base\n`])));
      await createBranch(dir, 'feature');
      await switchBranch(dir, 'feature');
      // Both sides change 'conflict.txt' differently, so every merge stops on at least one conflict.
      await writeFiles(dir, { ...theirsEdits, 'conflict.txt': 'theirs\n' });
      await commitAll(dir, 'Theirs');
      await switchBranch(dir, 'main');
      await writeFiles(dir, { ...oursEdits, 'conflict.txt': 'ours\n' });
      await commitAll(dir, 'Ours');
      await writeFiles(dir, work.edits);
      const present = work.stage.filter((f) => fs.existsSync(path.join(dir, f)));
      if (present.length > 0) await git.add({ fs, dir, filepath: present });
      const before = await snapshot(dir);
      const result = await merge(dir, 'feature', { author: testAuthor, onDirty: 'keep-copy' });
      expect(result.outcome).toBe('conflicts');
      await abortMerge(dir);
      expect(await snapshot(dir)).toEqual(before);
      expect(await mergeProgress(dir)).toBeNull();
    }),
    { numRuns: 25 },
  );
}, 120_000);
