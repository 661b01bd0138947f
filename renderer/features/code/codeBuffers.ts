/**
 * The code view's open files and their editor texts, kept outside the component so they survive
 * switching areas, and backed up (throttled) by the host so unsaved text survives a crash or a
 * restart. One store per app folder.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CodeBackup, StudioApi } from '../../../core/api';
import type { TextProblem } from '../../../core/text/textPosition';

export interface CodeBuffer {
  /** The text in the editor. */
  readonly text: string;
  /** The model's text the editor last agreed with (null: the file was absent). */
  readonly base: string | null;
  /** Why `text` does not reach the model (invalid JSON), or null. */
  readonly problem: TextProblem | null;
  /** The model changed underneath unsaved text: its new text (null: deleted), until the user chooses. */
  readonly conflict: { readonly text: string | null } | null;
  /** When the text was restored from a backup (shown as a notice until dismissed), or null. */
  readonly restoredAt: number | null;
}

export interface CodeBuffersState {
  readonly dir: string;
  /** Open tabs in order. */
  readonly open: readonly string[];
  readonly active: string | null;
  readonly buffers: ReadonlyMap<string, CodeBuffer>;
  /** Files an editor outside the tabs shows (the Layout area's JSON beside the canvas): their buffers stay. */
  readonly held: readonly string[];
  /** Whether the backups have been read (files open only then, so none is missed). */
  readonly loaded: boolean;
  /** Backups not taken up yet, by path: opening the file restores its text. */
  readonly restorable: ReadonlyMap<string, CodeBackup>;
  /** Opens `path` (with `modelText` unless a buffer or backup is there) and shows it. */
  openFile(path: string, modelText: string | null): void;
  close(path: string): void;
  activate(path: string): void;
  update(path: string, change: Partial<CodeBuffer>): void;
  /** Keeps a buffer of `path` without a tab (created with `modelText` unless one is there). */
  hold(path: string, modelText: string | null): void;
  /** Lets go of a held buffer; it goes when it has no tab and nothing unsaved. */
  release(path: string): void;
}

/** Where backups live (the host, through the studio API). */
export interface BackupStore {
  list(): Promise<readonly CodeBackup[]>;
  write(path: string, text: string, base: string | null): Promise<unknown>;
  remove(path: string): Promise<unknown>;
}

/** True when the buffer holds text the model does not have. */
export function isUnsaved(buffer: CodeBuffer): boolean {
  return buffer.text !== buffer.base || buffer.conflict !== null;
}

/** The backups of the open app, kept by the host. */
export function hostBackups(api: StudioApi): BackupStore {
  return {
    list: () => api.invoke('backups:list'),
    write: (path, text, base) => api.invoke('backups:write', { path, text, base }),
    remove: (path) => api.invoke('backups:remove', { path }),
  };
}

export interface CodeBuffersOptions {
  readonly storage: BackupStore | null;
  /** Pause between backups of a buffer that keeps changing. */
  readonly backupDelayMs?: number;
  /** Given the function that writes pending backups at once; call it when the page goes away (`pagehide`). */
  readonly onLeave?: (flush: () => void) => void;
}

