// The stores of this window, bound to the real studio API. Tests build their own with the factories.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { studioApi } from '../platform';
import type { AppDocumentState } from './appDocumentStore';
import { createRecentStore, type RecentState } from './recentStore';
import { createUiStore, type UiState } from './uiStore';
import { createWorkspaceStore, type WorkspaceState } from './workspaceStore';

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Which app is open in this window. */
export const workspaceStore = createWorkspaceStore(studioApi);
/** The start screen's recent apps. */
export const recentStore = createRecentStore(studioApi);
/** UI language and the shown area. */
export const uiStore = createUiStore({ storage: safeLocalStorage(), navigatorLanguages: navigator.languages ?? [navigator.language] });

/** Reads from the workspace store; re-renders when the selected part changes. */
export const useWorkspace = <T,>(select: (s: WorkspaceState) => T): T => useStore(workspaceStore, select);
/** Reads from the recent-apps store. */
export const useRecent = <T,>(select: (s: RecentState) => T): T => useStore(recentStore, select);
/** Reads from the UI store. */
export const useUi = <T,>(select: (s: UiState) => T): T => useStore(uiStore, select);

/** The document store of the open app, given by the shell to everything inside it. */
export const AppDocumentContext = createContext<StoreApi<AppDocumentState> | null>(null);

/** Reads from the open app's document store; only valid inside the shell. */
export function useAppDocument<T>(select: (s: AppDocumentState) => T): T {
  const store = useContext(AppDocumentContext);
  if (!store) throw new Error('useAppDocument is used outside the studio shell');
  return useStore(store, select);
}
