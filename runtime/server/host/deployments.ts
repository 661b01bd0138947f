/**
 * The runtime host's deploys and rollbacks, and the admin routes that start and read them:
 *
 * - `POST /admin/deployments` deploys a tag fetched from an HTTP(S) git remote, checked like `studio
 *   check` (a version with errors is refused with its diagnostics), stored, loaded and only then made
 *   active. It answers when the deploy has ended, or at once with 202 and the deployment's id when the
 *   body says `"wait": false` or the request `Prefer: respond-async`.
 * - `GET /admin/deployments/ID` is one deployment: its phase (queued, fetching, checking, storing,
 *   loading), its result (running, succeeded, failed), message and diagnostics; `GET
 *   /admin/deployments?org&app` an app's history and active version.
 * - `POST /admin/rollback` makes an earlier successful version active again.
 *
 * Every deployment is a row in the shared database from its start (deploymentRecords.ts), so any
 * replica answers about it. While it runs, this replica touches the row every `heartbeatMs`; a row
 * left running by a replica that died is ended as interrupted by the next read after
 * `deploymentStaleMs`, or at once when a replica starts that knows the row's writer is gone (the
 * embedded store, which only one process opens; or a replica of the same id, restarted).
 */
import os from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadAppModel } from '../../../core/app/model/loadAppModel';
import { checkApp } from '../../../core/refs/checkApp';
import { diskAppSource } from '../appSource';
import { DeploymentInterrupted, deploymentStaleMs, type Deployment, type DeploymentPhase } from './deploymentRecords';
import type { HostDatabase } from './hostDatabase';
import { HostError, errorMessage, readJson, sendJson } from './hostHttp';
import { fetchVersion, safeName, safeRef, versionDir, writeVersionDir } from './versionFiles';

export interface DeploymentsOptions<V> {
  readonly db: HostDatabase;
  readonly dataDir: string;
  readonly envName: string;
  readonly log: (entry: Record<string, unknown>) => void;
  /** Loads (or finds loaded) a version of an app. */
  load(org: string, app: string, commit: string, tag: string): Promise<V>;
  /** Makes a loaded version the one this replica serves for the app. */
  activate(org: string, app: string, version: string, loaded: V): void;
  /** The version this replica serves for an app, or null. */
  activeOf(org: string, app: string): { readonly version: string; readonly commit: string } | null;
  /** The database is this process's alone (the embedded store): whatever was running when it started was left by a dead host. */
  readonly exclusive: boolean;
  /** How often a running deployment's row is touched; default an eighth of the time it may go untouched. */
  readonly heartbeatMs?: number;
}

