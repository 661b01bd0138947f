/**
 * The preview's token. The studio frames the form app as `…/?token=T`; the app keeps it for the
 * session and sends it with every API call (a header) and the event stream (the query), so it works
 * where a cookie would not reach the frame (Electron's app://studio is another site than 127.0.0.1).
 */
const storageKey = 'studio-preview.token';

export interface TokenPage {
  readonly href: string;
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
  replaceUrl(url: string): void;
}

/** The token from `?token=` (then removed from the address bar), else the one kept for this session. */
export function takePreviewToken(page: TokenPage): string | null {
  const url = new URL(page.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      page.sessionStorage.setItem(storageKey, fromUrl);
    } catch {
      // Storage can be off; this page load still has the token.
    }
    url.searchParams.delete('token');
    page.replaceUrl(`${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return page.sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}