/** Creates the buffers of one app folder; it backs up unsaved buffers and removes saved ones' backups. */
export function createCodeBuffers(dir: string, options: CodeBuffersOptions): StoreApi<CodeBuffersState> {
  const { storage } = options;
  const store = createStore<CodeBuffersState>((set, get) => {
    /**
     * A new buffer of `path` and the restorable backups after it: the backup's text is taken up when it
     * differs from the file's; either way the backup is no longer waiting.
     */
    const fresh = (path: string, modelText: string | null) => {
      const { restorable, buffers } = get();
      const backup = restorable.get(path);
      // A file changed (or deleted) since its backup was made: the user chooses between the two.
      const buffer: CodeBuffer =
        backup && backup.text !== modelText
          ? { text: backup.text, base: modelText, problem: null, conflict: backup.base === modelText ? null : { text: modelText }, restoredAt: backup.savedAt }
          : { text: modelText ?? '', base: modelText, problem: null, conflict: null, restoredAt: null };
      const rest = backup ? new Map(restorable) : restorable;
      if (backup) (rest as Map<string, CodeBackup>).delete(path);
      return { buffers: new Map(buffers).set(path, buffer), restorable: rest };
    };
    return {
      dir,
      open: [],
      active: null,
      buffers: new Map(),
      held: [],
      loaded: storage === null,
      restorable: new Map(),
      openFile: (path, modelText) => {
        const { open, buffers } = get();
        if (open.includes(path)) {
          set({ active: path });
          return;
        }
        set({ open: [...open, path], active: path, ...(buffers.has(path) ? {} : fresh(path, modelText)) });
      },
      close: (path) => {
        const { open, active, buffers } = get();
        const index = open.indexOf(path);
        if (index < 0) return;
        const rest = open.filter((p) => p !== path);
        const next = new Map(buffers);
        // An unsaved buffer stays (and keeps its backup): opening the file again brings it back.
        const buffer = buffers.get(path);
        if (buffer && !isUnsaved(buffer) && !get().held.includes(path)) next.delete(path);
        set({ open: rest, active: active === path ? (rest[Math.min(index, rest.length - 1)] ?? null) : active, buffers: next });
      },
      activate: (path) => set({ active: path }),
      update: (path, change) => {
        const buffer = get().buffers.get(path);
        if (!buffer) return;
        set({ buffers: new Map(get().buffers).set(path, { ...buffer, ...change }) });
      },
      hold: (path, modelText) => {
        const { held, buffers } = get();
        if (held.includes(path)) return;
        set({ held: [...held, path], ...(buffers.has(path) ? {} : fresh(path, modelText)) });
      },
      release: (path) => {
        const { held, open, buffers } = get();
        if (!held.includes(path)) return;
        const next = new Map(buffers);
        const buffer = buffers.get(path);
        if (buffer && !isUnsaved(buffer) && !open.includes(path)) next.delete(path);
        set({ held: held.filter((p) => p !== path), buffers: next });
      },
    };
  });

  if (storage) {
    storage.list().then(
      (backups) => store.setState({ loaded: true, restorable: new Map(backups.filter((b) => !store.getState().buffers.has(b.path)).map((b) => [b.path, b])) }),
      () => store.setState({ loaded: true }),
    );
  }

  // Backups: at most one write per buffer per delay, and removal as soon as a buffer is saved. The
  // host's answers may cross: each path's writes and removals go one after the other.
  const delay = options.backupDelayMs ?? 1000;
  const due = new Set<string>();
  const queues = new Map<string, Promise<unknown>>();
  const inOrder = (path: string, work: () => Promise<unknown>) => {
    // A refused write (no space) or removal: the text is still in the editor.
    const next = (queues.get(path) ?? Promise.resolve()).then(work).catch(() => undefined);
    queues.set(path, next);
    void next.then(() => {
      if (queues.get(path) === next) queues.delete(path);
    });
  };
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const { buffers } = store.getState();
    for (const path of due) {
      const buffer = buffers.get(path);
      if (storage && buffer && isUnsaved(buffer)) inOrder(path, () => storage.write(path, buffer.text, buffer.base));
    }
    due.clear();
  };
  store.subscribe((state, prev) => {
    if (state.buffers === prev.buffers) return;
    for (const [path, buffer] of state.buffers) {
      const before = prev.buffers.get(path);
      if (before === buffer) continue;
      if (isUnsaved(buffer)) {
        due.add(path);
        continue;
      }
      due.delete(path);
      // Saved now, or opened equal to the file while a backup waited: the backup is done with.
      const wasBackedUp = before ? isUnsaved(before) : prev.restorable.has(path);
      if (storage && wasBackedUp) inOrder(path, () => storage.remove(path));
    }
    if (due.size > 0 && timer === null) {
      // A file of megabytes is backed up less often (each backup carries it whole): a second per megabyte.
      let chars = 0;
      for (const path of due) chars = Math.max(chars, state.buffers.get(path)?.text.length ?? 0);
      timer = setTimeout(flush, delay * Math.max(1, chars / (1024 * 1024)));
    }
  });
  // The last second of typing before a reload or a closed window is not lost to the throttle.
  options.onLeave?.(flush);
  return store;
}

let current: StoreApi<CodeBuffersState> | null = null;
let leaving: (() => void) | null = null;

/** One `pagehide` listener for the buffers of the app shown now. */
function leaveHandler(flush: () => void): void {
  if (leaving) window.removeEventListener('pagehide', leaving);
  leaving = flush;
  window.addEventListener('pagehide', flush);
}

/** The buffers of the app in `dir`, the same store every time the code view is shown for that app. */
export function codeBuffersFor(dir: string, api: StudioApi): StoreApi<CodeBuffersState> {
  if (current?.getState().dir !== dir) current = createCodeBuffers(dir, { storage: hostBackups(api), onLeave: leaveHandler });
  return current;
}
