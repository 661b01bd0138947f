/**
 * The layout editor's view state for one open app: which layout set and page are shown, which
 * components are selected, the language texts are shown and edited in, whether the live preview is
 * beside the canvas, and the component clipboard. It lives beside the document store (created by the
 * shell), so switching areas keeps it; the app itself lives in the document store.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LayoutClipboard } from '../../../core/app/layoutEdits';

export type SelectMode = 'replace' | 'toggle' | 'add';

export interface LayoutEditorState {
  /** The shown layout set (UI folder id); null until the app is read. */
  readonly folderId: string | null;
  /** The shown page (file name without `.json`). */
  readonly page: string | null;
  /** Selected component ids on the shown page, in the order they were selected. */
  readonly selection: readonly string[];
  /** The language texts are shown and edited in. */
  readonly language: string;
  readonly showPreview: boolean;
  readonly clipboard: LayoutClipboard | null;
  /** Shows a layout set (and its first page unless `page` is given); clears the selection. */
  showFolder(folderId: string, page?: string | null): void;
  /** Shows a page of the current layout set; clears the selection. */
  showPage(page: string): void;
  /** Selects ids: replace the selection, toggle them (Ctrl/Cmd-click), or add them (Shift-click). */
  select(ids: readonly string[], mode?: SelectMode): void;
  setLanguage(language: string): void;
  togglePreview(show?: boolean): void;
  setClipboard(clipboard: LayoutClipboard | null): void;
}

/** Creates the layout editor state of one open app. */
export function createLayoutEditorStore(initial: Partial<Pick<LayoutEditorState, 'folderId' | 'page' | 'language'>> = {}): StoreApi<LayoutEditorState> {
  return createStore<LayoutEditorState>((set, get) => ({
    folderId: initial.folderId ?? null,
    page: initial.page ?? null,
    selection: [],
    language: initial.language ?? 'nb',
    showPreview: false,
    clipboard: null,
    showFolder: (folderId, page = null) => set({ folderId, page, selection: [] }),
    showPage: (page) => {
      if (page !== get().page) set({ page, selection: [] });
    },
    select: (ids, mode = 'replace') => {
      const current = get().selection;
      if (mode === 'replace') set({ selection: [...new Set(ids)] });
      else if (mode === 'add') set({ selection: [...current, ...ids.filter((id) => !current.includes(id))] });
      else {
        const toggled = ids.filter((id) => !current.includes(id));
        set({ selection: [...current.filter((id) => !ids.includes(id)), ...toggled] });
      }
    },
    setLanguage: (language) => set({ language }),
    togglePreview: (show) => set({ showPreview: show ?? !get().showPreview }),
    setClipboard: (clipboard) => set({ clipboard }),
  }));
}

/** The layout editor state of the open app, given by the shell. */
export const LayoutEditorContext = createContext<StoreApi<LayoutEditorState> | null>(null);

/** The layout editor store itself (for actions outside render). */
export function useLayoutEditorStore(): StoreApi<LayoutEditorState> {
  const store = useContext(LayoutEditorContext);
  if (!store) throw new Error('useLayoutEditor is used outside the studio shell');
  return store;
}

/** Reads from the layout editor state; re-renders when the selected part changes. */
export function useLayoutEditor<T>(select: (s: LayoutEditorState) => T): T {
  return useStore(useLayoutEditorStore(), select);
}
