/** The runtime host's login address for `loginUrl` that brings the person back to `here` (path, query and hash of this page). */
export function loginAddress(loginUrl: string, here: { readonly pathname: string; readonly search: string; readonly hash: string }): string {
  return `${loginUrl}?returnTo=${encodeURIComponent(`${here.pathname}${here.search}${here.hash}`)}`;
}
