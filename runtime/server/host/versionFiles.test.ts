// Fetching a version tag from a real git HTTP server (git http-backend on 127.0.0.1), also from a
// repository whose designer pushed the tag but no branch (the remote then advertises no HEAD).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHttpServer, type GitHttpServer } from '../../../main/services/git/testing/gitHttpServer';
import { withHead } from './advertisedHead';
import { fetchVersion } from './versionFiles';

let server: GitHttpServer;
let work: string;
let tagged: string;

beforeAll(async () => {
  server = await startGitHttpServer();
  work = mkdtempSync(path.join(os.tmpdir(), 'studio-version-fetch-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=A', '-c', 'user.email=a@example.com', ...args], { cwd: work, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  writeFileSync(path.join(work, 'App.txt'), 'version one\n');
  git('add', '-A');
  git('commit', '-qm', 'one');
  git('tag', '-a', 'v1', '-m', 'v1');
  tagged = git('rev-parse', 'HEAD');
  server.createRepo('tag-only');
  git('push', '-q', `${server.root}/tag-only.git`, 'v1');
  server.createRepo('with-branch');
  git('push', '-q', `${server.root}/with-branch.git`, 'main', 'v1');
});

afterAll(async () => {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('fetchVersion', () => {
  it('reads the tagged commit and its files, with or without a branch on the remote', async () => {
    for (const name of ['with-branch', 'tag-only']) {
      const version = await fetchVersion({ remote: server.url(name), ref: 'v1' });
      expect(version.commit, name).toBe(tagged);
      expect(new TextDecoder().decode(version.files.get('App.txt'))).toBe('version one\n');
    }
  });

  it('names a ref the remote does not have', async () => {
    await expect(fetchVersion({ remote: server.url('tag-only'), ref: 'v9' })).rejects.toThrow(/v9/);
  });
});

describe('withHead', () => {
  const pkt = (text: string) => `${(text.length + 4).toString(16).padStart(4, '0')}${text}`;
  const oid = 'a'.repeat(40);
  const advertisement = (lines: string[]) => new TextEncoder().encode(`${pkt('# service=git-upload-pack\n')}0000${lines.map(pkt).join('')}0000`);

  it('adds HEAD at the first ref when the advertisement has none, and leaves one that has it alone', () => {
    const without = advertisement([`${oid} refs/tags/v1\0multi_ack side-band-64k\n`, `${'b'.repeat(40)} refs/tags/v1^{}\n`]);
    const text = new TextDecoder().decode(withHead(without));
    expect(text).toContain(`${oid} HEAD\0multi_ack side-band-64k`);
    expect(text).toContain(pkt(`${oid} refs/tags/v1\n`));
    expect(text.endsWith('0000')).toBe(true);
    const withOne = advertisement([`${oid} HEAD\0caps\n`, `${oid} refs/heads/main\n`]);
    expect(withHead(withOne)).toBe(withOne);
  });
});
