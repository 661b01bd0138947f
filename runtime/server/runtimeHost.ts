/**
 * The preview host: the runtime running one app from its working tree on 127.0.0.1 behind a token.
 * It serves the app API, the built form app and an event stream that tells the form app to reload
 * when `reload()` has re-read the app. One instance per preview. Its instances live in the storage
 * it is given (the studio's embedded store) or in memory, dropped when it closes.
 *
 * Given people, it acts as a persona (`x-studio-persona` / cookie `studio-persona`) and enforces the
 * app's policy.xml; a request naming nobody acts as the default persona (`defaultPersona`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import type { AppModel } from '../../core/app/model/types';
import { isJsonObject } from '../../core/text/jsonDocument';
import { createAppHandler, type AppHandler } from './appApi';
import { fileValue } from './appData';
import { diskAppSource } from './appSource';
import { cookieValue, presetPartyHeader, selectedPartyCookie, userFromRequest } from './authorization';
import { chromiumPdfService, previewAuthentication } from './chromiumPdf';
import { commonHeaders, previewCsp, readClientFile, sendStaticFile, wwwrootOf } from './clientFiles';
import type { PaymentOrderSource } from './paymentOrderLines';
import type { PeopleRegistry } from './people';
import { guardPreviewRequest, previewCookieName } from './previewGuard';
import { previewEvents } from './previewEvents';
import { runtimeClientDir } from './runtimeRoot';
import type { FileScanner, PdfService, RuntimeServices } from './services';
import { memoryStorage, type RuntimeStorage } from './storage';

export interface RuntimeHostOptions {
  /** The app's folder (the one holding App/). */
  readonly appDir: string;
  /** 0 or absent picks a free port. */
  readonly port?: number;
  readonly token?: string;
  /** The built form app; default `out/runtime-client` of this Studio Desktop. */
  readonly clientDir?: string;
  /** Where instances are kept; default in memory, dropped on close. A given storage stays the caller's to close. */
  readonly storage?: RuntimeStorage;
  /** The people personas come from; given, identity and the app's policy.xml are enforced. Absent: nobody is identified. */
  readonly people?: PeopleRegistry;
  /**
   * PDF receipts: true prints with Chromium (playwright-core) from this host itself; a function makes
   * the service for the host's address (Electron's); both are closed with the host. A given service
   * stays the caller's. Absent or false: tasks end without a PDF.
   */
  readonly pdf?: boolean | PdfService | ((address: RuntimeHostAddress) => PdfService);
  /** Scans uploaded attachments; absent: they are stored as not scanned. */
  readonly scanner?: FileScanner;
  /** The order lines payments use (read on every payment); absent: the default order, a fee of 1000 NOK. */
  readonly paymentOrderLines?: PaymentOrderSource;
}

/** Where a host listens, for services that call it back (the PDF's print view). */
export interface RuntimeHostAddress {
  /** `http://127.0.0.1:PORT` */
  readonly baseUrl: string;
  readonly port: number;
  readonly token: string;
}

/** Who acts when a request names no persona, and the party they act for. */
export interface DefaultPersona {
  readonly userId: number;
  readonly partyId: string;
}

/**
 * The default persona: the general manager (DAGL) of the registry's first organisation with one,
 * acting for that organisation — with the default people Kari Dagny Leder (1002) for Testbedrift AS
 * (50101), whom Studio's policy template and the fixture apps give read, write and instantiate.
 * Without such a person the first person, acting for themselves; null for a registry without persons.
 */
export function defaultPersona(people: PeopleRegistry): DefaultPersona | null {
  for (const organisation of people.organisations) {
    const manager = people.roles.find((r) => r.partyId === organisation.partyId && r.roles.includes('DAGL'));
    if (manager && people.persons.some((p) => p.userId === manager.userId)) return { userId: manager.userId, partyId: organisation.partyId };
  }
  const first = people.persons[0];
  return first ? { userId: first.userId, partyId: first.partyId } : null;
}

