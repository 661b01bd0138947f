/**
 * git: warm status. A full statusMatrix walks every file of the repository (≈ 0.7 s for 5,000
 * files); the studio asks for status after every save. So the last answer is kept per repository and
 * only the paths reported changed since — by the file watcher, or by the studio's own git verbs — are
 * read again (statusPaths.ts, against HEAD's and the index's blobs kept while they stay the same). A
 * change nobody reported (another program ran git) shows in the index's stat data or in HEAD, and then
 * the whole status is read again.
 */
import type fs from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { readHead } from './repository';
import { inRepoQueue } from './repoQueue';
import { readChanges, type FileChange } from './status';
import { readBlobMap, readPathChanges, type BlobMap } from './statusPaths';

interface KnownStatus {
  changes: Map<string, FileChange>;
  /** Paths (files or folders) to read again. */
  changed: Set<string>;
  /** The index and HEAD as the last read saw them. */
  signature: string;
  /** The studio's own verbs changed the index or HEAD since: a new signature is expected. */
  ownWrite: boolean;
  /** One isomorphic-git cache for the warm reads (packfile indexes are read once). */
  cache: object;
  head: BlobMap | null;
  stage: BlobMap | null;
}

const indexStamp = async (dir: string) => {
  const s = await stat(path.join(dir, '.git', 'index')).catch(() => null);
  return s ? `${s.ino}:${s.size}:${s.mtimeMs}` : '-';
};

async function signatureOf(dir: string): Promise<string> {
  const gitdir = path.join(dir, '.git');
  const index = await stat(path.join(gitdir, 'index')).catch(() => null);
  const head = await readFile(path.join(gitdir, 'HEAD'), 'utf8').catch(() => '');
  const ref = /^ref:\s*(\S+)/.exec(head)?.[1];
  // The branch's own file when it is loose; a packed ref changes packed-refs' stat data instead.
  const tip = ref ? await readFile(path.join(gitdir, ref), 'utf8').catch(() => '') : '';
  const packed = await stat(path.join(gitdir, 'packed-refs')).catch(() => null);
  const stamp = (s: fs.Stats | null) => (s ? `${s.ino}:${s.size}:${s.mtimeMs}` : '-');
  return `${stamp(index)}|${head.trim()}|${tip.trim()}|${stamp(packed)}`;
}

const covers = (changed: Iterable<string>, file: string) => {
  for (const p of changed) if (file === p || file.startsWith(`${p}/`)) return true;
  return false;
};

/** The kept status of each repository, refreshed path by path. */
export class StatusCache {
  private readonly known = new Map<string, KnownStatus>();

  /** The status of the repository in `dir`, as `status` gives it, reading again only what changed. */
  read(dir: string): Promise<FileChange[]> {
    const key = path.resolve(dir);
    return inRepoQueue(dir, async () => {
      const signature = await signatureOf(dir);
      const known = this.known.get(key);
      if (!known || (known.signature !== signature && !known.ownWrite)) {
        // In place before the walk, so paths reported while it runs are read again next time.
        const entry: KnownStatus = { changes: new Map(), changed: new Set(), signature, ownWrite: false, cache: {}, head: null, stage: null };
        this.known.set(key, entry);
        try {
          const changes = await readChanges(dir, entry.cache);
          entry.changes = new Map(changes.map((c) => [c.path, c]));
          return changes;
        } catch (error) {
          this.known.delete(key);
          throw error;
        }
      }
      if (known.changed.size > 0) {
        const paths = [...known.changed];
        known.changed.clear();
        const fresh = await readPathChanges(dir, paths, await this.headBlobs(dir, known), await this.stageBlobs(dir, known));
        for (const file of [...known.changes.keys()]) if (covers(paths, file)) known.changes.delete(file);
        for (const change of fresh) known.changes.set(change.path, change);
      }
      known.signature = signature;
      known.ownWrite = false;
      return [...known.changes.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    });
  }

  private async headBlobs(dir: string, known: KnownStatus): Promise<BlobMap> {
    const oid = (await readHead(dir)).oid ?? '';
    if (known.head?.key !== oid) known.head = oid ? await readBlobMap(dir, git.TREE({ ref: oid }), oid, known.cache) : { key: '', blobs: new Map() };
    return known.head;
  }

  private async stageBlobs(dir: string, known: KnownStatus): Promise<BlobMap> {
    const stamp = await indexStamp(dir);
    if (known.stage?.key !== stamp) {
      // A fresh cache: isomorphic-git's index cache keeps an index that did not exist when first read as empty for good.
      known.cache = {};
      known.stage = await readBlobMap(dir, git.STAGE(), stamp, known.cache);
    }
    return known.stage;
  }

  /** Notes changed paths (relative to the repository root; files or folders), e.g. from the file watcher. */
  changed(dir: string, paths: readonly string[]): void {
    const known = this.known.get(path.resolve(dir));
    for (const p of paths) {
      const clean = p.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
      // The whole tree: read it all again.
      if (clean === '' || clean === '.') return this.forget(dir);
      known?.changed.add(clean);
    }
  }

  /** Notes that one of the studio's verbs changed the index or HEAD for `paths` only. */
  wrote(dir: string, paths: readonly string[]): void {
    const known = this.known.get(path.resolve(dir));
    if (!known) return;
    this.changed(dir, paths);
    known.ownWrite = true;
  }

  /** The paths staged as of the last read (a commit changes HEAD for these only). */
  staged(dir: string): string[] {
    const known = this.known.get(path.resolve(dir));
    return known ? [...known.changes.values()].filter((c) => c.staged !== null).map((c) => c.path) : [];
  }

  /** Forgets the repository's status: the next read is a full one (after verbs that move HEAD or rewrite the tree). */
  forget(dir: string): void {
    this.known.delete(path.resolve(dir));
  }
}
