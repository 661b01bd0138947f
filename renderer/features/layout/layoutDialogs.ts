/**
 * Confirmations the layout commands ask for before an edit that leaves references pointing at
 * nothing (deleting components or a page). The command puts the question here; the Layout area shows
 * it and runs the command again, confirmed, when the person agrees.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Occurrence } from '../../../core/refs/occurrences';

export type PendingConfirmation =
  | { readonly kind: 'deleteComponents'; readonly ids: readonly string[]; readonly broken: readonly Occurrence[] }
  | { readonly kind: 'deletePage'; readonly page: string; readonly broken: readonly Occurrence[] };

export interface LayoutDialogsState {
  readonly confirmation: PendingConfirmation | null;
  /** A page the page list shows its rename field for. */
  readonly renaming: string | null;
  ask(confirmation: PendingConfirmation | null): void;
  rename(page: string | null): void;
}

export const layoutDialogs = createStore<LayoutDialogsState>((set) => ({
  confirmation: null,
  renaming: null,
  ask: (confirmation) => set({ confirmation }),
  rename: (renaming) => set({ renaming }),
}));

/** Reads the layout dialogs' state. */
export const useLayoutDialogs = <T,>(select: (s: LayoutDialogsState) => T): T => useStore(layoutDialogs, select);
