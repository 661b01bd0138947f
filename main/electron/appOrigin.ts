/**
 * The studio's own origin, `app://studio`. Pure: no Electron import, so every check that decides
 * "is this ours?" is unit-testable and shared by the protocol, the navigation guard and the IPC check.
 */

/** The privileged scheme the studio UI is served from instead of `file://`. */
export const appScheme = 'app';

/** The only host of the `app` scheme. */
export const appHost = 'studio';

/** The page every studio window loads. */
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/** Parses `url`, or returns null when it is not a URL at all. */
export function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is a page or file of the studio itself (`app://studio/...`). Uses a URL parser,
 * never `startsWith`, so `app://studio.evil/` or `app://studio@evil/` do not pass.
 */
export function isAppUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${appScheme}:` &&
    parsed.hostname === appHost &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
