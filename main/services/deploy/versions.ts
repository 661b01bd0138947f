/**
 * Versions of the open app for deployment: tags `v<major>.<minor>.<patch>` on its repository, the next
 * one to suggest, and "Create version" — check the app as `studio check` does, tag HEAD and push the
 * tag to the remote, so a runtime host can fetch it.
 */
import fs from 'node:fs';
import git from 'isomorphic-git';
import { type CreateVersionResult, type DeployDiagnostic, type DeployVersions, StudioError } from '../../../core/api';
import { loadAppModel } from '../../../core/app/model/loadAppModel';
import { checkApp } from '../../../core/refs/checkApp';
import { sortDiagnostics } from '../../../core/refs/diagnostic';
import { isAltinnApp } from '../appFolder';
import { diskFileSource } from '../fileTree';
import * as verbs from '../git';
import { inRepoQueue } from '../git/repoQueue';
import type { Credentials } from '../git';
import type { Author } from '../git/commit';

const versionPattern = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

/** The numbers of a version tag (`v1.2.3`), or null when the tag is no version. */
export function parseVersion(tag: string): [number, number, number] | null {
  const m = versionPattern.exec(tag);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

const compare = (a: readonly number[], b: readonly number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;

/** The version tags newest first, and the next patch version after the highest (1.0.0 when there is none). */
export async function listVersions(dir: string): Promise<DeployVersions> {
  const tags = (await verbs.listTags(dir))
    .map((t) => ({ tag: t.name, commit: t.oid, parts: parseVersion(t.name) }))
    .filter((t): t is { tag: string; commit: string; parts: [number, number, number] } => t.parts !== null && t.tag.startsWith('v'));
  tags.sort((a, b) => compare(b.parts, a.parts) || (a.tag < b.tag ? 1 : -1));
  const highest = tags[0]?.parts;
  const head = (await verbs.currentBranch(dir)).oid;
  return {
    versions: tags.map(({ tag, commit }) => ({ tag, commit })),
    suggested: highest ? `${highest[0]}.${highest[1]}.${highest[2] + 1}` : '1.0.0',
    head,
  };
}

/** The app check of the app in `appDir`, the same as `studio check`: its errors, in reading order. */
export async function checkErrors(appDir: string): Promise<DeployDiagnostic[]> {
  if (!(await isAltinnApp(appDir))) throw new StudioError('not-an-app', `${appDir} is not an Altinn app: App/config/applicationmetadata.json is missing`);
  const { diagnostics } = checkApp(await loadAppModel(await diskFileSource(appDir)));
  return sortDiagnostics(diagnostics.filter((d) => d.severity === 'error'));
}

export interface CreateVersionOptions {
  /** The repository root. */
  readonly dir: string;
  /** The app folder inside it. */
  readonly appDir: string;
  /** `1.2.0` or `v1.2.0`. */
  readonly version: string;
  readonly message?: string;
  /** An annotated tag by this person when known; else a lightweight one. */
  readonly tagger?: Author;
  readonly credentials?: Credentials;
  /** Paths with uncommitted changes (the kept status). */
  readonly uncommitted: readonly string[];
}

/** Checks the app, tags HEAD `v<version>` and pushes the tag to origin; the check's errors refuse it. */
export async function createVersion(options: CreateVersionOptions): Promise<CreateVersionResult> {
  const parts = versionPattern.exec(options.version.trim());
  if (!parts) throw new StudioError('invalid-argument', `"${options.version}" is not a version number. Use three numbers, e.g. 1.2.0.`);
  const tag = `v${options.version.trim().replace(/^v/, '')}`;
  const { dir } = options;
  if (options.uncommitted.length > 0) {
    const shown = options.uncommitted.slice(0, 5).join(', ');
    const more = options.uncommitted.length > 5 ? ` and ${options.uncommitted.length - 5} more` : '';
    throw new StudioError(
      'would-overwrite',
      `There are uncommitted changes (${shown}${more}). A version is what is committed: commit your changes in the History area first, then create the version.`,
    );
  }
  const head = await verbs.currentBranch(dir);
  if (!head.oid) throw new StudioError('git', 'The repository has no commits yet. Commit the app in the History area first.');
  const remote = (await git.getConfig({ fs, dir, path: 'remote.origin.url' })) as string | undefined;
  if (!remote) throw new StudioError('git', 'The repository has no remote to push the version to. Set one in the History area (Remote), then create the version.');
  if ((await git.listTags({ fs, dir })).includes(tag)) throw new StudioError('already-exists', `There is a version ${tag} already. Choose a higher version number.`);

  const errors = await checkErrors(options.appDir);
  if (errors.length > 0) {
    return { ok: false, message: `${tag} was not created: the app check found ${errors.length} error${errors.length === 1 ? '' : 's'}. Fix them, commit, and create the version again.`, diagnostics: errors };
  }
  const message = options.message?.trim() || `Version ${tag.slice(1)}`;
  const created = await verbs.createTag(dir, tag, options.tagger ? { message, tagger: options.tagger } : {});
  try {
    await verbs.pushTag(dir, tag, options.credentials ? { credentials: options.credentials } : {});
  } catch (error) {
    // Not on the remote, so no host can fetch it: the tag goes, and the same version can be tried again.
    await inRepoQueue(dir, () => git.deleteRef({ fs, dir, ref: `refs/tags/${tag}` })).catch(() => undefined);
    throw error;
  }
  return { ok: true, version: { tag, commit: created.oid } };
}
