/**
 * The bridge to the studio when the form app is framed by its Preview area: the app posts its state
 * (page, pages, layout set, form data) to the parent after loading and on every change (at most once
 * per animation frame), and moves to a page when the studio asks. Nothing else is accepted.
 */
import type { FormStore } from './state/formStore';

/** What the form app tells the studio. */
export interface PreviewStateMessage {
  readonly source: 'studio-preview';
  readonly type: 'state';
  readonly page: string | null;
  readonly pages: readonly string[];
  readonly setId: string | null;
  readonly data: unknown;
}

/** What the studio may ask: to show a page. */
export interface PreviewNavigateMessage {
  readonly source: 'studio';
  readonly type: 'navigate';
  readonly page: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Whether a message is exactly the studio's navigate request: a plain object with a non-empty page name. */
export function isNavigateMessage(value: unknown): value is PreviewNavigateMessage {
  return isPlainObject(value) && value.source === 'studio' && value.type === 'navigate' && typeof value.page === 'string' && value.page.length > 0 && value.page.length <= 200;
}

/** The studio's origin from `?studio=<origin>` when it is a bare origin (scheme and host, no path), else null. */
export function studioOriginOf(href: string): string | null {
  const value = new URL(href).searchParams.get('studio');
  if (!value || !/^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+$/i.test(value)) return null;
  return value;
}

/** The state message for the form's current state. */
export function stateMessage(state: { readonly currentPage?: string; readonly setId?: string; readonly data: unknown }, pages: readonly string[]): PreviewStateMessage {
  return { source: 'studio-preview', type: 'state', page: state.currentPage ?? null, pages: [...pages], setId: state.setId ?? null, data: state.data };
}

export interface BridgeWindow {
  readonly parent: Pick<Window, 'postMessage'>;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  requestAnimationFrame(callback: () => void): number;
  cancelAnimationFrame(handle: number): void;
}

/**
 * Starts the bridge; returns its stop. `studioOrigin` null posts with `'*'`: acceptable only because
 * these state messages carry nothing secret (the form data the person in the frame typed, page names);
 * the preview token is never posted.
 */
export function startPreviewBridge(store: FormStore, win: BridgeWindow, studioOrigin: string | null): () => void {
  let frame: number | null = null;
  const post = (): void => {
    frame = null;
    const state = store.getState();
    if (state.status !== 'ready') return;
    const message = stateMessage(state, store.actions.pages());
    try {
      win.parent.postMessage(message, studioOrigin ?? '*');
    } catch {
      // An origin the browser cannot parse: the studio simply gets no state.
    }
  };
  const schedule = (): void => {
    if (frame === null) frame = win.requestAnimationFrame(post);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.status !== previous.status || state.data !== previous.data || state.currentPage !== previous.currentPage || state.setId !== previous.setId || state.derived !== previous.derived) schedule();
  });
  const onMessage = (event: MessageEvent): void => {
    if (event.source !== win.parent || !isNavigateMessage(event.data)) return;
    if (studioOrigin && event.origin !== studioOrigin) return;
    const { page } = event.data;
    if (page !== store.getState().currentPage && store.actions.pages().includes(page)) store.actions.navigate(page);
  };
  win.addEventListener('message', onMessage);
  schedule();
  return () => {
    unsubscribe();
    win.removeEventListener('message', onMessage);
    if (frame !== null) win.cancelAnimationFrame(frame);
  };
}
