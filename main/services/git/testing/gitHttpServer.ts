/**
 * A real git server for tests: Debian's `git http-backend` (CGI) behind a small Node HTTP bridge on
 * 127.0.0.1, serving bare repositories from a temp folder, push enabled, with an optional basic-auth
 * check so credential handling is tested against a server that says 401.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A running test git server. */
export interface GitHttpServer {
  /** The folder holding the bare repositories. */
  root: string;
  port: number;
  /** The clone URL of the repository `name` (e.g. 'app' → http://127.0.0.1:port/app.git). */
  url(name: string): string;
  /** Creates an empty bare repository `name` with `main` as its default branch; returns its URL. */
  createRepo(name: string): string;
  /** Stops the server and removes its repositories. */
  stop(): Promise<void>;
}

/** Options: `auth` makes every request need HTTP basic auth with this username and token. */
export interface GitHttpServerOptions {
  auth?: { username: string; token: string };
}

function authorized(header: string | undefined, auth: GitHttpServerOptions['auth']): boolean {
  if (!auth) return true;
  const encoded = /^Basic (.+)$/.exec(header ?? '')?.[1];
  if (!encoded) return false;
  return Buffer.from(encoded, 'base64').toString('utf8') === `${auth.username}:${auth.token}`;
}

/** Passes one request to `git http-backend` and its CGI answer back as an HTTP response. */
function serveWithBackend(root: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    REQUEST_METHOD: req.method,
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    REMOTE_ADDR: '127.0.0.1',
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: 'HTTP/1.1',
  };
  if (req.headers['content-length']) env.CONTENT_LENGTH = req.headers['content-length'];
  if (req.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = String(req.headers['content-encoding']);
  if (req.headers['git-protocol']) env.GIT_PROTOCOL = String(req.headers['git-protocol']);
  const cgi = spawn('git', ['http-backend'], { env });
  req.pipe(cgi.stdin);
  let head = Buffer.alloc(0);
  let headersSent = false;
  cgi.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) return void res.write(chunk);
    head = Buffer.concat([head, chunk]);
    let end = head.indexOf('\r\n\r\n');
    let separator = 4;
    if (end < 0) {
      end = head.indexOf('\n\n');
      separator = 2;
    }
    if (end < 0) return;
    headersSent = true;
    let status = 200;
    for (const line of head.subarray(0, end).toString().split(/\r?\n/)) {
      const [, name, value] = /^([^:]+):\s*(.*)$/.exec(line) ?? [];
      if (name === undefined || value === undefined) continue;
      if (name.toLowerCase() === 'status') status = parseInt(value, 10);
      else res.setHeader(name, value);
    }
    res.writeHead(status);
    res.write(head.subarray(end + separator));
  });
  cgi.stdin.on('error', () => undefined);
  cgi.on('close', () => {
    if (!headersSent) res.writeHead(500);
    res.end();
  });
}

/** Starts a git server on a free port of 127.0.0.1. */
export async function startGitHttpServer(options: GitHttpServerOptions = {}): Promise<GitHttpServer> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'studio-git-server-'));
  const server = http.createServer((req, res) => {
    if (!authorized(req.headers.authorization, options.auth)) {
      req.resume();
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="studio test git"' });
      res.end('Unauthorized');
      return;
    }
    serveWithBackend(root, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = (name: string) => `http://127.0.0.1:${port}/${name}.git`;
  return {
    root,
    port,
    url,
    createRepo(name) {
      const bare = path.join(root, `${name}.git`);
      execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare]);
      execFileSync('git', ['config', 'http.receivepack', 'true'], { cwd: bare });
      return url(name);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
