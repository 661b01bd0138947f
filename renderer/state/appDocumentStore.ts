import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FileEntry, OpenedApp } from '../../core/api';
import type { FileSource } from '../../core/app/fileSource';
import { readAppOverview, type AppOverview } from '../../core/app/overview';
import { errorData } from './workspaceStore';

export type OverviewStatus = 'loading' | 'ready' | 'failed';

/** The document store of one open app: its files, what the studio read from them, and its view state. */
export interface AppDocumentState {
  readonly dir: string;
  readonly name: string;
  readonly files: readonly FileEntry[];
  readonly overview: AppOverview | null;
  readonly overviewStatus: OverviewStatus;
  readonly overviewError: string | null;
  /** Folders open in the file tree. */
  readonly expanded: ReadonlySet<string>;
  /** The file or folder selected in the file tree. */
  readonly selectedPath: string | null;
  /** Takes a new file list from the host and reads the app again. */
  setFiles(files: readonly FileEntry[]): void;
  reloadOverview(): Promise<void>;
  toggleFolder(path: string, open?: boolean): void;
  select(path: string | null): void;
}

export interface AppDocumentOptions {
  /** How the store reads files; the studio API by default. */
  readonly sourceFor: (files: readonly FileEntry[]) => FileSource;
  /** Pause after a change before the app is read again (changes come in bursts). */
  readonly reloadDelayMs?: number;
}

/** Creates the document store of `app` and starts reading its overview. */
export function createAppDocumentStore(app: OpenedApp, options: AppDocumentOptions): StoreApi<AppDocumentState> {
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const store = createStore<AppDocumentState>((set, get) => ({
    dir: app.dir,
    name: app.name,
    files: app.files,
    overview: null,
    overviewStatus: 'loading',
    overviewError: null,
    expanded: new Set(app.files.some((f) => f.path === 'App' && f.kind === 'dir') ? ['App'] : []),
    selectedPath: null,
    setFiles: (files) => {
      if (files === get().files) return;
      set({ files });
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void get().reloadOverview();
      }, options.reloadDelayMs ?? 150);
    },
    reloadOverview: async () => {
      const mine = ++generation;
      if (!get().overview) set({ overviewStatus: 'loading' });
      try {
        const overview = await readAppOverview(options.sourceFor(get().files));
        // A newer reload may have started meanwhile; only the newest result is shown.
        if (mine === generation) set({ overview, overviewStatus: 'ready', overviewError: null });
      } catch (error) {
        if (mine === generation) set({ overviewStatus: 'failed', overviewError: errorData(error).message });
      }
    },
    toggleFolder: (path, open) => {
      const expanded = new Set(get().expanded);
      const shouldOpen = open ?? !expanded.has(path);
      if (shouldOpen) expanded.add(path);
      else expanded.delete(path);
      set({ expanded });
    },
    select: (selectedPath) => set({ selectedPath }),
  }));
  void store.getState().reloadOverview();
  return store;
}
