/**
 * The built form app's files (index.html and its assets) as the preview serves them: an allow-list of
 * file types and a path check, so a request can never read outside the client folder.
 */
import { promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

// An allow-list, not a lookup table with a default: a file type we did not plan for is not served.
// The studio's own files (main/services/rendererAssets.ts) are served by the same list; the form app's
// source maps (.map) are served too, the studio's are not.
const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The content type served for `file`, or null when its extension is not on the allow-list. */
export function contentTypeFor(file: string): string | null {
  return contentTypes[path.extname(file).toLowerCase()] ?? null;
}

/**
 * The Content-Security-Policy of the form app: its own scripts only, API calls and the event stream
 * to itself, and framing only by the studio (the browser host on 127.0.0.1/localhost, Electron's app://).
 */
export const previewCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  'frame-ancestors http://127.0.0.1:* http://localhost:* app://studio',
].join('; ');

export interface ClientFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/** Reads `rel` (decoded path segments joined by `/`) from `clientDir`, or null when absent or not allowed. */
export async function readClientFile(clientDir: string, rel: string): Promise<ClientFile | null> {
  const segments = rel.split('/');
  // Dot segments, empty segments and separators inside a segment are never links the build makes.
  if (segments.some((s) => s === '' || s === '.' || s === '..' || /[\\:\0]/.test(s))) return null;
  const contentType = rel.toLowerCase().endsWith('.map') ? 'application/json; charset=utf-8' : contentTypeFor(rel);
  if (!contentType) return null;
  const base = path.resolve(clientDir);
  const full = path.resolve(base, ...segments);
  if (path.relative(base, full).startsWith('..')) return null;
  try {
    if (!(await fs.stat(full)).isFile()) return null;
    return { body: await fs.readFile(full), contentType };
  } catch {
    return null;
  }
}

/** Where an app keeps the static files it serves at /ORG/APP/… (images, a custom component's script). */
export function wwwrootOf(appDir: string): string {
  return path.join(appDir, 'App', 'wwwroot');
}

/** Headers on every answer of both hosts. */
export const commonHeaders = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' } as const;

/** Answers a static file (the form app's, or the app's own): its type, revalidated on every use; no body for HEAD. */
export function sendStaticFile(res: ServerResponse, file: ClientFile, headOnly: boolean): void {
  res.writeHead(200, { ...commonHeaders, 'content-type': file.contentType, 'cache-control': 'no-cache' });
  res.end(headOnly ? undefined : file.body);
}
