// Stash: made the way git makes stashes (native git reads ours, we read native git's), applied with
// the merge's understanding of Altinn files, and nothing lost on push, apply, pop or drop.
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { commit } from './commit';
import { WouldOverwrite } from './errors';
import { readRecoveredFile, recover, recoveryList } from './recoveryStore';
import { stage } from './stage';
import { NothingToStash, stashDrop, stashList, stashPush, StashNotFound } from './stash';
import { stashApply } from './stashApply';
import { makeRepo, readText, testAuthor, writeFiles } from './testing/repoFixture';

const temp = tempDirs('studio-stash-');
afterAll(() => temp.cleanup());

const native = (dir: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
const page = (...components: { id: string; label: string }[]) =>
  `${JSON.stringify({ data: { layout: components.map((c) => ({ id: c.id, type: 'Input', textResourceBindings: { title: c.label } })) } }, null, 2)}\n`;

async function dirtyRepo(): Promise<string> {
  const dir = await makeRepo(temp.make(), { 'App/ui/form/layouts/page.json': page({ id: 'a', label: 'A' }, { id: 'b', label: 'B' }), 'notes.txt': 'one\n', 'old.txt': 'old\n' });
  await writeFiles(dir, { 'notes.txt': 'staged\n' });
  await stage(dir, ['notes.txt']);
  await writeFiles(dir, { 'notes.txt': 'staged then edited\n', 'App/ui/form/layouts/page.json': page({ id: 'a', label: 'A stashed' }, { id: 'b', label: 'B' }), 'old.txt': null, 'App/ui/form/layouts/new-page.json': page({ id: 'n', label: 'New' }) });
  return dir;
}

describe('stash', () => {
  it('puts every change aside (new files too) as native git stashes them, and takes it back byte for byte', async () => {
    const dir = await dirtyRepo();
    const stash = await stashPush(dir, { message: 'half-done labels', author: testAuthor });
    expect(stash.message).toBe('On main: half-done labels');
    expect(native(dir, 'status', '--porcelain')).toBe('');
    expect(existsSync(path.join(dir, 'App/ui/form/layouts/new-page.json'))).toBe(false);
    // Native git sees the same stash, its files, and its staged version.
    expect(native(dir, 'stash', 'list')).toBe('stash@{0}: On main: half-done labels\n');
    expect(native(dir, 'show', 'stash@{0}^2:notes.txt')).toBe('staged\n');
    expect(native(dir, 'show', 'stash@{0}^3:App/ui/form/layouts/new-page.json')).toBe(page({ id: 'n', label: 'New' }));
    expect(native(dir, 'fsck', '--strict', '--no-progress')).toBe('');
    expect((await stashList(dir)).map((s) => [s.message, s.files])).toEqual([
      ['On main: half-done labels', [{ path: 'App/ui/form/layouts/new-page.json', change: 'added' }, { path: 'App/ui/form/layouts/page.json', change: 'modified' }, { path: 'notes.txt', change: 'modified' }, { path: 'old.txt', change: 'deleted' }]],
    ]);

    const result = await stashApply(dir, 0, { drop: true });
    expect(result.recovery).toBeNull();
    expect(await readText(dir, 'notes.txt')).toBe('staged then edited\n');
    expect(await readText(dir, 'App/ui/form/layouts/page.json')).toBe(page({ id: 'a', label: 'A stashed' }, { id: 'b', label: 'B' }));
    expect(await readText(dir, 'App/ui/form/layouts/new-page.json')).toBe(page({ id: 'n', label: 'New' }));
    expect(await readText(dir, 'old.txt')).toBeNull();
    expect(await stashList(dir)).toEqual([]);
    expect(native(dir, 'stash', 'list')).toBe('');
  });

  it('reads and applies a stash native git made', async () => {
    const dir = await dirtyRepo();
    native(dir, 'stash', 'push', '-u', '-m', 'from the terminal');
    const [stash] = await stashList(dir);
    expect(stash!.message).toBe('On main: from the terminal');
    expect(stash!.files.map((f) => f.path)).toEqual(['App/ui/form/layouts/new-page.json', 'App/ui/form/layouts/page.json', 'notes.txt', 'old.txt']);
    await stashApply(dir, 0);
    expect(await readText(dir, 'App/ui/form/layouts/new-page.json')).toBe(page({ id: 'n', label: 'New' }));
    expect(await readText(dir, 'notes.txt')).toBe('staged then edited\n');
    expect(native(dir, 'stash', 'list')).toBe('stash@{0}: On main: from the terminal\n');
  });

  it('merges a stash into a page changed since by component, keeping the page as it was in the recovery list', async () => {
    const dir = await dirtyRepo();
    await stashPush(dir, { author: testAuthor });
    await writeFiles(dir, { 'App/ui/form/layouts/page.json': page({ id: 'a', label: 'A' }, { id: 'b', label: 'B committed' }) });
    await stage(dir, ['App/ui/form/layouts/page.json']);
    await commit(dir, { message: 'B', author: testAuthor });
    await writeFiles(dir, { 'App/ui/form/layouts/page.json': page({ id: 'a', label: 'A' }, { id: 'b', label: 'B working' }) });

    const result = await stashApply(dir, 0);
    expect(result.merged).toEqual(['App/ui/form/layouts/page.json']);
    expect(JSON.parse((await readText(dir, 'App/ui/form/layouts/page.json'))!)).toEqual(JSON.parse(page({ id: 'a', label: 'A stashed' }, { id: 'b', label: 'B working' })));
    const kept = result.recovery!;
    expect(kept.files.map((f) => f.path)).toEqual(['App/ui/form/layouts/page.json']);
    expect(Buffer.from((await readRecoveredFile(dir, kept.id, 'App/ui/form/layouts/page.json'))!).toString()).toBe(page({ id: 'a', label: 'A' }, { id: 'b', label: 'B working' }));
  });

  it('refuses to apply over a clashing edit, naming the file and changing nothing; keep-copy takes the stash and keeps the edit', async () => {
    const dir = await dirtyRepo();
    await stashPush(dir, { author: testAuthor });
    await writeFiles(dir, { 'App/ui/form/layouts/page.json': page({ id: 'a', label: 'A mine' }, { id: 'b', label: 'B' }) });
    const error = await stashApply(dir, 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WouldOverwrite);
    expect(String(error)).toContain('App/ui/form/layouts/page.json');
    expect(await readText(dir, 'App/ui/form/layouts/page.json')).toBe(page({ id: 'a', label: 'A mine' }, { id: 'b', label: 'B' }));
    expect(await readText(dir, 'App/ui/form/layouts/new-page.json')).toBeNull();
    expect(await recoveryList(dir)).toEqual([]);

    const result = await stashApply(dir, 0, { onDirty: 'keep-copy' });
    expect(await readText(dir, 'App/ui/form/layouts/page.json')).toBe(page({ id: 'a', label: 'A stashed' }, { id: 'b', label: 'B' }));
    expect(Buffer.from((await readRecoveredFile(dir, result.recovery!.id, 'App/ui/form/layouts/page.json'))!).toString()).toBe(page({ id: 'a', label: 'A mine' }, { id: 'b', label: 'B' }));
    expect(await stashList(dir)).toHaveLength(1);
  });

  it('drops a stash into the recovery list, from where its files come back', async () => {
    const dir = await dirtyRepo();
    await stashPush(dir, { message: 'first', author: testAuthor });
    await writeFiles(dir, { 'notes.txt': 'second\n' });
    await stashPush(dir, { message: 'second', author: testAuthor });
    expect((await stashList(dir)).map((s) => s.message)).toEqual(['On main: second', 'On main: first']);

    const kept = await stashDrop(dir, 1);
    expect((await stashList(dir)).map((s) => s.message)).toEqual(['On main: second']);
    expect(native(dir, 'stash', 'list')).toBe('stash@{0}: On main: second\n');
    expect(kept!.operation).toBe('drop stash "On main: first"');
    await recover(dir, kept!.id);
    expect(await readText(dir, 'App/ui/form/layouts/new-page.json')).toBe(page({ id: 'n', label: 'New' }));
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('staged then edited\n');

    await expect(stashDrop(dir, 5)).rejects.toThrow(StashNotFound);
    await expect(stashApply(dir, 5)).rejects.toThrow(StashNotFound);
  });

  it('takes folders that only held new files with them, and brings them back', async () => {
    const dir = await makeRepo(temp.make(), { 'App/a.json': '{}\n' });
    await writeFiles(dir, { 'docs/guide/intro.md': '# Intro\n', 'App/b.json': '[]\n' });
    await stashPush(dir, { author: testAuthor });
    expect(existsSync(path.join(dir, 'docs'))).toBe(false);
    expect(existsSync(path.join(dir, 'App/a.json'))).toBe(true);
    await stashApply(dir, 0);
    expect(await readText(dir, 'docs/guide/intro.md')).toBe('# Intro\n');
  });

  it('says when there is nothing to stash', async () => {
    const dir = await makeRepo(temp.make(), { 'a.txt': 'a' });
    await expect(stashPush(dir, { author: testAuthor })).rejects.toThrow(NothingToStash);
  });
});