// Where the end-to-end tests find Chromium (scripts/findChromium.mjs); else playwright-core's own.
const chromiumCandidates = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium the preview prints PDFs with: CHROMIUM_PATH, a system Chromium, else undefined (Playwright's own). */
export function previewChromiumPath(): string | undefined {
  return process.env.CHROMIUM_PATH || chromiumCandidates.find((candidate) => existsSync(candidate));
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


function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...commonHeaders, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(text);
}

function withChromium(): { executablePath?: string } {
  const executablePath = previewChromiumPath();
  return executablePath ? { executablePath } : {};
}

/** Starts the preview host for the app in `options.appDir`. */
export async function startRuntimeHost(options: RuntimeHostOptions): Promise<RuntimeHost> {
  const appDir = path.resolve(options.appDir);
  const clientDir = options.clientDir ?? runtimeClientDir();
  const token = options.token ?? randomBytes(24).toString('base64url');
  const ownStorage = options.storage ? null : memoryStorage();
  const storage = options.storage ?? ownStorage!;
  const events = previewEvents();
  const first = await loadAppModel(await diskAppSource(appDir));
  const { org, appName } = appIdentity(first, appDir);
  const base = `/${org}/${appName}/`;
  const people = options.people;
  const persona = people ? defaultPersona(people) : null;
  const userOf = people ? (req: IncomingMessage) => userFromRequest(req, people, persona?.userId) : undefined;
  // Set once the port is known (the PDF service calls this host back); no request arrives before.
  let services: RuntimeServices = {};
  let ownPdf: (PdfService & { close?: () => Promise<void> }) | null = null;
  const handlerFor = (app: AppModel): AppHandler => createAppHandler({ app, org, appName, storage, services, ...(userOf ? { userOf } : {}) });
  let handler: AppHandler | null = null;
  let port = 0;

  /**
   * The default persona acts for their default party until another is chosen (Altinn's AltinnPartyId
   * cookie). The cookie naming that same party (set by the first answer that reads the current party,
   * which may arrive before the profile is asked for) keeps it the preset party.
   */
  function actAsDefaultParty(req: IncomingMessage): void {
    delete req.headers[presetPartyHeader];
    if (!people || !persona || !userOf) return;
    const chosen = cookieValue(req.headers, selectedPartyCookie);
    if (chosen !== null && chosen !== persona.partyId) return;
    if (userOf(req)?.userId !== persona.userId) return;
    if (chosen === null) req.headers.cookie = [req.headers.cookie, `${selectedPartyCookie}=${persona.partyId}`].filter(Boolean).join('; ');
    req.headers[presetPartyHeader] = persona.partyId;
  }

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
      // The form app's files first, then the app's own static files (App/wwwroot), as Altinn serves them.
      const file = (await readClientFile(clientDir, rel)) ?? (await readClientFile(wwwrootOf(appDir), rel));
      if (file) return sendStaticFile(res, file, method === 'HEAD');
    }
    if (!handler) return sendText(res, 503, 'The preview is still starting; reload in a moment.');
    actAsDefaultParty(req);
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
  const address: RuntimeHostAddress = { baseUrl: `http://127.0.0.1:${port}`, port, token };
  if (options.pdf === true) {
    ownPdf = chromiumPdfService({ baseUrl: address.baseUrl, authenticate: previewAuthentication(address.baseUrl, port, token), ...withChromium() });
  } else if (typeof options.pdf === 'function') {
    ownPdf = options.pdf(address);
  }
  const pdf = ownPdf ?? (typeof options.pdf === 'object' ? options.pdf : undefined);
  services = { ...(pdf ? { pdf } : {}), ...(options.scanner ? { scanner: options.scanner } : {}), ...(people ? { people } : {}), ...(options.paymentOrderLines ? { paymentOrderLines: options.paymentOrderLines } : {}) };
  handler = handlerFor(first);

  // Reloads run one after another, so a slow read can never replace a newer app with an older one.
  let queue: Promise<void> = Promise.resolve();
  const reload = (): Promise<void> => {
    const next = queue.then(async () => {
      const app = await loadAppModel(await diskAppSource(appDir));
      handler = handlerFor(app);
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
      await ownPdf?.close?.();
      await ownStorage?.close();
    },
  };
}
