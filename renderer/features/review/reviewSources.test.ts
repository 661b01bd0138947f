import { describe, expect, it } from 'vitest';
import type { GitCommit } from '../../../core/api';
import { appRelative, lastPushedVersion, lastTagVersion, versionFiles, type VersionChoices } from './reviewSources';

const commit = (oid: string): GitCommit => ({ oid, parents: [], author: { name: 'a', email: 'a@x' }, date: 0, message: oid });

describe('review sources', () => {
  it('reads a version as the working tree with the files that differ read from that version', async () => {
    const calls: unknown[] = [];
    const api = {
      invoke: (async (channel: string, args: { ref?: string; path?: string }) => {
        calls.push([channel, args]);
        if (channel === 'git:compare') {return [
          { path: 'app/App/ui/a.json', change: 'modified' },
          { path: 'app/App/new.json', change: 'added' },
          { path: 'app/logo.png', change: 'modified' },
          { path: 'other/x.json', change: 'modified' },
        ];}
        if (channel === 'git:fileAt') return { content: args.path === 'app/App/new.json' ? null : `old ${args.path}` };
        throw new Error(channel);
      }) as never,
    };
    const working = new Map([['App/ui/a.json', 'new a'], ['App/new.json', 'added'], ['App/same.json', 'same']]);
    const files = await versionFiles(api, 'HEAD', working, 'app');
    expect([...files]).toEqual([['App/ui/a.json', 'old app/App/ui/a.json'], ['App/new.json', null], ['App/same.json', 'same']]);
    expect(await versionFiles(api, null, working, 'app')).toEqual(working);
    expect(calls.filter((c) => (c as string[])[0] === 'git:fileAt')).toHaveLength(2);
  });

  it('maps repository paths into the app folder', () => {
    expect(appRelative('App/x.json', '')).toBe('App/x.json');
    expect(appRelative('apps/a/App/x.json', 'apps/a')).toBe('App/x.json');
    expect(appRelative('apps/ab/App/x.json', 'apps/a')).toBeNull();
  });

  it('finds the last push and the newest tag on the history', () => {
    const choices: VersionChoices = {
      branch: 'main',
      appPath: '',
      branches: [],
      tags: [{ name: 'v1', oid: 'c3', message: null }, { name: 'v2', oid: 'c2', message: null }],
      commits: [commit('c1'), commit('c2'), commit('c3')],
    };
    expect(lastPushedVersion(choices)).toBe('origin/main');
    expect(lastTagVersion(choices)).toBe('v2');
    expect(lastTagVersion({ ...choices, tags: [] })).toBeNull();
    expect(lastPushedVersion({ ...choices, branch: null })).toBeNull();
  });
});
