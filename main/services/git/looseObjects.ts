/**
 * git: writing objects as loose files with Node's own zlib and SHA-1. isomorphic-git deflates through
 * the web CompressionStream, about three times slower per object; the verbs that write many objects
 * at once (staging, committing) use this. The bytes are what git writes: `<type> <size>\0<content>`,
 * deflated, at objects/<2 hex>/<38 hex>, never rewritten once there.
 */
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';

const deflateAsync = promisify(deflate);

export type ObjectType = 'blob' | 'tree' | 'commit' | 'tag';

/** The object's bytes as git hashes and stores them: a header, then the content. */
export function wrapObject(type: ObjectType, content: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]);
}

/** The object id git gives `content` stored as `type`. */
export function hashObject(type: ObjectType, content: Uint8Array): string {
  return createHash('sha1').update(wrapObject(type, content)).digest('hex');
}

/** Where a loose object lives. */
export const loosePath = (gitdir: string, oid: string) => path.join(gitdir, 'objects', oid.slice(0, 2), oid.slice(2));

/**
 * Stores `content` as a loose object unless it is there already, and returns its id. The file is
 * written under a temporary name and renamed, so a crash never leaves half an object.
 */
export async function writeLooseObject(gitdir: string, type: ObjectType, content: Uint8Array, knownOid?: string): Promise<string> {
  const wrapped = wrapObject(type, content);
  const oid = knownOid ?? createHash('sha1').update(wrapped).digest('hex');
  const target = loosePath(gitdir, oid);
  if (await access(target).then(() => true, () => false)) return oid;
  const deflated = await deflateAsync(wrapped);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, deflated, { mode: 0o444 });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return oid;
}
