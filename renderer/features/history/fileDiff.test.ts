import { describe, expect, it } from 'vitest';
import type { GitChange, GitRepoState } from '../../../core/api';
import { fakeApi } from '../../state/fakeApi';
import { appRelativePath, readDiffTexts } from './fileDiff';

const repo: GitRepoState = { isRepo: true, branch: 'main', head: 'a'.repeat(40), appPath: 'app', remote: null, ahead: null, behind: null, merging: null, hasCredentials: false };
const api = fakeApi({
  'git:fileAt': ({ path }) => ({ content: path === 'app/new.json' ? null : 'head\n' }),
  'git:fileAtIndex': ({ path }) => ({ content: `staged ${path}\n` }),
  'workspace:readFile': ({ path }) => ({ path, content: `work ${path}\n` }),
});
const read = (change: GitChange, side: 'staged' | 'unstaged') => readDiffTexts(api, repo, change, side);

describe('which texts a change is shown between', () => {
  it('maps repository paths into the app folder', () => {
    expect(appRelativePath('app/a.json', 'app')).toBe('a.json');
    expect(appRelativePath('other/a.json', 'app')).toBeNull();
    expect(appRelativePath('a.json', '')).toBe('a.json');
  });

  it('shows unstaged changes against the index: HEAD when nothing is staged, empty for a new file', async () => {
    expect(await read({ path: 'app/a.json', staged: null, unstaged: 'modified' }, 'unstaged')).toEqual({ kind: 'texts', base: 'head\n', next: 'work a.json\n', choosable: true });
    expect(await read({ path: 'app/new.json', staged: null, unstaged: 'untracked' }, 'unstaged')).toMatchObject({ base: '', next: 'work new.json\n', choosable: true });
  });

  it('reads the index for a staged file: staged changes against HEAD, unstaged ones against the index', async () => {
    expect(await read({ path: 'app/a.json', staged: 'modified', unstaged: 'modified' }, 'staged')).toEqual({ kind: 'texts', base: 'head\n', next: 'staged app/a.json\n', choosable: true });
    expect(await read({ path: 'app/a.json', staged: 'modified', unstaged: 'modified' }, 'unstaged')).toEqual({ kind: 'texts', base: 'staged app/a.json\n', next: 'work a.json\n', choosable: true });
    expect(await read({ path: 'app/a.json', staged: 'deleted', unstaged: null }, 'staged')).toMatchObject({ base: 'head\n', next: '', choosable: false });
  });

  it('stages deletions and files outside the app whole', async () => {
    expect(await read({ path: 'app/a.json', staged: null, unstaged: 'deleted' }, 'unstaged')).toMatchObject({ base: 'head\n', next: '', choosable: false });
    expect(await read({ path: 'other/a.json', staged: null, unstaged: 'modified' }, 'unstaged')).toEqual({ kind: 'outside' });
  });
});
