import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FileEntry, OpenedApp, StudioApi } from '../../core/api';
import type { FileSource } from '../../core/app/fileSource';
import { editFiles } from '../../core/app/model/appEdits';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import type { AppModel } from '../../core/app/model/types';
import { overviewOfModel, type AppOverview } from '../../core/app/overview';
import {
  beginGesture,
  cancelGestureStep,
  emptyHistory,
  endGesture,
  recordChange,
  redoStep,
  undoStep,
  type EditLabel,
  type FileChanges,
  type History,
  type HistoryStep,
} from '../commands/history';
import { withFileChanges } from '../features/shell/fileTreeModel';
import { apiFileSource } from './apiFileSource';
import { type AppCheckResult, createAppChecker } from './appCheck/appChecker';
import { readChangedFiles } from './changedFiles';
import { createFileWriteQueue, type SaveStatus } from './fileWriteQueue';
import { errorData } from './workspaceStore';

export type OverviewStatus = 'loading' | 'ready' | 'failed';

/** An undo or redo that was refused, for the shell to explain. */
export interface HistoryNotice {
  readonly action: 'undo' | 'redo';
  readonly label: EditLabel;
  /** The files changed outside since. */
  readonly paths: readonly string[];
}

/** How `apply` records its change in the undo history. */
export interface ApplyOptions {
  /**
   * Changes applied one after the other with the same key merge into one undo entry (a typing burst
   * in one property field: use the component id and property). Gestures merge without a key.
   */
  readonly mergeKey?: string;
}

/**
 * The document store of one open app: the app model both views edit, the overview projected from
 * it, the undo history, the state of writes, and the file tree's view state.
 */
export interface AppDocumentState {
  readonly dir: string;
  readonly name: string;
  readonly files: readonly FileEntry[];
  /** The app as the studio read it plus every edit made here; null until it has been read. */
  readonly model: AppModel | null;
  /** A projection of the model last checked, refreshed shortly after edits with the check. */
  readonly overview: AppOverview | null;
  /**
   * The app check of a recent model (in a worker; shortly after each edit): what the Problems list,
   * the canvas markers and the code view's markers show. It may be a model or two behind while typing.
   */
  readonly check: AppCheckResult | null;
  /** Whether the model has been read (the name stays for the Overview area). */
  readonly overviewStatus: OverviewStatus;
  readonly overviewError: string | null;
  readonly history: History;
  readonly save: SaveStatus;
  /** Paths edited here since the app was opened (the file tree marks them). */
  readonly changedInSession: ReadonlySet<string>;
  readonly historyNotice: HistoryNotice | null;
  /** Folders open in the file tree. */
  readonly expanded: ReadonlySet<string>;
  /** The file or folder selected in the file tree. */
  readonly selectedPath: string | null;
  /** Takes a new file list from the host (the file tree follows it; the model follows `files:changed`). */
  setFiles(files: readonly FileEntry[]): void;
  /** Reads the whole app again; edits not written yet are kept on top. */
  reloadOverview(): Promise<void>;
  /**
   * Applies `changes` (null deletes a file) to the model, records them for undo as `label`, and
   * writes them through the host; resolves to the new model before the write finishes.
   */
  apply(changes: FileChanges, label: EditLabel, options?: ApplyOptions): Promise<AppModel>;
  /** Starts a gesture: every `apply` until `endGesture` is one undo entry called `label`. */
  beginGesture(label: EditLabel): void;
  endGesture(): void;
  /** Takes back what the gesture in progress changed and ends it (a drag cancelled with Escape). */
  cancelGesture(): Promise<HistoryStep<EditLabel>>;
  undo(): Promise<HistoryStep<EditLabel>>;
  redo(): Promise<HistoryStep<EditLabel>>;
  dismissHistoryNotice(): void;
  /** Writes the edits again after a failed write. */
  retrySave(): void;
  /** Follows `files:changed` from the host until the returned function is called. */
  watchFiles(): () => void;
  /** Resolves when every edit has reached the model, every write has finished or failed, and the check is done. */
  settled(): Promise<void>;
  /** Stops the check's worker (the store is no longer shown); a later edit starts it again. */
  dispose(): void;
  toggleFolder(path: string, open?: boolean): void;
  select(path: string | null): void;
}

