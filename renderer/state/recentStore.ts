import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RecentApp, StudioApi } from '../../core/api';
import { errorData, type ActionResult } from './workspaceStore';

export interface RecentState {
  readonly items: readonly RecentApp[];
  readonly status: 'idle' | 'loading' | 'ready' | 'failed';
  readonly error: string | null;
  load(): Promise<void>;
  forget(dir: string): Promise<ActionResult>;
}

/** The recent-apps list of the start screen. */
export function createRecentStore(api: StudioApi): StoreApi<RecentState> {
  return createStore<RecentState>((set) => ({
    items: [],
    status: 'idle',
    error: null,
    load: async () => {
      set({ status: 'loading', error: null });
      try {
        set({ items: await api.invoke('recent:list'), status: 'ready' });
      } catch (error) {
        set({ status: 'failed', error: errorData(error).message });
      }
    },
    forget: async (dir) => {
      try {
        set({ items: await api.invoke('recent:forget', { dir }), status: 'ready', error: null });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: errorData(error) };
      }
    },
  }));
}
