/**
 * The preview host: the runtime running one app from its working tree on 127.0.0.1 behind a token.
 * It serves the app API, the built form app and an event stream that tells the form app to reload
 * when `reload()` has re-read the app. One instance per preview; closing it drops all its data.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import type { AppModel } from '../../core/app/model/types';
import { isJsonObject } from '../../core/text/jsonDocument';
import { createAppHandler, type AppHandler } from './appApi';
import { fileValue } from './appData';
import { diskAppSource } from './appSource';
import { previewCsp, readClientFile } from './clientFiles';
import { guardPreviewRequest, previewCookieName } from './previewGuard';
import { previewEvents } from './previewEvents';
import { runtimeClientDir } from './runtimeRoot';
import { memoryStorage } from './storage';

export interface RuntimeHostOptions {
  /** The app's folder (the one holding App/). */
  readonly appDir: string;
  /** 0 or absent picks a free port. */
  readonly port?: number;
  readonly token?: string;
  /** The built form app; default `out/runtime-client` of this Studio Desktop. */
  readonly clientDir?: string;
}

export interface RuntimeHost {
  /** The form app's address with the token: what the studio frames and `studio preview` prints. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly org: string;
  readonly appName: string;
  /** Re-reads the app from disk and tells every open form app; rejects (keeping the last good app) when it cannot be read. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** The org and app name the app is served under: `id` of applicationmetadata.json, else its `org` and the folder name. */
export function appIdentity(app: AppModel, appDir: string): { org: string; appName: string } {
  const value = app.metadata ? fileValue(app.metadata) : null;
  const meta = isJsonObject(value) ? value : {};
  const safe = (s: unknown): s is string => typeof s === 'string' && /^[A-Za-z0-9._-]+$/.test(s) && s !== '.' && s !== '..';
  const [org, appName] = typeof meta.id === 'string' ? meta.id.split('/') : [];
  if (safe(org) && safe(appName)) return { org, appName };
  const folder = path.basename(path.resolve(appDir)).replace(/[^A-Za-z0-9._-]/g, '-');
  return { org: safe(meta.org) ? meta.org : 'local', appName: safe(folder) ? folder : 'app' };
}

const commonHeaders = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...commonHeaders, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(text);
}

/** Starts the preview host for the app in `options.appDir`. */
export async function startRuntimeHost(options: RuntimeHostOptions): Promise<RuntimeHost> {
  const appDir = path.resolve(options.appDir);
  const clientDir = options.clientDir ?? runtimeClientDir();
  const token = options.token ?? randomBytes(24).toString('base64url');
  const storage = memoryStorage();
  const events = previewEvents();
  const first = await loadAppModel(await diskAppSource(appDir));
  const { org, appName } = appIdentity(first, appDir);
  const base = `/${org}/${appName}/`;
  let handler: AppHandler = createAppHandler({ app: first, org, appName, storage });
  let port = 0;

  /** The built form app's own files (scripts, styles, fonts): public code, the same for every app. */
  function isPublicAsset(req: IncomingMessage, url: URL): boolean {
    const reading = req.method === 'GET' || req.method === 'HEAD';
    return reading && url.pathname.startsWith(base) && /^assets\/[\w.-]+$/.test(url.pathname.slice(base.length));
  }

  async function serveShell(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let html: Buffer;
    try {
      html = await fs.readFile(path.join(clientDir, 'index.html'));
    } catch {
      return sendText(res, 503, `The preview's form app is not built (${path.join(clientDir, 'index.html')} is missing): run npm run build, then reload.`);
    }
    res.writeHead(200, {
      ...commonHeaders,
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': previewCsp,
      // A fallback for reloads in the same site; the form app itself sends the token as a header.
      'set-cookie': `${previewCookieName(port)}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`,
    });
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const lower = url.pathname.toLowerCase();
    if (lower === '/' || lower === base.slice(0, -1).toLowerCase()) {
      res.writeHead(302, { ...commonHeaders, location: `${base}${url.search}` }).end();
      return;
    }
    if (!lower.startsWith(base.toLowerCase())) return sendText(res, 404, `Only ${base} is served here`);
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.slice(base.length));
    } catch {
      return sendText(res, 400, `The path ${url.pathname} is not correctly percent-encoded`);
    }
    const reading = method === 'GET' || method === 'HEAD';
    if (reading && (rel === '' || rel === 'index.html')) return serveShell(req, res);
    if (rel.toLowerCase() === 'api/preview/events' && method === 'GET') return events.attach(res);
    const head = rel.split('/')[0]!.toLowerCase();
    // The app API's own prefixes go straight to it; anything else may be a file of the built form app.
    if (reading && head !== 'api' && head !== 'instances' && head !== 'v1') {
      const file = await readClientFile(clientDir, rel);
      if (file) {
        res.writeHead(200, { ...commonHeaders, 'content-type': file.contentType, 'cache-control': 'no-cache' });
        res.end(method === 'HEAD' ? undefined : file.body);
        return;
      }
    }
    handler(req, res);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const verdict = guardPreviewRequest(req, url, port, isPublicAsset(req, url) ? null : token);
    if (!verdict.ok) {
      req.resume();
      return sendText(res, verdict.status, verdict.message);
    }
    route(req, res, url).catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, `The preview failed: ${error instanceof Error ? error.message : String(error)}`);
      else res.destroy();
    });
  });
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  // Reloads run one after another, so a slow read can never replace a newer app with an older one.
  let queue: Promise<void> = Promise.resolve();
  const reload = (): Promise<void> => {
    const next = queue.then(async () => {
      const app = await loadAppModel(await diskAppSource(appDir));
      handler = createAppHandler({ app, org, appName, storage });
      events.send({ type: 'app-changed' });
    });
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    url: `http://127.0.0.1:${port}${base}?token=${token}`,
    port,
    token,
    org,
    appName,
    reload,
    close: async () => {
      events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
