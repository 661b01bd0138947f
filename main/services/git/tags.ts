/**
 * git: tags — list them with their commits, create one (annotated when it has a message).
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import type { Author } from './commit';
import { NoCommits, TagExists } from './errors';
import { readHead } from './repository';
import { inRepoQueue } from './repoQueue';

/** A tag: its name, the commit it marks, and its message when it is annotated. */
export interface Tag {
  name: string;
  oid: string;
  message: string | null;
}

/** Every tag, sorted by name. */
export function listTags(dir: string): Promise<Tag[]> {
  return inRepoQueue(dir, async () => {
    const cache = {};
    const tags: Tag[] = [];
    for (const name of (await git.listTags({ fs, dir })).sort()) {
      const refOid = await git.resolveRef({ fs, dir, ref: `refs/tags/${name}` });
      const object = await git.readObject({ fs, dir, oid: refOid, cache, format: 'parsed' });
      if (object.type === 'tag') {
        const tag = object.object as { object: string; message: string };
        tags.push({ name, oid: tag.object, message: tag.message.trim() });
      } else tags.push({ name, oid: refOid, message: null });
    }
    return tags;
  });
}

/** Tags `target` (default HEAD) as `name`; annotated by `tagger` when `message` is given. */
export function createTag(dir: string, name: string, options: { target?: string; message?: string; tagger?: Author } = {}): Promise<Tag> {
  return inRepoQueue(dir, async () => {
    if ((await git.listTags({ fs, dir })).includes(name)) throw new TagExists(name);
    let oid: string;
    if (options.target) oid = await git.resolveRef({ fs, dir, ref: options.target });
    else {
      const head = await readHead(dir);
      if (!head.oid) throw new NoCommits('tag');
      oid = head.oid;
    }
    if (options.message) {
      await git.annotatedTag({ fs, dir, ref: name, object: oid, message: options.message, tagger: options.tagger });
      return { name, oid, message: options.message };
    }
    await git.tag({ fs, dir, ref: name, object: oid });
    return { name, oid, message: null };
  });
}
