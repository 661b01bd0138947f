import { createStore, type StoreApi } from 'zustand/vanilla';
import { StudioError, type NewAppRequest, type OpenedApp, type StudioApi, type StudioErrorData, type StudioInfo } from '../../core/api';

/** What the window shows: still asking the host, the start screen, an open app, or that the host is gone. */
export type WorkspacePhase = 'loading' | 'start' | 'open' | 'unreachable';

/** The result of an action a person started; a failure keeps its code and message for the form that shows it. */
export type ActionResult = { readonly ok: true } | { readonly ok: false; readonly error: StudioErrorData };

export interface WorkspaceState {
  readonly phase: WorkspacePhase;
  readonly info: StudioInfo | null;
  readonly app: OpenedApp | null;
  /** Why the host could not be reached (phase `unreachable`). */
  readonly unreachable: string | null;
  /** Asks the host what it is and whether an app is open, and follows its events until `dispose`. */
  init(): Promise<void>;
  open(dir: string): Promise<ActionResult>;
  create(request: NewAppRequest): Promise<ActionResult>;
  close(): Promise<ActionResult>;
  /** Reads the open app's file list again. */
  refreshFiles(): Promise<ActionResult>;
  /** Stops listening to the host. */
  dispose(): void;
}

/** The API the store needs: the studio API, optionally with the transport's reconnect signal. */
export type WorkspaceApi = StudioApi & { onReconnect?(listener: () => void): () => void };

/** Any thrown value as the error data a form shows. */
export function errorData(error: unknown): StudioErrorData {
  if (error instanceof StudioError) return error.toData();
  return { code: 'io', message: error instanceof Error ? error.message : String(error) };
}

/** The workspace store: which app is open, kept in step with the host's events. */
export function createWorkspaceStore(api: WorkspaceApi, refreshDelayMs = 120): StoreApi<WorkspaceState> {
  let unsubscribe: (() => void)[] = [];
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;

  return createStore<WorkspaceState>((set, get) => {
    // Bumped by every change of the shown app, so an answer to an earlier question cannot undo a later one.
    let shown = 0;
    const showApp = (app: OpenedApp | null) => {
      shown++;
      set(app ? { app, phase: 'open' } : { app: null, phase: 'start' });
    };
    /** The host's open app, unless the shown app changed while the question was on its way (a close after a reconnect). */
    const showCurrent = (app: OpenedApp | null, asked: number) => {
      if (shown === asked) showApp(app);
    };
    const run = async (work: () => Promise<void>): Promise<ActionResult> => {
      try {
        await work();
        return { ok: true };
      } catch (error) {
        return { ok: false, error: errorData(error) };
      }
    };
    const scheduleRefresh = () => {
      // Saves come in bursts (several files per gesture); one listing after the burst is enough.
      if (refreshTimer !== null) clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => {
        refreshTimer = null;
        void get().refreshFiles();
      }, refreshDelayMs);
    };

    return {
      phase: 'loading',
      info: null,
      app: null,
      unreachable: null,
      init: async () => {
        get().dispose();
        unsubscribe = [
          api.on('workspace:changed', ({ app }) => showApp(app)),
          api.on('files:changed', ({ dir }) => {
            if (get().app?.dir === dir) scheduleRefresh();
          }),
          api.onReconnect?.(() => {
            const asked = shown;
            void api.invoke('workspace:current').then((app) => showCurrent(app, asked), () => undefined);
          }) ?? (() => undefined),
        ];
        set({ phase: 'loading', unreachable: null });
        const asked = shown;
        try {
          const [info, app] = await Promise.all([api.invoke('studio:info'), api.invoke('workspace:current')]);
          set({ info });
          showCurrent(app, asked);
        } catch (error) {
          set({ phase: 'unreachable', unreachable: errorData(error).message });
        }
      },
      // Each answer is shown unless the shown app changed while it was on its way: the host's own event
      // for the same change came first, or a later action (a close right after an open) already did.
      open: (dir) =>
        run(async () => {
          const asked = shown;
          showCurrent(await api.invoke('workspace:open', { dir }), asked);
        }),
      create: (request) =>
        run(async () => {
          const asked = shown;
          showCurrent(await api.invoke('app:create', request), asked);
        }),
      close: () =>
        run(async () => {
          const asked = shown;
          await api.invoke('workspace:close');
          showCurrent(null, asked);
        }),
      refreshFiles: () =>
        run(async () => {
          const dir = get().app?.dir;
          if (!dir) return;
          const app = await api.invoke('workspace:listFiles');
          // The app may have been closed or switched while the listing was on its way.
          if (get().app?.dir === app.dir) set({ app });
        }),
      dispose: () => {
        for (const off of unsubscribe) off();
        unsubscribe = [];
        if (refreshTimer !== null) clearTimeout(refreshTimer);
        refreshTimer = null;
      },
    };
  });
}
