/** The app API client of this page (the same base and preview token the form app's own client uses). */
import { appLocationOf, createAppApi, createProcessApi, type AppApi, type ProcessApi } from '../api/appApi';
import { takePreviewToken } from '../api/previewToken';

/** The clients this page's process screens use. */
export interface PageApis {
  readonly app: AppApi;
  readonly process: ProcessApi;
}

/** Clients for the app this page is served under. */
export function pageAppApi(): PageApis {
  const location = appLocationOf(window.location.pathname);
  const token = takePreviewToken({
    href: window.location.href,
    sessionStorage: { getItem: (key) => window.sessionStorage.getItem(key), setItem: (key, value) => window.sessionStorage.setItem(key, value) },
    replaceUrl: (url) => window.history.replaceState(null, '', url),
  });
  const base = location?.base ?? './';
  return { app: createAppApi(base, undefined, token), process: createProcessApi(base, undefined, token) };
}
