/**
 * The runtime host: serves any number of deployed apps to their users at `/{org}/{app}/`, with the same
 * app API as the studio's preview (createAppHandler) but without the preview's token guard and its
 * studio-only routes. Instances live in PostgreSQL (`database`) or the embedded store in `dataDir`.
 *
 * Attachments (every byte content of a data element) go to a blob store: the folder `blobDir`, by
 * default `dataDir/blobs`; several replicas need one folder they all share (a shared volume), or a
 * `blobs` store of their own (an S3-compatible one through the BlobStore interface).
 *
 * It keeps nothing of its own beyond the database, the blobs and the version folders, which it can rebuild from
 * the database: which version of each app is active lives in the database (hostDatabase.ts) and every
 * replica re-reads it every `refreshMs`, loading a new version before it switches to it. An instance
 * is answered by the version it was created on, loaded on demand.
 *
 * Deployments come in through the admin API (bearer `adminToken`, routes in deployments.ts): a tag
 * fetched from an HTTP(S) git remote, checked like `studio check` (a version with errors is refused
 * with its diagnostics), stored, loaded and only then made active, each phase recorded in the database
 * as it goes; rollback makes an earlier successful version active again.
 *
 * `GET /health` says the process is alive; `GET /ready` that the database answers and every active app
 * is loaded. One JSON log line per request goes to `log`. `close()` stops accepting, lets requests in
 * flight finish, then closes the database.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadAppModel } from '../../../core/app/model/loadAppModel';
import { createAppHandler, type AppHandler } from '../appApi';
import { fileBlobStore, type BlobStore } from '../blobStore';
import { sweepBlobs } from '../blobSweep';
import type { Auth } from '../auth';
import { diskAppSource } from '../appSource';
import { commonHeaders, previewCsp, readClientFile, sendStaticFile, wwwrootOf } from '../clientFiles';
import { openEmbeddedDriver } from '../pgliteStorage';
import { openPostgresDriver } from '../postgresStorage';
import { runtimeClientDir } from '../runtimeRoot';
import type { RuntimeServices, RuntimeUser } from '../services';
import { sqlStorage, type SqlDriver, type SqlRuntimeStorage } from '../sqlStorage';
import type { RuntimeStorage } from '../storage';
import { hostDeployments } from './deployments';
import { hostDatabase, migrateHost, type HostDatabase } from './hostDatabase';
import { HostError, errorMessage as message, sendJson } from './hostHttp';
import { instanceHeader, requestInstance } from './requestInstance';
import { versionDir, writeVersionDir } from './versionFiles';

/** One structured log line. */
export type HostLogEntry = Record<string, unknown>;

export interface AppHostOptions {
  /** Where versions (and the embedded database, when no `database` is given) are kept. */
  readonly dataDir: string;
  /** `postgres://…` / `postgresql://…`: the shared database of every replica. Absent: the embedded store in `dataDir/db`. */
  readonly database?: string;
  /** The folder attachments are kept in (a fileBlobStore); default `dataDir/blobs`. Replicas share one (a shared volume). */
  readonly blobDir?: string;
  /** Where attachments are kept instead of `blobDir`: any BlobStore, e.g. an S3-compatible one. */
  readonly blobs?: BlobStore;
  /**
   * How often blobs no row points at (writes that failed after their blob was put) are swept away, once
   * an hour old (blobSweep.ts); default every hour, 0 never. Replicas sweeping at once do no harm.
   */
  readonly blobSweepMs?: number;
  /** 0 or absent picks a free port. */
  readonly port?: number;
  /** The address to listen on; default 127.0.0.1 (a container passes 0.0.0.0). */
  readonly hostname?: string;
  /** The admin API's bearer token; absent: every admin request gets 401. */
  readonly adminToken?: string;
  /** The environment's name (`test`, `production`), shown by /health and in every log line. */
  readonly envName?: string;
  /** How often the active versions are re-read from the database; default 1000 ms. */
  readonly refreshMs?: number;
  /** Where the JSON log lines go; default one line each to stdout. */
  readonly log?: (entry: HostLogEntry) => void;
  /** Who is asking (the login in front of the host); absent: `auth`'s, else nobody is identified. */
  readonly userOf?: (req: IncomingMessage) => RuntimeUser | null;
  /**
   * End-user login (runtime/server/auth): its routes (`/{org}/{app}/auth/login`, the callback, logout)
   * are answered before the apps, a bad bearer token is refused, and its `userOf` identifies people
   * and machine clients for the policy. /ready waits until its issuers' keys are loaded.
   */
  readonly auth?: Auth;
  readonly services?: RuntimeServices;
  /** The built form app; default `out/runtime-client` of this Studio Desktop. */
  readonly clientDir?: string;
  /** How long `close()` waits for requests in flight before cutting connections; default 10 s. */
  readonly shutdownTimeoutMs?: number;
  /** Largest app API request body; default that of createAppHandler. */
  readonly maxBodyBytes?: number;
}

