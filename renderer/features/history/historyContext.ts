import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { HistoryState } from './historyStore';

/** The History area's store, given by the area to its parts. */
export const HistoryContext = createContext<StoreApi<HistoryState> | null>(null);

/** The History area's store; only valid inside the area. */
export function useHistoryStore(): StoreApi<HistoryState> {
  const store = useContext(HistoryContext);
  if (!store) throw new Error('useHistoryStore is used outside the History area');
  return store;
}

/** Reads from the History area's store; re-renders when the selected part changes. */
export function useHistory<T>(select: (s: HistoryState) => T): T {
  return useStore(useHistoryStore(), select);
}
