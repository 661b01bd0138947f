/**
 * The `deploy:*` channels: environments, versions, and deployments of the open app to runtime hosts.
 * Every call to a host is made here, with the environment's admin token, which never reaches the
 * renderer; the host fetches the version from the app's remote with the studio's git credentials.
 */
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { type DeployHistory, type DeployOutcome, type DeployPhase, type DeployStatus, type StudioHandlers, StudioError } from '../../../core/api';
import * as verbs from '../git';
import type { CredentialStore } from '../gitCredentials';
import { type GitService, studioErrorOf } from '../gitService';
import { previewAppIdentity } from '../previewService';
import type { Workspace } from '../workspace';
import { DeployEnvironments } from './environments';
import { HostClient } from './hostClient';
import { createVersion, listVersions } from './versions';

type DeployChannels = Extract<keyof StudioHandlers, `deploy:${string}`>;

export interface DeployHandlerOptions {
  readonly configDir: string;
  /** Where the environments' admin tokens are kept (the OS keychain on the desktop, memory in the browser host). */
  readonly tokens: CredentialStore;
  readonly workspace: Workspace;
  readonly git: GitService;
}

/** The handlers of the deploy channels. */
export function deployHandlers(options: DeployHandlerOptions): Pick<StudioHandlers, DeployChannels> {
  const environments = new DeployEnvironments(options.configDir, options.tokens);
  /** The deploy or rollback this studio has running, per environment. */
  const running = new Map<string, NonNullable<DeployStatus['running']>>();

  const clientOf = async (name: string) => {
    const env = await environments.resolve(name);
    return { env, client: new HostClient({ environment: env.name, url: env.url, token: env.token }) };
  };
  const appIdentity = async () => {
    const { org, appName } = await previewAppIdentity(options.workspace.requireRoot());
    return { org, app: appName };
  };
  const gitErrors = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw studioErrorOf(error);
    }
  };
  const by = async () => {
    const author = await options.git.author();
    return author ? `${author.name} <${author.email}>` : undefined;
  };
  /** Runs a deploy or rollback as the environment's running one; `work` reports the phases the host says it is at. */
  const tracked = async (environment: string, version: string, kind: 'deploy' | 'rollback', work: (onPhase: (phase: DeployPhase) => void) => Promise<DeployOutcome>) => {
    const busy = running.get(environment);
    if (busy) throw new StudioError('invalid-argument', `A ${busy.kind} of ${busy.version} to "${environment}" is still running. Wait for it to finish.`);
    const startedAt = Date.now();
    running.set(environment, { version, kind, startedAt, phase: null });
    try {
      return await work((phase) => running.set(environment, { version, kind, startedAt, phase }));
    } finally {
      running.delete(environment);
    }
  };

  return {
    'deploy:environments': () => environments.list(),
    'deploy:saveEnvironment': ({ environment, previousName }) => environments.save(environment, previousName),
    'deploy:removeEnvironment': ({ name }) => environments.remove(name),
    'deploy:versions': () => gitErrors(async () => listVersions(await options.git.root())),
    'deploy:createVersion': ({ version, message }) =>
      gitErrors(async () => {
        const dir = await options.git.root();
        const remote = (await git.getConfig({ fs, dir, path: 'remote.origin.url' })) as string | undefined;
        const credentials = remote ? await options.git.credentialsFor(remote) : undefined;
        const tagger = (await options.git.author()) ?? undefined;
        // Read afresh, not the kept status: a version must never leave out an edit the watcher has not reported yet.
        const changes = await verbs.status(dir);
        return createVersion({
          dir,
          appDir: options.workspace.requireRoot(),
          version,
          ...(message ? { message } : {}),
          ...(tagger ? { tagger: { name: tagger.name, email: tagger.email } } : {}),
          ...(credentials ? { credentials } : {}),
          uncommitted: changes.map((c) => c.path),
        });
      }),
    'deploy:deploy': async ({ environment, version }) => {
      const { env, client } = await clientOf(environment);
      const { org, app } = await appIdentity();
      const dir = await gitErrors(() => options.git.root());
      if (path.resolve(dir) !== path.resolve(options.workspace.requireRoot())) {
        // The host reads App/ at the root of what it fetches.
        throw new StudioError('unsupported', 'This app is in a folder of a larger repository; a runtime host deploys a repository that is the app itself. Move the app to a repository of its own to deploy it.');
      }
      const remote = (await git.getConfig({ fs, dir, path: 'remote.origin.url' })) as string | undefined;
      if (!remote) throw new StudioError('git', 'The repository has no remote the host could fetch the version from. Set one in the History area (Remote) and create the version again.');
      const credentials = await options.git.credentialsFor(remote);
      const who = await by();
      return tracked(env.name, version, 'deploy', (onPhase) =>
        client.deploy({ org, app, ref: version, remote, ...(credentials ? { username: credentials.username, password: credentials.token } : {}), ...(who ? { by: who } : {}) }, onPhase),
      );
    },
    'deploy:history': async ({ environment }): Promise<DeployHistory> => {
      const { env, client } = await clientOf(environment);
      const { org, app } = await appIdentity();
      const history = await client.history(org, app);
      return { environment: env.name, org, app, active: history.active, deployments: history.deployments, appUrl: `${env.url}/${encodeURIComponent(org)}/${encodeURIComponent(app)}/` };
    },
    'deploy:rollback': async ({ environment, version }) => {
      const { env, client } = await clientOf(environment);
      const { org, app } = await appIdentity();
      const who = await by();
      return tracked(env.name, version, 'rollback', () => client.rollback(org, app, version, who));
    },
    'deploy:status': async ({ environment }): Promise<DeployStatus> => {
      const { env, client } = await clientOf(environment);
      const base = { environment: env.name, running: running.get(env.name) ?? null };
      try {
        await client.health();
        const { org, app } = await appIdentity();
        const history = await client.history(org, app);
        return { ...base, reachable: true, problem: null, active: history.active };
      } catch (error) {
        if (!(error instanceof StudioError)) throw error;
        return { ...base, reachable: error.code === 'auth-failed', problem: error.message, active: null };
      }
    },
  };
}
