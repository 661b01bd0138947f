/**
 * Entry of the form app. The runtime server serves this page at `/{org}/{app}/`; the app's API base
 * comes from that path. The page name lives in the hash (`#/{page}` stateless, `#/instance/…/{page}`).
 */
// Designsystemet's typeface, bundled: the theme names Inter and nothing else, and the page must work offline.
import '@fontsource-variable/inter';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appLocationOf, createAppApi } from './api/appApi';
import { takePreviewToken } from './api/previewToken';
import { App } from './App';
import { subscribeToPreviewEvents } from './live';
import { startPreviewBridge, studioOriginOf } from './previewBridge';
import { FormContext } from './state/FormContext';
import { createFormStore, type FormStore } from './state/formStore';
import { printRequest } from './pdf/PrintView';
import { instanceFromHash } from './state/loadForm';
import { loginAddress } from './state/loginAddress';

// Read before the token is taken from the address (that keeps other parameters, but be plain about order).
const studioOrigin = studioOriginOf(window.location.href);
const location = appLocationOf(window.location.pathname) ?? { org: '', app: '', base: './' };
const token = takePreviewToken({
  href: window.location.href,
  // Read on use, inside takePreviewToken's guards: a frame of another site (the studio on app:// or
  // 127.0.0.1 framing localhost) may be refused storage, and then even reading the property throws.
  sessionStorage: {
    getItem: (key) => window.sessionStorage.getItem(key),
    setItem: (key, value) => window.sessionStorage.setItem(key, value),
  },
  replaceUrl: (url) => window.history.replaceState(null, '', url),
});
const api = createAppApi(location.base, undefined, token);
const store: FormStore = createFormStore(api);

/** The page named by the URL hash (last segment), if any. */
function pageFromHash(): string | undefined {
  const parts = window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  return parts.length > 0 ? decodeURIComponent(parts[parts.length - 1]!) : undefined;
}

/** The hash of the current page (§2.13). */
function hashOf(page: string): string {
  const { defs, taskId } = store.getState();
  const instance = defs?.instance;
  return instance ? `#/instance/${instance.id}/${taskId ?? ''}/${encodeURIComponent(page)}` : `#/${encodeURIComponent(page)}`;
}

/** Refetches layouts, settings, texts and options and rebuilds the hierarchy; form data is kept. */
export function reloadDefinitions(): Promise<void> {
  return store.actions.reloadDefinitions();
}

store.subscribe((state, previous) => {
  // The app needs a login (the runtime host's): to it, and back to this page after.
  if (state.status === 'login' && previous.status !== 'login' && state.loginUrl) window.location.assign(loginAddress(state.loginUrl, window.location));
  // Altinn's address of the party selection: `/403` when the current party may not start the app, `/explained` when asked because of the settings.
  if (state.status === 'party' && state.partyPrompt && state.partyPrompt !== previous.partyPrompt) {
    const entry = state.partyPrompt.entry;
    const suffix = entry.kind === 'select' ? { invalid: '/403', explained: '/explained', asked: '' }[entry.reason] : '/403';
    window.history.replaceState(null, '', `#/party-selection${suffix}`);
  }
  // A party was chosen: the address is the new instance's page again.
  if (state.status === 'ready' && previous.status !== 'ready' && window.location.hash.startsWith('#/party-selection')) {
    window.history.replaceState(null, '', state.currentPage ? hashOf(state.currentPage) : '#/');
  }
  // Another page, or the same page name in another instance or task (a stateless page's "1" giving way to the instance's "1").
  const moved = state.currentPage !== previous.currentPage || state.defs?.instance?.id !== previous.defs?.instance?.id || state.taskId !== previous.taskId;
  if (state.currentPage && moved && window.location.hash !== hashOf(state.currentPage)) {
    window.history.replaceState(null, '', hashOf(state.currentPage));
  }
});
window.addEventListener('hashchange', () => {
  const page = pageFromHash();
  if (page && page !== store.getState().currentPage && store.actions.pages().includes(page)) store.actions.navigate(page);
});

// `?lang=` picks the language, as in Altinn's own form app (the studio's preview uses it).
const query = new URLSearchParams(window.location.search);
const language = query.get('lang') || document.documentElement.lang || 'nb';
// Framed by the studio's Preview area: tell it the page and the form data, and follow its page picker.
if (window.parent !== window) startPreviewBridge(store, window, studioOrigin);
// `?set=` picks the layout set (the studio's layout set picker); absent, the task's or the stateless one.
// The print view (`?pdf=1`) loads the instance it prints itself; starting the form would create another one.
if (!printRequest) {
  // `#/party-selection` asks for the party even when there is one to go on with.
  const asked = /^#\/party-selection(?:\/|$)/.test(window.location.hash);
  void store.actions.start(language, asked ? undefined : pageFromHash(), query.get('set') ?? undefined, instanceFromHash(window.location.hash), { asked }).then(() => {
    subscribeToPreviewEvents(api.eventsUrl(), store);
  });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FormContext.Provider value={store}>
      <App />
    </FormContext.Provider>
  </StrictMode>,
);