export interface Deployments {
  /** Answers an admin request when it is one of the deployment routes; false when it is not. */
  answer(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** Ends as interrupted what a dead host left running (call once at start). */
  recover(): Promise<void>;
  /** Resolves once the deploys and rollbacks this replica runs have ended. */
  idle(): Promise<void>;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

/** One running deployment's steps: each phase is recorded before it starts, a failure ends the row. */
interface Run {
  phase(phase: DeploymentPhase, commit?: string): Promise<void>;
  fail(status: number, why: string, diagnostics?: readonly unknown[]): Promise<Answer>;
}

let replicaCount = 0;

const requireApp = (body: Record<string, unknown>): { org: string; app: string } => {
  const { org, app } = body;
  if (!safeName(org) || !safeName(app)) throw new HostError(400, 'org and app must be names of letters, digits, dot, dash and underscore');
  return { org, app };
};

const optionalText = (body: Record<string, unknown>, name: string): string | undefined => {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new HostError(400, `${name} must be a string`);
  return value;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The deploys, rollbacks and deployment routes of one host replica. */
export function hostDeployments<V>(options: DeploymentsOptions<V>): Deployments {
  const { db, dataDir, envName } = options;
  const log = (event: string, entry: Record<string, unknown>) => options.log({ time: new Date().toISOString(), env: envName, event, ...entry });
  // Same host name, process and order of start: the same replica restarted (a container's process is always pid 1).
  const replica = `${os.hostname()}:${process.pid}:${++replicaCount}`;
  const heartbeatMs = options.heartbeatMs ?? deploymentStaleMs / 8;

  // Deploys and rollbacks of one app run one after another on this replica.
  const queues = new Map<string, Promise<unknown>>();
  const inQueue = <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const next = (queues.get(key) ?? Promise.resolve()).then(work);
    queues.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  };
  /** Deploys started without waiting, until their rows have ended (the queue alone lets go before the row's last write). */
  const unawaited = new Set<Promise<unknown>>();

  /** Runs a started deployment: its row touched while it lasts, and ended whatever happens (the answer never rejects). */
  const running = async (row: Deployment, work: (run: Run) => Promise<Answer>): Promise<Answer> => {
    const app = `${row.org}/${row.app}`;
    const beat = setInterval(() => void db.touchDeployment(row.id).catch(() => undefined), heartbeatMs);
    beat.unref();
    const run: Run = {
      phase: async (phase, commit) => {
        if (!(await db.setPhase(row.id, phase, commit))) throw new DeploymentInterrupted(await db.getDeployment(row.id));
        log('deploy-phase', { app, deployment: row.id, version: row.version, phase });
      },
      fail: async (status, why, diagnostics) => {
        const deployment = await db.finishDeployment(row.id, { result: 'failed', message: why, ...(diagnostics ? { diagnostics } : {}) }, false);
        log(`${row.kind}-failed`, { app, deployment: row.id, version: row.version, commit: deployment.commit, phase: deployment.phase, error: why });
        return { status, body: { message: why, deployment, ...(diagnostics ? { diagnostics } : {}) } };
      },
    };
    try {
      return await work(run);
    } catch (error) {
      if (error instanceof DeploymentInterrupted) return { status: 409, body: { message: error.message, deployment: error.deployment } };
      // The database failed under it: end the row if it still can; else the next read ends it as interrupted.
      return run.fail(500, `The host failed during the ${row.kind}: ${errorMessage(error)}`).catch((again: unknown) => {
        log(`${row.kind}-failed`, { app, deployment: row.id, error: errorMessage(again) });
        return { status: 500, body: { message: `The host failed during the ${row.kind}: ${errorMessage(error)}` } };
      });
    } finally {
      clearInterval(beat);
    }
  };

  async function deployVersion(row: Deployment, run: Run, fetch: { remote: string; username?: string; password?: string }): Promise<Answer> {
    const { org, app, version: ref } = row;
    const started = performance.now();
    await run.phase('fetching');
    let fetched;
    try {
      fetched = await fetchVersion({ ref, ...fetch });
    } catch (error) {
      return run.fail(502, `Could not fetch ${ref} from ${fetch.remote}: ${errorMessage(error)}`);
    }
    const { commit, files } = fetched;
    await run.phase('checking', commit);
    if (!files.has('App/config/applicationmetadata.json')) return run.fail(409, `${ref} is not an Altinn app: App/config/applicationmetadata.json is missing`);
    const dir = versionDir(dataDir, org, app, commit);
    let diagnostics;
    try {
      await writeVersionDir(dir, files);
      diagnostics = checkApp(await loadAppModel(await diskAppSource(dir))).diagnostics;
    } catch (error) {
      return run.fail(409, `${ref} could not be read: ${errorMessage(error)}`);
    }
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) return run.fail(409, `${ref} has ${plural(errors.length, 'error')} in its check; fix them and deploy again`, errors);
    await run.phase('storing');
    await db.saveVersionFiles(org, app, commit, files);
    await run.phase('loading');
    let loaded;
    try {
      loaded = await options.load(org, app, commit, ref);
    } catch (error) {
      return run.fail(500, `${ref} could not be loaded: ${errorMessage(error)}`);
    }
    const deployment = await db.finishDeployment(row.id, { result: 'succeeded', message: `Deployed ${ref} (${commit.slice(0, 7)}), ${plural(diagnostics.length, 'warning')} or notes` }, true);
    options.activate(org, app, ref, loaded);
    log('deployed', { app: `${org}/${app}`, deployment: row.id, version: ref, commit, ms: Math.round(performance.now() - started) });
    return { status: 201, body: { deployment, warnings: diagnostics } };
  }

  async function deploy(body: Record<string, unknown>, wait: boolean): Promise<Answer> {
    const { org, app } = requireApp(body);
    const { ref, remote } = body;
    if (!safeRef(ref)) throw new HostError(400, 'ref must be a tag name');
    if (typeof remote !== 'string' || !/^https?:\/\//.test(remote)) throw new HostError(400, 'remote must be an http(s) git URL');
    const username = optionalText(body, 'username');
    const password = optionalText(body, 'password');
    const by = optionalText(body, 'by') ?? null;
    const fetch = { remote, ...(username !== undefined ? { username } : {}), ...(password !== undefined ? { password } : {}) };
    const row = await db.startDeployment({ org, app, version: ref, commit: null, kind: 'deploy', by, replica }, 'queued');
    const answer = running(row, (run) => inQueue(`${org}/${app}`, () => deployVersion(row, run, fetch)));
    if (wait) return answer;
    unawaited.add(answer);
    void answer.finally(() => unawaited.delete(answer));
    return { status: 202, body: { deployment: row }, headers: { location: `/admin/deployments/${row.id}` } };
  }

  async function rollback(body: Record<string, unknown>): Promise<Answer> {
    const { org, app } = requireApp(body);
    const version = body.version;
    if (typeof version !== 'string' || version === '') throw new HostError(400, 'version must be the tag (or commit) of an earlier successful deployment');
    const by = optionalText(body, 'by') ?? null;
    return inQueue(`${org}/${app}`, async () => {
      const earlier = await db.findSucceeded(org, app, version);
      if (!earlier?.commit) throw new HostError(404, `${org}/${app} has no successful deployment of ${version}`);
      const commit = earlier.commit;
      const row = await db.startDeployment({ org, app, version: earlier.version, commit, kind: 'rollback', by, replica }, 'loading');
      return running(row, async (run) => {
        let loaded;
        try {
          loaded = await options.load(org, app, commit, earlier.version);
        } catch (error) {
          return run.fail(500, `${earlier.version} could not be loaded: ${errorMessage(error)}`);
        }
        const deployment = await db.finishDeployment(row.id, { result: 'succeeded', message: `Rolled back to ${earlier.version} (${commit.slice(0, 7)})` }, true);
        options.activate(org, app, earlier.version, loaded);
        log('rolled-back', { app: `${org}/${app}`, deployment: row.id, version: earlier.version, commit });
        return { status: 200, body: { deployment } };
      });
    });
  }

  async function answer(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const method = req.method ?? 'GET';
    const route = url.pathname.replace(/\/+$/, '');
    const one = /^\/admin\/deployments\/([^/]+)$/.exec(route);
    let result: Answer;
    if (route === '/admin/deployments' && method === 'GET') {
      const org = url.searchParams.get('org');
      const app = url.searchParams.get('app');
      if (!safeName(org) || !safeName(app)) throw new HostError(400, 'Give ?org=ORG&app=APP');
      result = { status: 200, body: { org, app, active: options.activeOf(org, app), deployments: await db.listDeployments(org, app) } };
    } else if (one && method === 'GET') {
      const deployment = /^\d{1,15}$/.test(one[1]!) ? await db.getDeployment(Number(one[1])) : null;
      if (!deployment) throw new HostError(404, `There is no deployment ${one[1]}`);
      result = { status: 200, body: { deployment } };
    } else if (route === '/admin/deployments' && method === 'POST') {
      const body = await readJson(req);
      if (body.wait !== undefined && typeof body.wait !== 'boolean') throw new HostError(400, 'wait must be true or false');
      const preferAsync = /(^|[\s,;])respond-async\b/i.test(String(req.headers.prefer ?? ''));
      result = await deploy(body, typeof body.wait === 'boolean' ? body.wait : !preferAsync);
      if (preferAsync && result.status === 202) result = { ...result, headers: { ...result.headers, 'preference-applied': 'respond-async' } };
    } else if (route === '/admin/rollback' && method === 'POST') {
      result = await rollback(await readJson(req));
    } else {
      return false;
    }
    sendJson(res, result.status, result.body, result.headers);
    return true;
  }

  return {
    answer,
    recover: async () => {
      const interrupted = await db.interruptRunning(options.exclusive ? null : replica);
      if (interrupted > 0) log('deploys-interrupted', { count: interrupted, replica });
    },
    idle: async () => {
      await Promise.all([...queues.values(), ...unawaited]);
    },
  };
}