export interface AppDocumentOptions {
  /** The studio API: writes, reads of changed files and the `files:changed` event. */
  readonly api: StudioApi;
  /** How the store reads the whole app; the studio API by default. */
  readonly sourceFor?: (files: readonly FileEntry[]) => FileSource;
  /** Pause after an edit before the app is checked and the overview projected again (edits come in bursts). */
  readonly overviewDelayMs?: number;
  /** Starts the worker the app check runs in; without it the check runs in the page (unit tests). */
  readonly makeCheckWorker?: () => Worker;
}

const loadingMessage = 'The app is still being read; try again when it has loaded.';

/**
 * Changes at least this long (characters) are large: a code edit of a page of megabytes. The model's
 * build and the views' update are tasks of their own.
 */
const largeChangeChars = 256 * 1024;

function isLarge(changes: FileChanges): boolean {
  let size = 0;
  for (const text of changes.values()) size += text?.length ?? 0;
  return size >= largeChangeChars;
}

/** Resolves in a later task, so input that arrived meanwhile is handled first. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Creates the document store of `app` and starts reading its model. */
export function createAppDocumentStore(app: OpenedApp, options: AppDocumentOptions): StoreApi<AppDocumentState> {
  const { api } = options;
  const sourceFor = options.sourceFor ?? ((files: readonly FileEntry[]) => apiFileSource(api, files));
  let checkTimer: ReturnType<typeof setTimeout> | null = null;
  // Every change of the model runs in turn, so each one edits the result of the one before.
  let modelTurn: Promise<unknown> = Promise.resolve();
  let outstanding = 0;
  /**
   * Runs edits one after the other. With nothing outstanding an edit starts at once, in the caller's
   * event: a drop is written before React re-renders the page for the drag's end.
   */
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const start = (): Promise<T> => {
      try {
        return work();
      } catch (error) {
        return Promise.reject(error);
      }
    };
    outstanding++;
    const result = outstanding === 1 ? start() : modelTurn.then(start);
    modelTurn = result.then(
      () => void outstanding--,
      () => void outstanding--,
    );
    return result;
  };

  const store = createStore<AppDocumentState>((set, get) => {
    const writes = createFileWriteQueue(
      (changes) => api.invoke('workspace:applyChanges', { changes }),
      (save) => set({ save }),
    );
    const textOf = (model: AppModel) => (path: string) => model.texts.get(path) ?? null;
    const requireModel = (): AppModel => {
      const model = get().model;
      if (!model) throw new Error(loadingMessage);
      return model;
    };
    const checker = createAppChecker((check) => set({ check, overview: overviewOfModel(check.model, check.diagnostics) }), options.makeCheckWorker);
    const runCheck = () => {
      if (checkTimer !== null) clearTimeout(checkTimer);
      checkTimer = null;
      const model = get().model;
      if (model) checker.check(model);
    };
    const scheduleCheck = () => {
      if (checkTimer !== null) clearTimeout(checkTimer);
      checkTimer = setTimeout(runCheck, options.overviewDelayMs ?? 150);
    };
    /** Puts `changes` into the model and the file list; `ours` ones are written and marked. */
    const commit = async (changes: FileChanges, ours: boolean, history?: History): Promise<AppModel> => {
      const large = isLarge(changes);
      // Still in turn: no other change of the model runs before this one is set. A large text was just read
      // by the code view to see that it is valid; the model's build of it is a task of its own.
      if (large) await nextTask();
      const model = requireModel();
      const next = editFiles(model, changes);
      // The write starts first: setting the model re-renders the views synchronously (a 300-component canvas takes tens of ms).
      if (ours) writes.push(changes);
      if (large) await nextTask();
      const changedInSession = ours ? new Set([...get().changedInSession, ...changes.keys()]) : get().changedInSession;
      set({ model: next, files: withFileChanges(get().files, changes), changedInSession, ...(history ? { history } : {}) });
      scheduleCheck();
      return next;
    };
    const step = (action: 'undo' | 'redo' | 'cancel') =>
      inTurn(async () => {
        const model = requireModel();
        const take = action === 'undo' ? undoStep : action === 'redo' ? redoStep : cancelGestureStep;
        const result = take(get().history, textOf(model));
        if (result.ok) {
          await commit(result.changes, true, result.history);
          set({ historyNotice: null });
        } else if (result.reason === 'changed') {
          set({ historyNotice: { action: action === 'redo' ? 'redo' : 'undo', label: result.entry.label, paths: result.paths } });
        }
        return result;
      });
    const takeExternal = async (paths: readonly string[]) => {
      const candidates = paths.filter((p) => !writes.pending(p));
      if (candidates.length === 0) return;
      const before = get().model;
      const disk = await readChangedFiles(api, candidates);
      await inTurn(async () => {
        const model = get().model;
        if (!model) return;
        const changes = new Map<string, string | null>();
        for (const [path, text] of disk) {
          const mine = model.texts.get(path) ?? null;
          // Our own write coming back, or a path edited here while it was read (our write follows).
          if (text === mine || writes.pending(path) || (before?.texts.get(path) ?? null) !== mine) continue;
          changes.set(path, text);
        }
        if (changes.size > 0) await commit(changes, false);
      });
    };

    return {
      dir: app.dir,
      name: app.name,
      files: app.files,
      model: null,
      overview: null,
      check: null,
      overviewStatus: 'loading',
      overviewError: null,
      history: emptyHistory(),
      save: { saving: false, error: null, unsaved: [] },
      changedInSession: new Set(),
      historyNotice: null,
      expanded: new Set(app.files.some((f) => f.path === 'App' && f.kind === 'dir') ? ['App'] : []),
      selectedPath: null,
      setFiles: (files) => {
        if (files !== get().files) set({ files });
      },
      reloadOverview: () =>
        inTurn(async () => {
          if (!get().model) set({ overviewStatus: 'loading' });
          try {
            const read = await loadAppModel(sourceFor(get().files));
            // Edits still on their way to the disk stay in the model.
            const model = editFiles(read, writes.unsaved());
            set({ model, overviewStatus: 'ready', overviewError: null });
            runCheck();
          } catch (error) {
            set({ overviewStatus: 'failed', overviewError: errorData(error).message });
          }
        }),
      apply: (changes, label, applyOptions) =>
        inTurn(async () => {
          const model = requireModel();
          const history = recordChange(get().history, textOf(model), changes, label, applyOptions?.mergeKey);
          const real = new Map([...changes].filter(([path, text]) => textOf(model)(path) !== text));
          return real.size === 0 ? model : commit(real, true, history);
        }),
      // In turn with the edits, so a gesture holds exactly the edits asked for between its ends.
      beginGesture: (label) => void inTurn(async () => set({ history: beginGesture(get().history, label) })),
      endGesture: () => void inTurn(async () => set({ history: endGesture(get().history) })),
      cancelGesture: () => step('cancel'),
      undo: () => step('undo'),
      redo: () => step('redo'),
      dismissHistoryNotice: () => set({ historyNotice: null }),
      retrySave: () => writes.retry(),
      watchFiles: () =>
        api.on('files:changed', ({ dir, paths }) => {
          if (dir === app.dir) void takeExternal(paths);
        }),
      settled: async () => {
        await modelTurn;
        await writes.idle();
        if (checkTimer !== null) runCheck();
        await checker.idle();
      },
      dispose: () => {
        if (checkTimer !== null) clearTimeout(checkTimer);
        checkTimer = null;
        checker.dispose();
      },
      toggleFolder: (path, open) => {
        const expanded = new Set(get().expanded);
        const shouldOpen = open ?? !expanded.has(path);
        if (shouldOpen) expanded.add(path);
        else expanded.delete(path);
        set({ expanded });
      },
      select: (selectedPath) => set({ selectedPath }),
    };
  });
  void store.getState().reloadOverview();
  return store;
}
