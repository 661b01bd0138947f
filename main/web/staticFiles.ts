import { promises as fs } from 'node:fs';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly isIndex: boolean;
}

/**
 * Finds the built renderer file for a URL path: only known file types, only inside `rootDir`.
 * Paths without an extension get index.html (the studio is a single page).
 */
export async function findStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split(/[/\\]/).includes('..')) return null;
  const ext = path.extname(decoded).toLowerCase();
  const isIndex = ext === '' || decoded === '/index.html';
  const target = isIndex ? path.join(rootDir, 'index.html') : path.join(rootDir, decoded);
  const rel = path.relative(rootDir, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const contentType = contentTypes[isIndex ? '.html' : ext];
  if (!contentType) return null;
  try {
    return { body: await fs.readFile(target), contentType, isIndex };
  } catch {
    return null;
  }
}
