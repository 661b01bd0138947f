import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { dispatchRequest, type Envelope, maxFileChars, type StudioErrorCode } from '../../core/api';
import type { StudioServices } from '../services/studioServices';
import { contentSecurityPolicy } from '../services/rendererAssets';
import { guardRequest, tokenCookieName } from './requestGuard';
import { findStaticFile } from './staticFiles';

/** Largest request body accepted, in bytes: the largest file plus room for JSON escaping. */
export const maxBodyBytes = maxFileChars * 2 + 64 * 1024;

export interface WebHostOptions {
  readonly services: StudioServices;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly token?: string;
  readonly maxBodyBytes?: number;
}

export interface WebHost {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: StudioErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Starts the browser host on 127.0.0.1: the built renderer plus the studio API over HTTP
 * (POST /api/invoke/<channel>) and events over a WebSocket (/api/events), all behind the token.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const limit = options.maxBodyBytes ?? maxBodyBytes;
  const { services } = options;
  let port = 0;

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const channel = decodeURIComponent(url.pathname.slice('/api/invoke/'.length));
    if (req.method !== 'POST') return sendError(res, 405, 'invalid-argument', 'Use POST for studio API requests');
    let raw: string;
    try {
      raw = await readBody(req, limit);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res.setHeader('connection', 'close');
        return sendError(res, 413, 'invalid-argument', `The request is larger than the limit of ${limit} bytes`);
      }
      throw error;
    }
    let args: unknown;
    try {
      args = raw.trim() === '' ? undefined : JSON.parse(raw);
    } catch {
      return sendError(res, 400, 'invalid-argument', 'The request body is not valid JSON');
    }
    sendJson(res, 200, await dispatchRequest(services.handlers, channel, args));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'invalid-argument', 'Only GET is served here');
    const file = await findStaticFile(options.rendererDir, (req.url ?? '/').split(/[?#]/)[0] ?? '/');
    if (!file) return sendError(res, 404, 'not-found', `${url.pathname} is not part of the studio`);
    const headers: Record<string, string> = {
      'content-type': file.contentType,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.isIndex ? 'no-store' : 'max-age=3600',
    };
    if (file.isIndex) {
      headers['content-security-policy'] = contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);
      // Keeps the token for reloads and asset requests, which cannot carry a header.
      headers['set-cookie'] = `${tokenCookieName(port)}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const verdict = guardRequest(req, url, port, token);
    if (!verdict.ok) {
      req.resume();
      return sendError(res, verdict.status, verdict.status === 401 ? 'unauthorized' : 'forbidden', verdict.message);
    }
    const work = url.pathname.startsWith('/api/invoke/') ? handleApi(req, res, url) : handleStatic(req, res, url);
    work.catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'io', error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  });
  server.requestTimeout = 60_000;

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const unsubscribe = services.events.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(message);
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const verdict = url.pathname === '/api/events' ? guardRequest(req, url, port, token) : ({ ok: false, status: 403, message: 'Not a socket' } as const);
    if (!verdict.ok) {
      socket.end(`HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
