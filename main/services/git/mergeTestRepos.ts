/**
 * Test helpers for merges: a repository whose `main` (ours) and `feature` (theirs) part from one base,
 * each commit written from a list of files with their modes (so a folder can become a file and a
 * file executable without any checkout in between), then main checked out; and a look at the tree,
 * the index and the working tree after.
 */
import fs from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import git, { type TreeEntry } from 'isomorphic-git';
import { testAuthor } from './testing/repoFixture';

/** A commit's files: path → text, or `{ text, exec: true }` for an executable file. */
export type TreeSpec = Record<string, string | { text: string; exec: true }>;

async function writeTreeOf(dir: string, files: [string, string, string][]): Promise<string> {
  const here: TreeEntry[] = [];
  const folders = new Map<string, [string, string, string][]>();
  for (const [filepath, text, mode] of files) {
    const [head = '', ...rest] = filepath.split('/');
    if (rest.length === 0) here.push({ path: head, mode, type: 'blob', oid: await git.writeBlob({ fs, dir, blob: new TextEncoder().encode(text) }) });
    else folders.set(head, [...(folders.get(head) ?? []), [rest.join('/'), text, mode]]);
  }
  for (const [name, sub] of folders) here.push({ path: name, mode: '040000', type: 'tree', oid: await writeTreeOf(dir, sub) });
  return git.writeTree({ fs, dir, tree: here });
}

async function commitSpec(dir: string, spec: TreeSpec, parent: string[], branch: string, message: string): Promise<string> {
  const files = Object.entries(spec).map(([p, v]): [string, string, string] => (typeof v === 'string' ? [p, v, '100644'] : [p, v.text, '100755']));
  const tree = await writeTreeOf(dir, files);
  return git.commit({ fs, dir, tree, parent, message, author: testAuthor, ref: `refs/heads/${branch}` });
}

/** A repository in `folder`: `base`, then `theirs` on feature and `ours` on main (checked out); returns its dir. */
export async function partedRepo(folder: string, base: TreeSpec, ours: TreeSpec, theirs: TreeSpec): Promise<string> {
  const dir = await realpath(folder);
  await git.init({ fs, dir, defaultBranch: 'main' });
  const baseOid = await commitSpec(dir, base, [], 'main', 'Base');
  await commitSpec(dir, theirs, [baseOid], 'feature', 'Theirs');
  await commitSpec(dir, ours, [baseOid], 'main', 'Ours');
  await git.checkout({ fs, dir, ref: 'main', force: true });
  return dir;
}

/** Every file of a commit's tree: path → mode and text. */
export async function committedFiles(dir: string, oid: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await git.walk({
    fs,
    dir,
    trees: [git.TREE({ ref: oid })],
    map: async (filepath, [entry]) => {
      if (entry && (await entry.type()) === 'blob') out[filepath] = `${(await entry.mode()).toString(8)} ${new TextDecoder().decode((await entry.content())!)}`;
      return undefined;
    },
  });
  return out;
}

/** Every entry of the index: path → mode and text. */
export async function indexFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await git.walk({
    fs,
    dir,
    trees: [git.STAGE()],
    map: async (filepath, [entry]) => {
      if (entry && (await entry.type()) === 'blob') {
        const { blob } = await git.readBlob({ fs, dir, oid: await entry.oid() });
        out[filepath] = `${(await entry.mode()).toString(8)} ${new TextDecoder().decode(blob)}`;
      }
      return undefined;
    },
  });
  return out;
}

/** Every file of the working tree (outside .git): path → permission bits and text. */
export async function workingFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (folder: string) => {
    for (const entry of await readdir(path.join(dir, folder), { withFileTypes: true })) {
      const rel = folder ? `${folder}/${entry.name}` : entry.name;
      if (rel === '.git') continue;
      if (entry.isDirectory()) await walk(rel);
      else out[rel] = `${((await stat(path.join(dir, rel))).mode & 0o777).toString(8)} ${await readFile(path.join(dir, rel), 'utf8')}`;
    }
  };
  await walk('');
  return out;
}

/** The working tree, the index's bytes and the folders there are, for comparing before and after. */
export async function snapshotAll(dir: string): Promise<{ files: Record<string, string>; index: string }> {
  return { files: await workingFiles(dir), index: (await readFile(path.join(dir, '.git', 'index'))).toString('base64') };
}
