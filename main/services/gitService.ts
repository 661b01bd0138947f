/**
 * The git channels of the studio API over the open app's repository: each channel one call to a git
 * verb (main/services/git), its failures turned into StudioErrors a person can act on, remote
 * progress sent as `git:progress` events, one remote operation cancellable at a time.
 */
import fs from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import git from 'isomorphic-git';
import { type GitAuthor, type GitProgressEvent, type GitRepoState, type OpenedApp, type StudioHandlers, StudioError } from '../../core/api';
import type { EventHub } from './eventHub';
import * as verbs from './git';
import { ensureGitignore } from './git/gitignore';
import { ReadCommittedError, readCommitted } from './git/readCommitted';
import { inRepoQueue } from './git/repoQueue';
import { StatusCache } from './git/statusCache';
import { type CredentialStore, MemoryCredentialStore, remoteHost } from './gitCredentials';
import { mergeHandlers, mergeStateOf } from './gitMergeHandlers';
import type { Workspace } from './workspace';

type GitHandlers = Pick<StudioHandlers, Extract<keyof StudioHandlers, `git:${string}`>>;

/** What GitService needs beyond the workspace: where credentials are kept, and how a cloned app is opened. */
export interface GitServiceOptions {
  /** Default: in memory for the life of the process (the browser host). */
  readonly credentials?: CredentialStore;
  /** Opens a folder as the workspace and remembers it among the recent apps; default: workspace.open. */
  readonly openApp?: (dir: string) => Promise<OpenedApp>;
}

