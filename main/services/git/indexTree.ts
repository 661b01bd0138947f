/**
 * git: the trees a commit of the index records, built in memory from the index entries and compared
 * with HEAD's trees folder by folder: a folder whose tree id equals HEAD's is neither written nor
 * entered, so a commit costs what it changed, not the size of the repository.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import type { IndexEntry } from './indexFile';
import { hashObject, writeLooseObject } from './looseObjects';
import type { StagedFile } from './stagedFiles';

interface FolderNode {
  folders: Map<string, FolderNode>;
  files: Map<string, IndexEntry>;
  oid: string;
  content: Buffer;
}

const newFolder = (): FolderNode => ({ folders: new Map(), files: new Map(), oid: '', content: Buffer.alloc(0) });

/** Git's order of tree entries: by name bytes, a folder's name read with a trailing slash. */
const byTreeOrder = (a: [string, boolean], b: [string, boolean]) => Buffer.compare(Buffer.from(a[1] ? `${a[0]}/` : a[0]), Buffer.from(b[1] ? `${b[0]}/` : b[0]));

/** Fills in `oid` and `content` of `node` and every folder under it. */
function hashFolder(node: FolderNode): void {
  const names: [string, boolean][] = [...[...node.files.keys()].map((n): [string, boolean] => [n, false]), ...[...node.folders.keys()].map((n): [string, boolean] => [n, true])];
  names.sort(byTreeOrder);
  const parts: Buffer[] = [];
  for (const [name, isFolder] of names) {
    const child = isFolder ? node.folders.get(name)! : null;
    if (child) hashFolder(child);
    const mode = child ? '40000' : node.files.get(name)!.mode.toString(8);
    parts.push(Buffer.from(`${mode} ${name}\0`), Buffer.from(child ? child.oid : node.files.get(name)!.oid, 'hex'));
  }
  node.content = Buffer.concat(parts);
  node.oid = hashObject('tree', node.content);
}

/** The root folder of the index's stage-0 entries, with every tree id computed. */
export function treeOfIndex(entries: readonly IndexEntry[]): FolderNode {
  const root = newFolder();
  for (const entry of entries) {
    const names = entry.path.split('/');
    let node = root;
    for (const name of names.slice(0, -1)) {
      let next = node.folders.get(name);
      if (!next) node.folders.set(name, (next = newFolder()));
      node = next;
    }
    node.files.set(names[names.length - 1]!, entry);
  }
  hashFolder(root);
  return root;
}

/**
 * Writes the trees of `root` that HEAD's tree `headTree` (null: none) does not have, and returns the
 * files that differ from HEAD, with their staged size (0 when deleted).
 */
export async function writeChangedTrees(dir: string, gitdir: string, root: FolderNode, headTree: string | null, cache: object): Promise<StagedFile[]> {
  const changed: StagedFile[] = [];
  const visit = async (node: FolderNode | null, headOid: string | null, prefix: string): Promise<void> => {
    if (node && node.oid === headOid) return;
    const before = new Map<string, { oid: string; type: string; mode: string }>();
    if (headOid) for (const e of (await git.readTree({ fs, dir, oid: headOid, cache })).tree) before.set(e.path, e);
    if (node) await writeLooseObject(gitdir, 'tree', node.content, node.oid);
    for (const [name, entry] of node?.files ?? []) {
      const old = before.get(name);
      if (old?.type === 'blob' && old.oid === entry.oid && old.mode === entry.mode.toString(8)) continue;
      if (old?.type === 'tree') await visit(null, old.oid, `${prefix}${name}/`);
      changed.push({ path: `${prefix}${name}`, change: old?.type === 'blob' ? 'modified' : 'added', size: entry.size });
    }
    for (const [name, folder] of node?.folders ?? []) {
      const old = before.get(name);
      if (old && old.type !== 'tree') changed.push({ path: `${prefix}${name}`, change: 'deleted', size: 0 });
      await visit(folder, old?.type === 'tree' ? old.oid : null, `${prefix}${name}/`);
    }
    for (const [name, old] of before) {
      if (node?.files.has(name) || node?.folders.has(name)) continue;
      if (old.type === 'tree') await visit(null, old.oid, `${prefix}${name}/`);
      else changed.push({ path: `${prefix}${name}`, change: 'deleted', size: 0 });
    }
  };
  await visit(root, headTree, '');
  return changed;
}
