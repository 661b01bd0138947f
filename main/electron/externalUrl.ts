/** Which links may leave the studio for the user's browser or mail program. Pure, no Electron. */
import { parseUrl } from './appOrigin';

// A DNS name with at least two labels: no bare `localhost`, intranet names or IP literals, which a
// hostile page could use to reach services on the user's own machine or network.
const dnsName = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * True when `url` may be handed to `shell.openExternal`: an `https:` URL with a real public-looking
 * host name and no credentials, or a `mailto:` address. Everything else (javascript:, file:, http:,
 * data:, custom schemes that start local programs) is refused.
 */
export function isSafeExternalUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'https:') {
    return parsed.username === '' && parsed.password === '' && dnsName.test(parsed.hostname) && !parsed.hostname.endsWith('.localhost');
  }
  if (parsed.protocol === 'mailto:') {
    // One plain address; no header injection through `?cc=` tricks with control characters.
    return /^[^\s@/\\]+@[^\s@/\\]+\.[^\s@/\\]+$/.test(decodeURIComponentSafe(parsed.pathname)) && !/[\r\n\0]/.test(decodeURIComponentSafe(url));
  }
  return false;
}

/**
 * True when `url` is an address on one of the runtime hosts the user configured as deploy
 * environments (`environmentUrls`): http(s), no credentials, and the same origin as one of them. A
 * deployed app on a host at http://127.0.0.1 or an intranet name is where the user chose to deploy,
 * so "Open the app" may open it although `isSafeExternalUrl` refuses such hosts for other links.
 */
export function isEnvironmentAppUrl(url: unknown, environmentUrls: readonly string[]): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  const parsed = parseUrl(url);
  if (parsed === null || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username !== '' || parsed.password !== '') return false;
  return environmentUrls.some((given) => {
    const environment = parseUrl(given);
    return environment !== null && (environment.protocol === 'https:' || environment.protocol === 'http:') && environment.origin === parsed.origin;
  });
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '\0';
  }
}
