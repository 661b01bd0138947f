import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEntryUrl, isAppUrl } from './appOrigin';
import { contentTypeFor } from '../services/rendererAssets';
import { resolveAppPath, serveAppFile, studioCsp } from './appFiles';

let root: string;
let outside: string;

beforeAll(async () => {
  const base = await mkdtemp(path.join(os.tmpdir(), 'studio-appfiles-'));
  root = path.join(base, 'renderer');
  outside = path.join(base, 'secret.json');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Studio</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'index-abc.js.map'), '{}');
  await writeFile(path.join(root, 'assets', 'notes.exe'), 'MZ');
  await writeFile(outside, '{"token":"x"}');
});

afterAll(async () => {
  await rm(path.dirname(root), { recursive: true, force: true });
});

describe('isAppUrl', () => {
  it('accepts only app://studio', () => {
    expect(isAppUrl(appEntryUrl)).toBe(true);
    expect(isAppUrl('app://studio/')).toBe(true);
    for (const url of ['app://studio.evil/', 'app://studio@evil/', 'app://x@studio/', 'app://studio:81/', 'app://other/', 'https://studio/', 'file:///index.html', 'not a url', 42, undefined]) {
      expect(isAppUrl(url)).toBe(false);
    }
  });
});

describe('resolveAppPath', () => {
  it('serves index.html for the root', () => {
    expect(resolveAppPath('app://studio/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://studio', root)).toBe(path.join(root, 'index.html'));
  });

  it('maps nested files and ignores query and hash', () => {
    expect(resolveAppPath('app://studio/assets/index-abc.js?v=1#x', root)).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath('app://studio/assets/a%20b.css', root)).toBe(path.join(root, 'assets', 'a b.css'));
  });

  it('refuses traversal in every spelling', () => {
    for (const url of [
      'app://studio/../secret.json',
      'app://studio/assets/../../secret.json',
      'app://studio/%2e%2e/secret.json',
      'app://studio/.%2E/secret.json',
      'app://studio/assets%2F..%2F..%2Fsecret.json',
      'app://studio/..%5Csecret.json',
      'app://studio/assets\\..\\..\\secret.json',
      'app://studio/./index.html',
      'app://studio/%E0%A4%A', // malformed escape
    ]) {
      expect(resolveAppPath(url, root), url).toBeNull();
    }
  });

  it('refuses absolute paths, drive letters and NUL', () => {
    for (const url of ['app://studio//etc/passwd', 'app://studio/%2Fetc%2Fpasswd', 'app://studio/C:%5Cwindows', 'app://studio/C:/windows', 'app://studio/index.html%00.png']) {
      expect(resolveAppPath(url, root), url).toBeNull();
    }
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppPath('file:///etc/passwd', root)).toBeNull();
    expect(resolveAppPath('app://other/index.html', root)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('knows the renderer build types and nothing else', () => {
    expect(contentTypeFor('a.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('a.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('codicon.ttf')).toBe('font/ttf');
    expect(contentTypeFor('a.js.map')).toBeNull();
    expect(contentTypeFor('a.exe')).toBeNull();
    expect(contentTypeFor('Makefile')).toBeNull();
  });
});

describe('serveAppFile', () => {
  const get = (url: string, method = 'GET') => serveAppFile({ url, method }, root);

  it('serves index.html for app://studio/ with the strict CSP', async () => {
    const response = await get('app://studio/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Studio</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(studioCsp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('has exactly the agreed policy', () => {
    expect(studioCsp).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-src http://127.0.0.1:* http://localhost:*; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('answers 404 with the CSP for traversal, missing files, folders and unlisted types', async () => {
    for (const url of ['app://studio/../secret.json', 'app://studio/%2e%2e/secret.json', 'app://studio/missing.js', 'app://studio/assets', 'app://studio/assets/index-abc.js.map', 'app://studio/assets/notes.exe']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(studioCsp);
      expect(await response.text()).not.toContain('token');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://studio/assets/index-abc.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://studio/index.html', 'POST')).status).toBe(405);
  });
});
