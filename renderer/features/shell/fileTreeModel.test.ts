import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../core/api';
import { ancestorsOf, buildTree, treeKeyAction, visibleRows, withFileChanges } from './fileTreeModel';

const files: FileEntry[] = [
  { path: 'App', kind: 'dir' },
  { path: 'App/config', kind: 'dir' },
  { path: 'App/config/applicationmetadata.json', kind: 'file', size: 10 },
  { path: 'App/ui', kind: 'dir' },
  { path: 'App/ui/layouts', kind: 'dir' },
  { path: 'App/ui/layouts/Side10.json', kind: 'file', size: 1 },
  { path: 'App/ui/layouts/Side2.json', kind: 'file', size: 1 },
  { path: 'App.sln', kind: 'file', size: 1 },
  { path: 'README.md', kind: 'file', size: 1 },
  { path: 'deployment', kind: 'dir' },
];

describe('file tree model', () => {
  const tree = buildTree(files);

  it('shows folders first and numbers in natural order', () => {
    const rows = visibleRows(tree, new Set(['App', 'App/ui', 'App/ui/layouts']));
    expect(rows.map((r) => `${'  '.repeat(r.level - 1)}${r.name}`)).toEqual([
      'App',
      '  config',
      '  ui',
      '    layouts',
      '      Side2.json',
      '      Side10.json',
      'deployment',
      'App.sln',
      'README.md',
    ]);
  });

  it('gives each row its ARIA position', () => {
    const rows = visibleRows(tree, new Set(['App']));
    expect(rows.find((r) => r.path === 'App/ui')).toMatchObject({ level: 2, posInSet: 2, setSize: 2, parent: 'App', expanded: false });
    expect(rows.find((r) => r.path === 'README.md')).toMatchObject({ level: 1, posInSet: 4, setSize: 4, parent: null });
  });

  it('builds folders that are only implied by file paths', () => {
    const rows = visibleRows(buildTree([{ path: 'a/b/c.txt', kind: 'file' }]), new Set(['a', 'a/b']));
    expect(rows.map((r) => r.path)).toEqual(['a', 'a/b', 'a/b/c.txt']);
  });

  it('lists the ancestors of a path', () => {
    expect(ancestorsOf('App/config/applicationmetadata.json')).toEqual(['App', 'App/config']);
    expect(ancestorsOf('README.md')).toEqual([]);
  });
});

describe('treeKeyAction', () => {
  const rows = visibleRows(buildTree(files), new Set(['App']));

  it('moves with the arrow keys, Home and End', () => {
    expect(treeKeyAction(rows, 'App', 'ArrowDown')).toEqual({ kind: 'focus', path: 'App/config' });
    expect(treeKeyAction(rows, 'App/config', 'ArrowUp')).toEqual({ kind: 'focus', path: 'App' });
    expect(treeKeyAction(rows, 'App', 'ArrowUp')).toEqual({ kind: 'none' });
    expect(treeKeyAction(rows, 'App/ui', 'End')).toEqual({ kind: 'focus', path: 'README.md' });
    expect(treeKeyAction(rows, 'README.md', 'Home')).toEqual({ kind: 'focus', path: 'App' });
  });

  it('opens and enters folders with Right, closes and leaves them with Left', () => {
    expect(treeKeyAction(rows, 'App/config', 'ArrowRight')).toEqual({ kind: 'toggle', path: 'App/config', open: true });
    expect(treeKeyAction(rows, 'App', 'ArrowRight')).toEqual({ kind: 'focus', path: 'App/config' });
    expect(treeKeyAction(rows, 'App', 'ArrowLeft')).toEqual({ kind: 'toggle', path: 'App', open: false });
    expect(treeKeyAction(rows, 'App/config', 'ArrowLeft')).toEqual({ kind: 'focus', path: 'App' });
    expect(treeKeyAction(rows, 'README.md', 'ArrowRight')).toEqual({ kind: 'none' });
  });

  it('toggles folders and activates files with Enter and Space', () => {
    expect(treeKeyAction(rows, 'App', 'Enter')).toEqual({ kind: 'toggle', path: 'App', open: false });
    expect(treeKeyAction(rows, 'deployment', ' ')).toEqual({ kind: 'toggle', path: 'deployment', open: true });
    expect(treeKeyAction(rows, 'README.md', 'Enter')).toEqual({ kind: 'activate', path: 'README.md' });
  });

  it('recovers when the focused row is gone', () => {
    expect(treeKeyAction(rows, 'gone.txt', 'ArrowDown')).toEqual({ kind: 'focus', path: 'App' });
    expect(treeKeyAction([], 'x', 'ArrowDown')).toEqual({ kind: 'none' });
  });

  it('follows created and deleted files, adding their folders, and keeps the list for plain edits', () => {
    expect(withFileChanges(files, new Map([['README.md', 'changed']]))).toBe(files);
    const next = withFileChanges(files, new Map<string, string | null>([['README.md', null], ['App/ui/form/layouts/Side1.json', 'æ']]));
    expect(next.map((f) => f.path)).toEqual([
      'App',
      'App.sln',
      'App/config',
      'App/config/applicationmetadata.json',
      'App/ui',
      'App/ui/form',
      'App/ui/form/layouts',
      'App/ui/form/layouts/Side1.json',
      'App/ui/layouts',
      'App/ui/layouts/Side10.json',
      'App/ui/layouts/Side2.json',
      'deployment',
    ]);
    expect(next.find((f) => f.path === 'App/ui/form/layouts/Side1.json')).toEqual({ path: 'App/ui/form/layouts/Side1.json', kind: 'file', size: 2 });
  });
});
