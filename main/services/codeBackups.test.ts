// Unsaved code text kept by the host: per app, replaced atomically, listed back byte for byte,
// removed when saved; damaged or foreign files in the folder do not hide the others.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CodeBackups } from './codeBackups';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'studio-backups-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('CodeBackups', () => {
  it('keeps each app’s backups apart and gives them back as written', async () => {
    let now = 5;
    const backups = new CodeBackups(root, () => now);
    const text = `{"a": "æøå 👍\r\n${'x'.repeat(100_000)}`;
    await backups.write('/apps/one', 'App/ui/form/layouts/Side1.json', text, '{}');
    now = 6;
    await backups.write('/apps/one', 'App/config/texts/resource.nb.json', '{', null);
    await backups.write('/apps/two', 'App/ui/form/layouts/Side1.json', 'other', 'base');
    expect(await backups.list('/apps/one')).toEqual([
      { path: 'App/config/texts/resource.nb.json', text: '{', base: null, savedAt: 6 },
      { path: 'App/ui/form/layouts/Side1.json', text, base: '{}', savedAt: 5 },
    ]);
    expect((await backups.list('/apps/two')).map((b) => b.text)).toEqual(['other']);
    expect(await backups.list('/apps/none')).toEqual([]);
  });

  it('replaces a backup, removes it, and leaves no temporary files', async () => {
    const backups = new CodeBackups(root);
    await backups.write('/apps/one', 'a.json', 'first', 'x');
    await backups.write('/apps/one', 'a.json', 'second', 'x');
    expect((await backups.list('/apps/one')).map((b) => b.text)).toEqual(['second']);
    const [folder] = readdirSync(root);
    expect(readdirSync(path.join(root, folder!))).toHaveLength(1);
    await backups.remove('/apps/one', 'a.json');
    await backups.remove('/apps/one', 'never.json');
    expect(await backups.list('/apps/one')).toEqual([]);
  });

  it('passes over a damaged backup and a file that is not one', async () => {
    const backups = new CodeBackups(root);
    await backups.write('/apps/one', 'a.json', 'kept', null);
    const [folder] = readdirSync(root);
    writeFileSync(path.join(root, folder!, 'cut.json'), '{"path": "b.json", "text": "hal');
    writeFileSync(path.join(root, folder!, 'foreign.json'), JSON.stringify({ path: 'c.json', text: 'not at its place', base: null, savedAt: 1 }));
    expect((await backups.list('/apps/one')).map((b) => b.path)).toEqual(['a.json']);
  });
});