/** A git failure as the error the studio shows, keeping its kind where the UI offers a way on. */
export function studioErrorOf(error: unknown): unknown {
  if (!(error instanceof verbs.GitError)) return error;
  const code = error.kind === 'would-overwrite' || error.kind === 'needs-merge' || error.kind === 'auth-failed' ? error.kind : error.kind === 'not-a-repository' ? 'not-found' : 'git';
  return new StudioError(code, error.message);
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** The git side of the studio for the app open in `workspace`. */
export class GitService {
  private running: { operation: GitProgressEvent['operation']; abort: AbortController } | null = null;
  private readonly credentials: CredentialStore;
  /** Kept status per repository, refreshed by the paths the file watcher and the verbs report. */
  readonly statusCache = new StatusCache();
  /** The repository root of each app folder seen, to place watcher paths in their repository. */
  private readonly roots = new Map<string, string>();

  constructor(
    private readonly workspace: Workspace,
    private readonly events: EventHub,
    private readonly configDir: string,
    private readonly options: GitServiceOptions = {},
  ) {
    this.credentials = options.credentials ?? new MemoryCredentialStore();
    events.subscribe((event, payload) => {
      if (event !== 'files:changed') return;
      const { dir: app, paths } = payload as { dir: string; paths: readonly string[] };
      const dir = this.roots.get(app);
      if (dir) this.statusCache.changed(dir, paths.map((p) => toPosix(path.relative(dir, path.join(app, p)))));
    });
  }

  /** The repository root of the open app (NotARepository when there is none). */
  async root(): Promise<string> {
    const app = this.workspace.requireRoot();
    const dir = await verbs.findRepositoryRoot(app);
    this.roots.set(app, dir);
    return dir;
  }

  /** The stored credentials for a remote URL's host, if any. */
  credentialsFor(url: string): Promise<verbs.Credentials | undefined> {
    return this.credentials.get(remoteHost(url));
  }

  private async originUrl(dir: string): Promise<string> {
    const url = (await git.getConfig({ fs, dir, path: 'remote.origin.url' })) as string | undefined;
    if (!url) throw new verbs.NoRemote('origin');
    return url;
  }

  /** Where the repository stands; `isRepo` false when the app has none. */
  async state(): Promise<GitRepoState> {
    const app = this.workspace.requireRoot();
    let dir: string;
    try {
      dir = await verbs.findRepositoryRoot(app);
    } catch {
      return { isRepo: false, branch: null, head: null, appPath: '', remote: null, ahead: null, behind: null, merging: null, hasCredentials: false };
    }
    const head = await verbs.currentBranch(dir);
    const remote = (await git.getConfig({ fs, dir, path: 'remote.origin.url' })) as string | undefined;
    const counts = remote && head.kind === 'branch' ? await verbs.aheadBehind(dir).catch(() => null) : null;
    return {
      isRepo: true,
      branch: head.kind === 'branch' ? head.branch : null,
      head: head.oid,
      appPath: toPosix(path.relative(dir, app)),
      remote: remote ?? null,
      ahead: counts?.ahead ?? null,
      behind: counts?.behind ?? null,
      merging: await mergeStateOf(dir),
      hasCredentials: remote ? (await this.credentialsFor(remote)) !== undefined : false,
    };
  }

  private authorFile(): string {
    return path.join(this.configDir, 'git-author.json');
  }

  /** The author commits are made as: the studio's setting, else the repository's user.name/user.email. */
  async author(): Promise<GitAuthor | null> {
    try {
      const value = JSON.parse(await readFile(this.authorFile(), 'utf8')) as Partial<GitAuthor>;
      if (typeof value.name === 'string' && typeof value.email === 'string' && value.name && value.email) return { name: value.name, email: value.email };
    } catch {
      // No setting yet.
    }
    const dir = await this.root().catch(() => null);
    if (!dir) return null;
    const name = (await git.getConfig({ fs, dir, path: 'user.name' })) as string | undefined;
    const email = (await git.getConfig({ fs, dir, path: 'user.email' })) as string | undefined;
    return name && email ? { name, email } : null;
  }

  /** The author for a commit, or an error telling the person to set one. */
  async requireAuthor(): Promise<GitAuthor> {
    const found = await this.author();
    if (!found) throw new StudioError('invalid-argument', 'Commits need an author: set your name and e-mail address first (History → Author).');
    return found;
  }

  /** Runs a remote operation with progress events and the one cancel. */
  private async track<T>(operation: GitProgressEvent['operation'], work: (options: verbs.RemoteOptions) => Promise<T>): Promise<T> {
    if (this.running) throw new StudioError('git', `A ${this.running.operation} is still running. Wait for it, or cancel it first.`);
    const abort = new AbortController();
    this.running = { operation, abort };
    try {
      return await work({
        signal: abort.signal,
        onProgress: (p) => this.events.emit('git:progress', { operation, phase: p.phase, loaded: p.loaded, total: p.total }),
      });
    } finally {
      this.running = null;
    }
  }

  /** Runs a remote operation on the open app's repository with the origin's stored credentials. */
  private async remote<T>(operation: GitProgressEvent['operation'], work: (dir: string, options: verbs.RemoteOptions) => Promise<T>): Promise<T> {
    const dir = await this.root();
    const url = (await git.getConfig({ fs, dir, path: 'remote.origin.url' })) as string | undefined;
    const credentials = url ? await this.credentialsFor(url) : undefined;
    return this.track(operation, (options) => work(dir, { ...options, ...(credentials ? { credentials } : {}) }));
  }

  /** Clones `url` into `dir` with progress and cancel, keeps the credentials given, and opens the app. */
  async clone(url: string, dir: string, given: { username?: string | undefined; token?: string | undefined }): Promise<OpenedApp> {
    if (!path.isAbsolute(dir)) throw new StudioError('invalid-argument', 'Choose the folder to clone into by its full path.');
    let plain: URL;
    try {
      plain = new URL(url);
    } catch {
      throw new StudioError('invalid-argument', `"${url}" is not an address to clone from. Use the https:// address of the app's repository.`);
    }
    if (plain.protocol !== 'https:' && plain.protocol !== 'http:') throw new StudioError('invalid-argument', 'Clone from an https:// (or http://) address.');
    // Credentials typed into the address are used like the fields, and kept out of .git/config.
    const username = given.username ?? (plain.username ? decodeURIComponent(plain.username) : undefined);
    const token = given.token ?? (plain.password ? decodeURIComponent(plain.password) : undefined);
    plain.username = '';
    plain.password = '';
    const host = remoteHost(plain.href);
    const credentials = username && token ? { username, token } : await this.credentials.get(host);
    try {
      await this.track('clone', (options) => verbs.clone(plain.href, dir, { ...options, ...(credentials ? { credentials } : {}) }));
    } catch (error) {
      throw studioErrorOf(error);
    }
    if (username && token) await this.credentials.set(host, { username, token });
    return this.options.openApp ? this.options.openApp(dir) : this.workspace.open(dir);
  }

  /** The channel handlers. */
  handlers(): GitHandlers {
    const inRepo =
      <A, R>(work: (dir: string, args: A) => Promise<R>) =>
      async (args: A): Promise<R> => {
        try {
          return await work(await this.root(), args);
        } catch (error) {
          throw studioErrorOf(error);
        }
      };
    const done = async (work: Promise<unknown>) => {
      await work;
      return null;
    };
    // The kept status learns what each verb changed: only these paths, or everything when HEAD moved.
    const wrote = async <R>(dir: string, paths: readonly string[], work: Promise<R>): Promise<R> => {
      try {
        return await work;
      } finally {
        this.statusCache.wrote(dir, paths);
      }
    };
    const moved = async <R>(dir: string, work: () => Promise<R>): Promise<R> => {
      try {
        return await work();
      } finally {
        this.statusCache.forget(dir);
      }
    };
    return {
      'git:state': () => this.state(),
      'git:init': async () => {
        const app = this.workspace.requireRoot();
        const existing = await verbs.findRepositoryRoot(app).catch(() => null);
        if (!existing) {
          await git.init({ fs, dir: app, defaultBranch: 'main' });
          await ensureGitignore(app);
          // A status kept from an earlier repository in this folder (its .git removed) is not this one's.
          this.statusCache.forget(app);
        }
        return this.state();
      },
      'git:status': inRepo((dir) => this.statusCache.read(dir)),
      'git:stage': inRepo((dir, { paths }) => done(wrote(dir, paths, verbs.stage(dir, paths)))),
      'git:unstage': inRepo((dir, { paths }) => done(wrote(dir, paths, verbs.unstage(dir, paths)))),
      'git:stageContent': inRepo((dir, { path: file, content }) =>
        wrote(
          dir,
          [file],
          inRepoQueue(dir, async () => {
            // A part of a file's changes (chosen hunks) goes to the index; the working file stays as it is.
            const oid = await git.writeBlob({ fs, dir, blob: new TextEncoder().encode(content) });
            await git.updateIndex({ fs, dir, filepath: file, oid, add: true });
            return null;
          }),
        ),
      ),
      'git:commit': inRepo(async (dir, { message, amend }) => {
        const author = await this.requireAuthor();
        if (await verbs.mergeProgress(dir)) {
          // A commit during a merge is the merge commit (refused while conflicts are left).
          if (amend) throw new verbs.MergeInProgress('amend the last commit');
          return moved(dir, async () => ({ oid: await verbs.concludeMerge(dir, { message, author }) }));
        }
        if (amend) return moved(dir, async () => ({ oid: (await verbs.amend(dir, { message, author })).oid }));
        const staged = this.statusCache.staged(dir);
        const oid = await verbs.commit(dir, { message, author });
        this.statusCache.wrote(dir, staged);
        return { oid };
      }),
      'git:author': () => this.author(),
      'git:setAuthor': async (author) => {
        await fs.promises.mkdir(this.configDir, { recursive: true });
        await writeFile(this.authorFile(), JSON.stringify({ name: author.name.trim(), email: author.email.trim() }));
        return null;
      },
      'git:history': inRepo((dir, { ref, cursor }) => verbs.history(dir, { ...(ref ? { ref } : {}), cursor: cursor ?? null, pageSize: 50 })),
      'git:commitFiles': inRepo((dir, { oid }) => verbs.commitChanges(dir, oid)),
      'git:compare': inRepo((dir, { from, to }) => verbs.compareVersions(dir, from, to)),
      'git:fileAt': inRepo(async (dir, { ref, path: file }) => ({ content: await verbs.readFileAt(dir, ref, file) })),
      'git:fileAtIndex': inRepo(async (dir, { path: file }) => ({ content: await verbs.readFileInIndex(dir, file) })),
      'git:branches': inRepo((dir) => verbs.listBranches(dir)),
      'git:createBranch': inRepo((dir, { name, startPoint }) => done(verbs.createBranch(dir, name, startPoint))),
      'git:switchBranch': inRepo(async (dir, { name, onDirty }) => {
        await verbs.refuseDuringMerge(dir, 'switch branches');
        return moved(dir, () => verbs.switchBranch(dir, name, { onDirty: onDirty ?? 'refuse' }));
      }),
      'git:renameBranch': inRepo((dir, { from, to }) => done(verbs.renameBranch(dir, from, to))),
      'git:deleteBranch': inRepo((dir, { name, force }) => done(verbs.deleteBranch(dir, name, { force: force ?? false }))),
      'git:tags': inRepo((dir) => verbs.listTags(dir)),
      'git:createTag': inRepo(async (dir, { name, target, message }) => {
        const tagger = message ? await this.requireAuthor() : undefined;
        await verbs.createTag(dir, name, { ...(target ? { target } : {}), ...(message ? { message } : {}), ...(tagger ? { tagger } : {}) });
        return null;
      }),
      'git:discard': inRepo((dir, { paths }) => wrote(dir, paths, verbs.discard(dir, paths))),
      'git:recoveryList': inRepo((dir) => verbs.recoveryList(dir)),
      'git:recover': inRepo((dir, { id, paths }) => moved(dir, () => done(verbs.recover(dir, id, paths)))),
      'git:reset': inRepo(async (dir, { target, mode, onDirty }) => {
        await verbs.refuseDuringMerge(dir, 'reset');
        return moved(dir, async () => ({ recovery: (await verbs.reset(dir, target, { mode, onDirty: onDirty ?? 'refuse' })).recovery }));
      }),
      'git:stashList': inRepo((dir) => verbs.stashList(dir)),
      'git:stash': inRepo(async (dir, { message }) => {
        const author = await this.requireAuthor();
        return moved(dir, () => verbs.stashPush(dir, { ...(message ? { message } : {}), author }));
      }),
      'git:stashApply': inRepo(async (dir, { index, drop, onDirty }) => {
        await verbs.refuseDuringMerge(dir, 'apply a stash');
        return moved(dir, () => verbs.stashApply(dir, index, { drop: drop ?? false, onDirty: onDirty ?? 'refuse' }));
      }),
      'git:stashDrop': inRepo((dir, { index }) => verbs.stashDrop(dir, index)),
      'git:fetch': async () => {
        try {
          await this.remote('fetch', (dir, options) => verbs.fetch(dir, options));
        } catch (error) {
          throw studioErrorOf(error);
        }
        return this.state();
      },
      'git:pull': async ({ onDirty }) => {
        try {
          await verbs.refuseDuringMerge(await this.root(), 'pull');
          const result = await this.remote('pull', (dir, options) => moved(dir, () => verbs.pull(dir, { ...options, onDirty: onDirty ?? 'refuse' })));
          return { outcome: result.outcome, recovery: result.recovery };
        } catch (error) {
          throw studioErrorOf(error);
        }
      },
      'git:push': async () => {
        try {
          await this.remote('push', (dir, options) => verbs.push(dir, options));
        } catch (error) {
          throw studioErrorOf(error);
        }
        return this.state();
      },
      'git:setRemote': inRepo(async (dir, { url }) => {
        await git.addRemote({ fs, dir, remote: 'origin', url, force: true });
        return null;
      }),
      'git:fileAtHead': async ({ path: file }) => {
        try {
          return { content: await readCommitted(this.workspace.requireRoot(), file) };
        } catch (error) {
          if (!(error instanceof ReadCommittedError)) throw error;
          if (error.kind === 'not-in-head') return { content: null };
          throw new StudioError('not-found', error.message);
        }
      },
      'git:cancel': async () => {
        this.running?.abort.abort();
        return null;
      },
      'git:setCredentials': async ({ username, token }) => {
        try {
          await this.credentials.set(remoteHost(await this.originUrl(await this.root())), { username: username.trim(), token: token.trim() });
        } catch (error) {
          throw studioErrorOf(error);
        }
        return this.state();
      },
      'git:forgetCredentials': async () => {
        try {
          await this.credentials.forget(remoteHost(await this.originUrl(await this.root())));
        } catch (error) {
          throw studioErrorOf(error);
        }
        return this.state();
      },
      'git:clone': ({ url, dir, username, token }) => this.clone(url, dir, { username, token }),
      ...mergeHandlers(this, inRepo, moved),
    };
  }
}
