import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../testing/tempDirs';
import { checkRelativePath, resolveInsideApp } from './pathJail';

const temp = tempDirs();
afterAll(() => temp.cleanup());

describe('resolveInsideApp', () => {
  const outside = temp.make();
  const root = realpathSync(temp.make());
  mkdirSync(path.join(root, 'App', 'ui'), { recursive: true });
  writeFileSync(path.join(root, 'App', 'ui', 'page.json'), '{}');
  writeFileSync(path.join(outside, 'secret.txt'), 'secret');
  symlinkSync(outside, path.join(root, 'App', 'escape'));
  symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'App', 'secret-link.txt'));
  symlinkSync(path.join(root, 'App', 'ui'), path.join(root, 'App', 'ui-link'));

  it('resolves ordinary paths inside the app, existing or not', async () => {
    expect(await resolveInsideApp(root, 'App/ui/page.json')).toBe(path.join(root, 'App', 'ui', 'page.json'));
    expect(await resolveInsideApp(root, 'App/ui/new/Page2.json')).toBe(path.join(root, 'App', 'ui', 'new', 'Page2.json'));
    expect(await resolveInsideApp(root, './App/./ui/page.json')).toBe(path.join(root, 'App', 'ui', 'page.json'));
  });

  it('follows links that stay inside the app', async () => {
    expect(await resolveInsideApp(root, 'App/ui-link/page.json')).toBe(path.join(root, 'App', 'ui', 'page.json'));
  });

  it.each([
    ['../secret.txt'],
    ['App/../../secret.txt'],
    ['App\\..\\..\\secret.txt'],
    ['%2e%2e/secret.txt'],
    ['%252e%252e%252fsecret.txt'],
    ['App/%2E%2E/%2e%2e/secret.txt'],
    ['/etc/passwd'],
    ['\\\\server\\share\\x'],
    ['C:\\Windows\\win.ini'],
    ['%2Fetc%2Fpasswd'],
    ['App/ui/page.json\0.png'],
    ['.git/config'],
    ['.'],
  ])('refuses %j with a clear error', async (requested) => {
    await expect(resolveInsideApp(root, requested)).rejects.toMatchObject({ code: 'outside-app', message: expect.stringContaining('Refused') });
  });

  it('refuses symlinks that leave the app, to a folder or a file', async () => {
    await expect(resolveInsideApp(root, 'App/escape/secret.txt')).rejects.toMatchObject({ code: 'outside-app' });
    await expect(resolveInsideApp(root, 'App/escape/new.txt')).rejects.toMatchObject({ code: 'outside-app' });
    await expect(resolveInsideApp(root, 'App/secret-link.txt')).rejects.toMatchObject({ code: 'outside-app' });
  });
});

describe('checkRelativePath', () => {
  it('lets names that only look unusual through', () => {
    expect(() => checkRelativePath('App/ui/..hidden/x..json')).not.toThrow();
    expect(() => checkRelativePath('App/100%/report.json')).not.toThrow();
  });
});
