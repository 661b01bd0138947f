/**
 * git: the text of a file as the last commit (HEAD) has it — the left side of "compare with last
 * commit". A read: it needs no place in the writers' queue.
 */
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { resolveInsideApp } from '../pathJail';

export type ReadCommittedErrorKind = 'not-a-repo' | 'no-commits' | 'not-in-head';

/** Why HEAD's text of a file could not be read; `kind` for programs, the message for people. */
export class ReadCommittedError extends Error {
  constructor(
    readonly kind: ReadCommittedErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ReadCommittedError';
  }
}

const code = (error: unknown) => (error as { code?: string } | null)?.code;

/**
 * The text of `rel` (a path inside the app in `appRoot`, a real path) in the commit HEAD points at.
 * The repository may be the app folder or a folder above it. Throws ReadCommittedError when the
 * folder is not a git repository, HEAD has no commit yet, or the file is not in HEAD.
 */
export async function readCommitted(appRoot: string, rel: string): Promise<string> {
  const absolute = await resolveInsideApp(appRoot, rel);
  let gitRoot: string;
  try {
    gitRoot = await git.findRoot({ fs, filepath: appRoot });
  } catch {
    throw new ReadCommittedError('not-a-repo', `The app folder ${appRoot} is not a git repository, so it has no last commit to compare with. Commit the app first.`);
  }
  const cache = {};
  let oid: string;
  try {
    oid = await git.resolveRef({ fs, dir: gitRoot, ref: 'HEAD' });
  } catch (error) {
    if (code(error) === 'NotFoundError') throw new ReadCommittedError('no-commits', 'The repository has no commits yet, so there is no last commit to compare with. Commit the app first.');
    throw error;
  }
  const filepath = path.relative(gitRoot, absolute).split(path.sep).join('/');
  try {
    const { blob } = await git.readBlob({ fs, dir: gitRoot, oid, filepath, cache });
    return new TextDecoder('utf-8').decode(blob);
  } catch (error) {
    if (code(error) === 'NotFoundError') throw new ReadCommittedError('not-in-head', `"${rel}" is not in the last commit: it is new since then.`);
    throw error;
  }
}
