import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs, writeMinimalApp } from '../testing/tempDirs';
import { RecentApps } from './recentApps';

const temp = tempDirs();
afterAll(() => temp.cleanup());

describe('RecentApps', () => {
  it('keeps the newest first, once each, and marks missing apps', async () => {
    const config = temp.make();
    const a = temp.make();
    const b = temp.make();
    await writeMinimalApp(a);
    const recent = new RecentApps(config);
    await recent.remember(a, 'a', new Date('2026-01-01T10:00:00Z'));
    await recent.remember(b, 'b', new Date('2026-01-02T10:00:00Z'));
    await recent.remember(a, 'a', new Date('2026-01-03T10:00:00Z'));
    expect(await recent.list()).toEqual([
      { dir: a, name: 'a', openedAt: '2026-01-03T10:00:00.000Z', available: true },
      { dir: b, name: 'b', openedAt: '2026-01-02T10:00:00.000Z', available: false },
    ]);
    expect((await recent.forget(b)).map((r) => r.name)).toEqual(['a']);
    expect(await new RecentApps(config).list()).toHaveLength(1);
  });

  it('starts empty when the stored list is damaged, and repairs it on the next open', async () => {
    const config = temp.make();
    writeFileSync(path.join(config, 'recent-apps.json'), '{not json');
    const recent = new RecentApps(config);
    expect(await recent.list()).toEqual([]);
    await recent.remember('/x', 'x');
    expect((await recent.list()).map((r) => r.dir)).toEqual(['/x']);
  });
});
