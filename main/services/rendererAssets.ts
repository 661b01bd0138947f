/**
 * What both hosts serve of the built renderer, and how: the allowed file types, the path rules and
 * the Content-Security-Policy. Electron's app:// protocol and the browser host share these.
 */
import path from 'node:path';
import { contentTypeFor } from '../../runtime/server/clientFiles';

// The file types: the same allow-list as the form app's files.
export { contentTypeFor };

/**
 * The studio's Content-Security-Policy. `'unsafe-inline'` styles are for Monaco; `blob:` workers for
 * Monaco's worker bootstrap. `connectSources` adds origins beyond 'self' (the browser host's socket).
 * `frame-src` lets the Preview area frame the runtime, which runs on its own 127.0.0.1 port (framed as
 * localhost from the browser host, so it gets its own process).
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connectSources].join(' '),
    "worker-src 'self' blob:",
    'frame-src http://127.0.0.1:* http://localhost:*',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Maps a raw (undecoded) URL path to a file under `root`, or null when it tries to leave `root`.
 * The raw path is checked segment by segment before any normalisation, because a URL parser quietly
 * folds `..` and `%2e%2e` away and a traversal attempt must be refused, not "fixed". `/` is index.html.
 */
export function resolveRendererPath(rawPath: string, root: string): string | null {
  // Chromium treats `\` as `/` in standard schemes, so both separate segments here too.
  const segments = rawPath.split(/[/\\]/).slice(1);
  if (segments.length === 0 || (segments.length === 1 && segments[0] === '')) segments.splice(0, segments.length, 'index.html');
  const decoded: string[] = [];
  for (const segment of segments) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return null;
    }
    // Empty (`//`, trailing `/`), dot segments, encoded separators, drive letters and NUL are never our links.
    if (name === '' || name === '.' || name === '..' || /[/\\:\0]/.test(name)) return null;
    decoded.push(name);
  }
  const base = path.resolve(root);
  const full = path.resolve(base, ...decoded);
  const relative = path.relative(base, full);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return full;
}