export interface AppHost {
  /** `http://HOST:PORT` */
  readonly url: string;
  readonly port: number;
  /** Re-reads the active versions from the database now (the poll does this every `refreshMs`). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

interface LoadedVersion {
  readonly org: string;
  readonly app: string;
  readonly commit: string;
  /** The tag it was deployed as (the commit's start when no successful deployment names it). */
  readonly tag: string;
  readonly handler: AppHandler;
}

interface ActiveApp {
  readonly version: string;
  readonly loaded: LoadedVersion;
}

/** The form app's CSP, framed by nobody. */
const hostCsp = previewCsp.replace(/frame-ancestors [^;]*/, "frame-ancestors 'none'");

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares in time independent of where (or whether) the strings differ. */
export function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Opens the database: PostgreSQL for a URL, else the embedded store in `dataDir/db`. */
async function openDatabase(options: AppHostOptions): Promise<SqlDriver> {
  if (options.database && /^postgres(ql)?:\/\//.test(options.database)) return openPostgresDriver(options.database);
  if (options.database) throw new Error(`The database must be a postgres:// URL, got ${options.database.split(':')[0]}:…`);
  return openEmbeddedDriver(path.join(options.dataDir, 'db'));
}

/** Starts the host; resolves once it listens and has loaded the active versions (or tried to). */
export async function startAppHost(options: AppHostOptions): Promise<AppHost> {
  const dataDir = path.resolve(options.dataDir);
  await fs.mkdir(dataDir, { recursive: true });
  const envName = options.envName ?? 'default';
  const refreshMs = options.refreshMs ?? 1000;
  const clientDir = options.clientDir ?? runtimeClientDir();
  const log = options.log ?? ((entry: HostLogEntry) => process.stdout.write(`${JSON.stringify(entry)}\n`));
  const driver = await openDatabase(options);
  let db: HostDatabase;
  let storage: SqlRuntimeStorage;
  const blobStore = options.blobs ?? fileBlobStore(path.resolve(options.blobDir ?? path.join(dataDir, 'blobs')));
  try {
    await migrateHost(driver);
    db = hostDatabase(driver);
    storage = sqlStorage(driver, { blobs: blobStore });
  } catch (error) {
    await driver.close();
    throw error;
  }

  /** Loaded (or loading) versions by `org/app/commit`. */
  const versions = new Map<string, Promise<LoadedVersion>>();
  /** The active version of each app, by `org/app`, as this replica serves it. */
  const active = new Map<string, ActiveApp>();
  /** The version each instance was created on, by `org/app/partyId/guid` (it never changes, so it is kept once read). */
  const instanceVersions = new Map<string, string>();
  /** Apps whose active version this replica could not load at its last refresh, with why. */
  const loadFailures = new Map<string, string>();
  let refreshedOnce = false;

  /** The instance store of one version: instances it creates remember it. */
  const versionStorage = (org: string, app: string, commit: string): RuntimeStorage => ({
    ...storage,
    createInstance: async (instance, contents) => {
      await storage.createInstance(instance, contents);
      await db.recordInstanceVersion(instance.id, org, app, commit);
      instanceVersions.set(`${org}/${app}/${instance.id}`, commit);
    },
    close: async () => undefined,
  });

  // A person the people registry does not know gets her ids from this database at her login.
  options.auth?.useIdAssigner(db.assignPersonIds);
  const userOf = options.userOf ?? options.auth?.userOf;
  // The login's issuers: loaded once at start, and again by /ready until they answer.
  let authReady = false;
  const loadAuth = async (): Promise<boolean> => {
    if (!options.auth || authReady) return true;
    authReady = await options.auth.ready().then(
      () => true,
      () => false,
    );
    return authReady;
  };

  /** Loads a version from its folder, rebuilding the folder from the database when this replica has none. */
  const loadVersion = (org: string, app: string, commit: string, knownTag?: string): Promise<LoadedVersion> => {
    const key = `${org}/${app}/${commit}`;
    let loading = versions.get(key);
    if (!loading) {
      loading = (async () => {
        const dir = versionDir(dataDir, org, app, commit);
        if (!existsSync(dir)) {
          const files = await db.readVersionFiles(org, app, commit);
          if (files.size === 0) throw new Error(`The files of ${org}/${app} version ${commit} are neither in ${dir} nor in the database`);
          await writeVersionDir(dir, files);
        }
        const model = await loadAppModel(await diskAppSource(dir));
        const handler = createAppHandler({
          app: model,
          org,
          appName: app,
          storage: versionStorage(org, app, commit),
          services: options.services ?? {},
          ...(userOf ? { userOf } : {}),
          ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
        });
        const tag = knownTag ?? (await db.findSucceeded(org, app, commit))?.version ?? commit.slice(0, 12);
        return { org, app, commit, tag, handler };
      })();
      versions.set(key, loading);
      // A failed load is tried again next time.
      loading.catch(() => versions.delete(key));
    }
    return loading;
  };

  /** Re-reads the active versions; an app switches once its new version is loaded. */
  const refresh = async (): Promise<void> => {
    const rows = await db.listActive();
    await Promise.all(
      rows.map(async (row) => {
        const key = `${row.org}/${row.app}`;
        const current = active.get(key);
        if (current?.loaded.commit === row.commit && current.version === row.version) return;
        try {
          const loaded = await loadVersion(row.org, row.app, row.commit, row.version);
          active.set(key, { version: row.version, loaded });
          loadFailures.delete(key);
          if (current) log({ time: new Date().toISOString(), env: envName, event: 'switched', app: key, version: row.version, commit: row.commit });
        } catch (error) {
          loadFailures.set(key, message(error));
          log({ time: new Date().toISOString(), env: envName, event: 'load-failed', app: key, version: row.version, commit: row.commit, error: message(error) });
        }
      }),
    );
    refreshedOnce = true;
  };

  const deployments = hostDeployments({
    db,
    dataDir,
    envName,
    log,
    load: loadVersion,
    activate: (org, app, version, loaded) => {
      active.set(`${org}/${app}`, { version, loaded });
      loadFailures.delete(`${org}/${app}`);
    },
    activeOf: (org, app) => {
      const current = active.get(`${org}/${app}`);
      return current ? { version: current.version, commit: current.loaded.commit } : null;
    },
    exclusive: !options.database,
  });

  async function admin(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const header = req.headers.authorization ?? '';
    const given = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
    if (!options.adminToken || !sameToken(given, options.adminToken)) {
      req.resume();
      res.setHeader('www-authenticate', 'Bearer');
      throw new HostError(401, 'The admin API needs the host\'s admin token as "Authorization: Bearer TOKEN"');
    }
    if (await deployments.answer(req, res, url)) return;
    const method = req.method ?? 'GET';
    const route = url.pathname.replace(/\/+$/, '');
    if (route === '/admin/apps' && method === 'GET') {
      return sendJson(res, 200, [...active].map(([key, a]) => ({ app: key, version: a.version, commit: a.loaded.commit })));
    }
    req.resume();
    throw new HostError(404, `There is no admin route ${method} ${url.pathname}`);
  }

  /** The form app's page and files, the same for every app. */
  async function serveClient(req: IncomingMessage, res: ServerResponse, rel: string): Promise<boolean> {
    const head = req.method === 'HEAD';
    if (rel === '' || rel === 'index.html') {
      let html: Buffer;
      try {
        html = await fs.readFile(path.join(clientDir, 'index.html'));
      } catch {
        return false;
      }
      res.writeHead(200, { ...commonHeaders, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': hostCsp });
      res.end(head ? undefined : html);
      return true;
    }
    const file = await readClientFile(clientDir, rel);
    if (!file) return false;
    sendStaticFile(res, file, head);
    return true;
  }

  /** The version that answers a request: the instance's own one (by path, or the form app's instance header), else the app's active one. */
  async function versionFor(org: string, app: string, current: ActiveApp, segments: readonly string[], header: string | string[] | undefined): Promise<{ loaded: LoadedVersion; version: string }> {
    const instanceId = requestInstance(segments, header);
    if (!instanceId) return current;
    const key = `${org}/${app}/${instanceId}`;
    let commit = instanceVersions.get(key);
    if (!commit) {
      commit = (await db.instanceVersion(instanceId, org, app)) ?? undefined;
      if (commit) {
        if (instanceVersions.size > 100_000) instanceVersions.clear();
        instanceVersions.set(key, commit);
      }
    }
    if (!commit || commit === current.loaded.commit) return current;
    const loaded = await loadVersion(org, app, commit);
    return { loaded, version: loaded.tag };
  }

  /** Per request: set once known, for the log line. */
  interface RequestNote {
    app?: string;
    version?: string;
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, note: RequestNote): Promise<void> {
    const method = req.method ?? 'GET';
    const pathname = url.pathname;
    if (pathname === '/health') return sendJson(res, 200, { status: 'ok', env: envName });
    if (pathname === '/ready') {
      const reachable = await db.ping();
      const login = await loadAuth();
      const ready = reachable && login && refreshedOnce && loadFailures.size === 0 && !closing;
      return sendJson(res, ready ? 200 : 503, {
        status: ready ? 'ready' : 'not ready',
        env: envName,
        database: reachable,
        ...(options.auth ? { login } : {}),
        apps: [...active].map(([key, a]) => ({ app: key, version: a.version })),
        ...(loadFailures.size ? { failures: Object.fromEntries(loadFailures) } : {}),
      });
    }
    if (pathname === '/admin' || pathname.startsWith('/admin/')) return admin(req, res, url);
    if (options.auth && (await options.auth.handle(req, res, url))) return;
    let segments: string[];
    try {
      segments = pathname.split('/').filter((s) => s.length > 0).map(decodeURIComponent);
    } catch {
      throw new HostError(400, `The path ${pathname} is not correctly percent-encoded`);
    }
    const [org, app, ...rest] = segments;
    const key = `${org}/${app}`;
    const current = org && app ? active.get(key) : undefined;
    if (!org || !app || !current) {
      req.resume();
      throw new HostError(404, org && app ? `No app ${key} is deployed here` : 'Apps are served at /ORG/APP/');
    }
    note.app = key;
    note.version = current.version;
    if (!pathname.startsWith(`/${org}/${app}/`)) {
      res.writeHead(302, { ...commonHeaders, location: `/${org}/${app}/${url.search}` }).end();
      return;
    }
    const head = rest[0]?.toLowerCase();
    if ((method === 'GET' || method === 'HEAD') && head !== 'api' && head !== 'instances' && head !== 'v1') {
      if (await serveClient(req, res, rest.join('/'))) return;
    }
    const serving = await versionFor(org, app, current, rest, req.headers[instanceHeader]);
    note.version = serving.version;
    if ((method === 'GET' || method === 'HEAD') && head !== 'api' && head !== 'instances' && head !== 'v1') {
      // The app's own static files (App/wwwroot) of the version that answers.
      const file = await readClientFile(wwwrootOf(versionDir(dataDir, org, app, serving.loaded.commit)), rest.join('/'));
      if (file) return sendStaticFile(res, file, method === 'HEAD');
    }
    serving.loaded.handler(req, res);
  }

  let closing = false;
  const server = http.createServer((req, res) => {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://host');
    const note: RequestNote = {};
    if (closing) res.setHeader('connection', 'close');
    res.on('finish', () => {
      // A keep-alive connection whose request was in flight when close() began ends with it.
      if (closing) req.socket.end();
      log({
        time: new Date().toISOString(),
        env: envName,
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(note.app ? { app: note.app } : {}),
        ...(note.version ? { version: note.version } : {}),
      });
    });
    route(req, res, url, note).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof HostError) return sendJson(res, error.status, { status: error.status, message: error.message, ...error.extra });
      sendJson(res, 500, { status: 500, message: `The host failed: ${message(error)}` });
    });
  });
  server.requestTimeout = 120_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.hostname ?? '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await driver.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;

  await deployments.recover().catch((error: unknown) => log({ time: new Date().toISOString(), env: envName, event: 'recover-failed', error: message(error) }));
  await refresh().catch((error: unknown) => log({ time: new Date().toISOString(), env: envName, event: 'refresh-failed', error: message(error) }));
  if (!(await loadAuth())) log({ time: new Date().toISOString(), env: envName, event: 'login-not-ready', error: 'the login issuer did not answer; /ready says so until it does' });
  let timer: NodeJS.Timeout | null = null;
  let refreshing: Promise<void> = Promise.resolve();
  const poll = () => {
    timer = setTimeout(() => {
      refreshing = refresh()
        .catch((error: unknown) => log({ time: new Date().toISOString(), env: envName, event: 'refresh-failed', error: message(error) }))
        .finally(() => {
          if (!closing) poll();
        });
    }, refreshMs);
    timer.unref();
  };
  poll();
  // The blob sweep, every blobSweepMs (its first a period after the start) on one of the replicas: one log line each.
  const blobSweepMs = options.blobSweepMs ?? 60 * 60 * 1000;
  const sweepAbort = new AbortController();
  let sweepTimer: NodeJS.Timeout | null = null;
  let sweeping: Promise<void> = Promise.resolve();
  const sweepLater = () => {
    sweepTimer = setTimeout(() => {
      const started = performance.now();
      // One replica sweeps per period (the others find it claimed); a tenth of it spare for timers that drift.
      sweeping = db
        .claimJob('blob-sweep', blobSweepMs * 0.9)
        .then(async (mine) => {
          if (!mine) return;
          const swept = await sweepBlobs({ blobs: blobStore, referenced: storage.referencedBlobs, signal: sweepAbort.signal });
          log({ time: new Date().toISOString(), env: envName, event: 'blob-sweep', ...swept, ms: Math.round(performance.now() - started) });
        })
        .catch((error: unknown) => {
          if (!closing) log({ time: new Date().toISOString(), env: envName, event: 'blob-sweep-failed', error: message(error) });
        })
        .finally(() => {
          if (!closing) sweepLater();
        });
    }, blobSweepMs);
    sweepTimer.unref();
  };
  if (blobSweepMs > 0) sweepLater();
  log({ time: new Date().toISOString(), env: envName, event: 'listening', port, database: options.database ? 'postgres' : 'embedded', apps: [...active.keys()] });

  let closed: Promise<void> | null = null;
  return {
    url: `http://${options.hostname && options.hostname !== '0.0.0.0' ? options.hostname : '127.0.0.1'}:${port}`,
    port,
    refresh,
    close: () =>
      (closed ??= (async () => {
        closing = true;
        if (timer) clearTimeout(timer);
        if (sweepTimer) clearTimeout(sweepTimer);
        sweepAbort.abort(new Error('the host is closing'));
        // Stops accepting; idle keep-alive connections go now, busy ones once their request is answered.
        const drained = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const cut = setTimeout(() => server.closeAllConnections(), options.shutdownTimeoutMs ?? 10_000);
        await drained;
        clearTimeout(cut);
        await refreshing;
        await deployments.idle();
        await sweeping;
        await storage.close();
        log({ time: new Date().toISOString(), env: envName, event: 'closed' });
      })()),
  };
}
