/**
 * The files of a deployed version: fetched from an HTTP(S) git remote with isomorphic-git (a tag's
 * tree, read straight from the fetched objects, no checkout), kept in a version folder
 * `<dataDir>/versions/<org>/<app>/<commit>/` and loaded into an app model from there.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import nodeHttp from 'isomorphic-git/http/node';
import { advertisingHead } from './advertisedHead';

/** isomorphic-git's Node client, able to fetch a tag from a repository without a default branch. */
const http = advertisingHead(nodeHttp);

/** Names safe as one path segment (org, app, commit). */
export const safeName = (s: unknown): s is string => typeof s === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(s) && s !== '.' && s !== '..';

/** A tag name as git allows it, without the shapes that could mean something else to a path or an option. */
export const safeRef = (s: unknown): s is string => typeof s === 'string' && /^[A-Za-z0-9._/-]{1,200}$/.test(s) && !s.startsWith('-') && !s.split('/').some((p) => p === '' || p === '.' || p === '..');

export interface FetchRequest {
  readonly remote: string;
  readonly ref: string;
  readonly username?: string;
  readonly password?: string;
}

export interface FetchedVersion {
  readonly commit: string;
  /** Path (forward slashes, relative to the repository root) → content. */
  readonly files: Map<string, Uint8Array>;
}

/** A path from a git tree that stays inside the folder it is written to. */
const safeTreePath = (p: string) => p.length > 0 && !p.startsWith('/') && !p.includes('\\') && !p.split('/').some((s) => s === '' || s === '.' || s === '..' || s === '.git');

/** Fetches `ref` from the remote into a throw-away git folder and reads the tree of the commit it points at. */
export async function fetchVersion(request: FetchRequest): Promise<FetchedVersion> {
  const url = new URL(request.remote);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`The remote must be an http(s) URL, got ${url.protocol}`);
  const gitdir = await fs.mkdtemp(path.join(os.tmpdir(), 'studio-host-fetch-'));
  try {
    await git.init({ fs, gitdir, bare: true, defaultBranch: 'main' });
    await git.addRemote({ fs, gitdir, remote: 'origin', url: request.remote });
    const auth = request.username !== undefined || request.password !== undefined ? { username: request.username ?? '', password: request.password ?? '' } : null;
    let asked = false;
    const fetched = await git.fetch({
      fs,
      http,
      gitdir,
      remote: 'origin',
      ref: request.ref,
      singleBranch: true,
      tags: false,
      depth: 1,
      ...(auth
        ? {
            onAuth: () => {
              // Asked again after the credentials were refused: cancel instead of looping.
              if (asked) return { cancel: true };
              asked = true;
              return auth;
            },
          }
        : {}),
    });
    if (!fetched.fetchHead) throw new Error(`The remote has no ref ${request.ref}`);
    // An annotated tag points at a tag object; readCommit peels it to the commit.
    const { oid: commit } = await git.readCommit({ fs, gitdir, oid: fetched.fetchHead });
    const files = new Map<string, Uint8Array>();
    await git.walk({
      fs,
      gitdir,
      trees: [git.TREE({ ref: commit })],
      map: async (filepath, [entry]) => {
        if (!entry || filepath === '.') return true;
        const type = await entry.type();
        if (type === 'tree') return safeTreePath(filepath) ? true : null;
        // Blobs only: symbolic links (mode 120000) and submodules are no part of what an app serves.
        if (type !== 'blob' || (await entry.mode()) === 0o120000 || !safeTreePath(filepath)) return null;
        const content = await entry.content();
        if (content) files.set(filepath, content);
        return true;
      },
    });
    return { commit, files };
  } finally {
    await fs.rm(gitdir, { recursive: true, force: true });
  }
}

/** The folder a version's files live in. */
export const versionDir = (dataDir: string, org: string, app: string, commit: string) => path.join(dataDir, 'versions', org, app, commit);

/** Writes a version's files into its folder (through a temp folder renamed into place); an existing folder is kept as it is. */
export async function writeVersionDir(dir: string, files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  if (existsSync(dir)) return;
  await fs.mkdir(path.dirname(dir), { recursive: true });
  const temp = await fs.mkdtemp(`${dir}.partial-`);
  try {
    for (const [rel, content] of files) {
      if (!safeTreePath(rel)) continue;
      const target = path.join(temp, ...rel.split('/'));
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, content);
    }
    await fs.rename(temp, dir);
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true });
    // Another deploy of the same commit wrote it first: theirs is the same content.
    if (existsSync(dir)) return;
    throw error;
  }
}
