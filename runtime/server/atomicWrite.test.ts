import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../main/testing/tempDirs';
import { writeFileAtomic } from './atomicWrite';

const temp = tempDirs();
afterAll(() => temp.cleanup());

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temp file behind', async () => {
    const dir = temp.make();
    const file = path.join(dir, 'a.json');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new content');
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('keeps the file mode of the file it replaces', async () => {
    const dir = temp.make();
    const file = path.join(dir, 'run.sh');
    writeFileSync(file, '#!/bin/sh');
    chmodSync(file, 0o755);
    await writeFileAtomic(file, '#!/bin/sh\necho hi');
    expect(statSync(file).mode & 0o777).toBe(0o755);
  });

  it('leaves the old content and no temp file when the write fails', async () => {
    const dir = temp.make();
    const file = path.join(dir, 'keep.json');
    writeFileSync(file, 'precious');
    // A folder where the target should be makes the final rename fail after the temp file was written.
    const blocked = path.join(dir, 'blocked');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(blocked, 'x'), { recursive: true });
    await expect(writeFileAtomic(blocked, 'data')).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('precious');
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'keep.json']);
  });
});
