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
  // Bumped by every question, so a slow answer to an earlier one cannot replace a newer list.
  let asked = 0;
  return createStore<RecentState>((set) => ({
    items: [],
    status: 'idle',
    error: null,
    load: async () => {
      const ticket = ++asked;
      set({ status: 'loading', error: null });
      try {
        const items = await api.invoke('recent:list');
        if (ticket === asked) set({ items, status: 'ready' });
      } catch (error) {
        if (ticket === asked) set({ status: 'failed', error: errorData(error).message });
      }
    },
    forget: async (dir) => {
      const ticket = ++asked;
      try {
        const items = await api.invoke('recent:forget', { dir });
        if (ticket === asked) set({ items, status: 'ready', error: null });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: errorData(error) };
      }
    },
  }));
}
