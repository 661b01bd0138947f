import fs from 'node:fs';
import fc from 'fast-check';
import git from 'isomorphic-git';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { countAheadBehind } from './aheadBehind';
import { commitAll, makeRepo, writeFiles } from './testing/repoFixture';

const temp = tempDirs('studio-git-');
afterAll(() => temp.cleanup());

async function commitsOn(dir: string, branch: string, count: number): Promise<string> {
  await git.checkout({ fs, dir, ref: branch });
  let oid = '';
  for (let i = 0; i < count; i++) {
    await writeFiles(dir, { [`${branch}.txt`]: `${branch} ${i}` });
    oid = await commitAll(dir, `${branch} ${i}`);
  }
  return oid;
}

describe('countAheadBehind', () => {
  it('counts the commits each side has since the merge base', async () => {
    const dir = await makeRepo(temp.make(), { 'a.txt': 'a' });
    const base = await commitsOn(dir, 'main', 3);
    await git.branch({ fs, dir, ref: 'other', object: base });
    const mainTip = await commitsOn(dir, 'main', 2);
    const otherTip = await commitsOn(dir, 'other', 4);
    expect(await countAheadBehind(dir, mainTip, otherTip, {})).toEqual({ ahead: 2, behind: 4 });
    expect(await countAheadBehind(dir, base, mainTip, {})).toEqual({ ahead: 0, behind: 2 });
    expect(await countAheadBehind(dir, mainTip, mainTip, {})).toEqual({ ahead: 0, behind: 0 });
    expect(await countAheadBehind(dir, mainTip, null, {})).toEqual({ ahead: 6, behind: 0 });
  });

  it('agrees with counting full ancestor sets on random histories, same-second commits included', async () => {
    const dir = await makeRepo(temp.make());
    const tree = await git.writeTree({ fs, dir, tree: [] });
    const graph = fc.array(fc.record({ parents: fc.uniqueArray(fc.nat(), { maxLength: 2 }), later: fc.nat(2) }), { minLength: 1, maxLength: 14 });
    await fc.assert(
      fc.asyncProperty(graph, fc.nat(), fc.nat(), async (nodes, a, b) => {
        const oids: string[] = [];
        const times: number[] = [];
        for (const [i, node] of nodes.entries()) {
          const parents = i === 0 ? [] : [...new Set(node.parents.map((p) => p % i))];
          const timestamp = Math.max(1_700_000_000, ...parents.map((p) => times[p] as number)) + node.later;
          const author = { name: 'T', email: 't@e', timestamp, timezoneOffset: 0 };
          oids.push(await git.commit({ fs, dir, tree, parent: parents.map((p) => oids[p] as string), message: `c${i} ${Math.random()}`, author, noUpdateBranch: true }));
          times.push(timestamp);
        }
        const ancestors = async (tip: string) => {
          const seen = new Set<string>();
          const stack = [tip];
          while (stack.length) {
            const oid = stack.pop() as string;
            if (seen.has(oid)) continue;
            seen.add(oid);
            stack.push(...(await git.readCommit({ fs, dir, oid })).commit.parent);
          }
          return seen;
        };
        const [x, y] = [oids[a % oids.length] as string, oids[b % oids.length] as string];
        const [mine, theirs] = [await ancestors(x), await ancestors(y)];
        const expected = { ahead: [...mine].filter((o) => !theirs.has(o)).length, behind: [...theirs].filter((o) => !mine.has(o)).length };
        expect(await countAheadBehind(dir, x, y, {})).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
