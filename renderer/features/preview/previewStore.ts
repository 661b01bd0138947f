import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StudioApi } from '../../../core/api';
import { errorData } from '../../state/workspaceStore';

/** The device widths the preview frame can take; `null` fills the area. */
export const deviceWidths = { phone: 375, tablet: 768, desktop: null } as const;
export type PreviewDevice = keyof typeof deviceWidths;

export interface PreviewState {
  readonly status: 'idle' | 'starting' | 'running' | 'failed';
  readonly url: string | null;
  readonly error: string | null;
  /** What the host had to work around when it started (a damaged people.json: the default people stand in); null when nothing. */
  readonly problem: string | null;
  readonly device: PreviewDevice;
  readonly language: string;
  /** The layout set the frame shows (`?set=`); null is the app's own choice (the task's or the stateless one). */
  readonly layoutSet: string | null;
  /** Bumped by "Reload": the frame is keyed on it, so it loads afresh (keeping the data the host holds). */
  readonly loads: number;
  /** Starts the preview; called again, it restarts the host with fresh data ("Reset data"). */
  start(): Promise<void>;
  stop(): Promise<void>;
  reload(): void;
  setDevice(device: PreviewDevice): void;
  setLanguage(language: string): void;
  setLayoutSet(set: string | null): void;
}

/** The languages offered for the form: Altinn's three and then any other the app has texts for. */
export function previewLanguages(appLanguages: readonly string[]): string[] {
  return [...new Set(['nb', 'nn', 'en', ...appLanguages])];
}

/**
 * The frame's address: the host's URL (with its token) and the form language, as Altinn's `lang`
 * query; then the layout set to show (`set`), the studio's origin (`studio`, where the form app
 * posts its state) and who the form app acts as (`persona`: a user id or `org:<orgNumber>`) when given.
 */
export function frameUrl(url: string, language: string, options: { readonly set?: string | null; readonly studio?: string; readonly persona?: string | null } = {}): string {
  const address = new URL(url);
  address.searchParams.set('lang', language);
  if (options.set) address.searchParams.set('set', options.set);
  if (options.studio) address.searchParams.set('studio', options.studio);
  if (options.persona) address.searchParams.set('persona', options.persona);
  return address.toString();
}

/**
 * The address the studio frames the preview at. In the browser host the studio and the preview both
 * run on 127.0.0.1, which Chromium counts as one site and so runs in one process: every canvas
 * render would hold up the preview. Framing it as `localhost` (the same loopback server, which
 * accepts that name) makes it another site with its own process. The desktop studio (app://) is
 * another site already.
 */
export function separateSiteUrl(url: string, studioHostname: string): string {
  const address = new URL(url);
  if (address.hostname !== '127.0.0.1' || studioHostname !== '127.0.0.1') return url;
  address.hostname = 'localhost';
  return address.toString();
}

/** The Preview area's state: the running preview host and how it is shown. */
export function createPreviewStore(api: StudioApi, language = 'nb', studioHostname = ''): StoreApi<PreviewState> {
  // Only the newest start may set the state, so a slow first start cannot overwrite a reset.
  let attempt = 0;
  return createStore<PreviewState>((set) => ({
    status: 'idle',
    url: null,
    error: null,
    problem: null,
    device: 'desktop',
    language,
    layoutSet: null,
    loads: 0,
    start: async () => {
      const mine = ++attempt;
      set({ status: 'starting', error: null });
      try {
        const { url, problem } = await api.invoke('preview:start');
        if (mine === attempt) set((s) => ({ status: 'running', url: separateSiteUrl(url, studioHostname), problem: problem ?? null, loads: s.loads + 1 }));
      } catch (error) {
        if (mine === attempt) set({ status: 'failed', url: null, error: errorData(error).message });
      }
    },
    stop: async () => {
      attempt++;
      set({ status: 'idle', url: null });
      try {
        await api.invoke('preview:stop');
      } catch {
        // The host is gone or the app was closed; either way nothing runs any more.
      }
    },
    reload: () => set((s) => ({ loads: s.loads + 1 })),
    setDevice: (device) => set({ device }),
    setLanguage: (next) => set({ language: next }),
    setLayoutSet: (layoutSet) => set({ layoutSet }),
  }));
}
