// Warm status: after random file changes reported path by path (as the file watcher does), the kept
// status is the same as a full one; an index change nobody reported (another git) is noticed too.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import git from 'isomorphic-git';
import { afterAll, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { stage } from './stage';
import { status } from './status';
import { StatusCache } from './statusCache';
import { makeRepo, writeFiles } from './testing/repoFixture';

const temp = tempDirs('studio-status-cache-');
afterAll(() => temp.cleanup());

const files = ['a.txt', 'b.json', 'dir/c.txt', 'dir/sub/d.json', 'e.txt', 'new.txt', 'dir/new.json', 'x.log', 'ignored/y.txt', 'dir/z.log'];
const step = fc.record({
  file: fc.constantFrom(...files),
  action: fc.constantFrom('write', 'write', 'delete', 'stage', 'deleteFolder'),
  text: fc.constantFrom('1', '2', 'a.txt base'),
});

it('gives the same answer as a full status after random reported changes', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(step, { maxLength: 4 }), { minLength: 1, maxLength: 4 }), async (rounds) => {
      const dir = await makeRepo(temp.make(), { ...Object.fromEntries(files.slice(0, 5).map((f) => [f, `${f} base`])), '.gitignore': '*.log\nignored/\n' });
      const cache = new StatusCache();
      expect(await cache.read(dir)).toEqual(await status(dir));
      for (const round of rounds) {
        const reported: string[] = [];
        for (const { file, action, text } of round) {
          if (action === 'write') await writeFiles(dir, { [file]: text });
          else if (action === 'delete') await writeFiles(dir, { [file]: null });
          else if (action === 'deleteFolder') {
            fs.rmSync(path.join(dir, 'dir'), { recursive: true, force: true });
            reported.push('dir');
            continue;
          } else {
            if (fs.existsSync(path.join(dir, file))) await git.add({ fs, dir, filepath: file });
            cache.wrote(dir, [file]);
            continue;
          }
          reported.push(file);
        }
        cache.changed(dir, reported);
        expect(await cache.read(dir)).toEqual(await status(dir));
      }
    }),
    { numRuns: 40 },
  );
}, 120_000);

it('reads everything again when another program changed the index or HEAD', async () => {
  const dir = await makeRepo(temp.make(), { 'a.txt': '1' });
  const cache = new StatusCache();
  await writeFiles(dir, { 'a.txt': '2' });
  cache.changed(dir, ['a.txt']);
  expect(await cache.read(dir)).toEqual([{ path: 'a.txt', staged: null, unstaged: 'modified' }]);
  execFileSync('git', ['add', 'a.txt'], { cwd: dir });
  expect(await cache.read(dir)).toEqual([{ path: 'a.txt', staged: 'modified', unstaged: null }]);
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-qm', 'Two'], { cwd: dir });
  expect(await cache.read(dir)).toEqual([]);
});

it('follows staging before the first commit, by file, by folder and by the whole tree', async () => {
  for (const paths of [['App/a.json', 'b.txt'], ['App'], ['.'], ['']]) {
    const dir = await makeRepo(temp.make());
    await writeFiles(dir, { 'App/a.json': '1', 'b.txt': '2' });
    const cache = new StatusCache();
    expect(await cache.read(dir)).toEqual(await status(dir));
    await stage(dir, paths.filter(Boolean).length ? paths : ['.']);
    cache.wrote(dir, paths);
    expect(await cache.read(dir)).toEqual(await status(dir));
  }
});
