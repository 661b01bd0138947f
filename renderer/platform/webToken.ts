/** What the token handling needs from the browser; the real `window` fits. */
export interface TokenWindow {
  readonly location: { readonly href: string };
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
}

const storageKey = 'studio.token';

/**
 * The browser host's token: taken from `?token=` on the first load, kept in sessionStorage and removed
 * from the address bar (so it does not end up in bookmarks or screenshots). Null when there is none;
 * the host's cookie then still authorises a reload.
 */
export function takeToken(win: TokenWindow): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      win.sessionStorage.setItem(storageKey, fromUrl);
    } catch {
      // Storage can be disabled; the cookie still carries the token.
    }
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return win.sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}
