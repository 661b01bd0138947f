/**
 * The code view's open files and their editor texts, kept outside the component so they survive
 * switching areas, and backed up (throttled) to localStorage so unsaved text survives a crash or a
 * restart. One store per app folder.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
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

export interface Backup {
  readonly text: string;
  readonly base: string | null;
  readonly savedAt: number;
}

type BackupStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const backupPrefix = 'studio.code.backup\u0000';

/** The localStorage key of a backup: app folder and path. */
export function backupKey(dir: string, path: string): string {
  return `${backupPrefix}${dir}\u0000${path}`;
}

/** True when the buffer holds text the model does not have. */
export function isUnsaved(buffer: CodeBuffer): boolean {
  return buffer.text !== buffer.base || buffer.conflict !== null;
}

export function readBackup(storage: BackupStorage | null, dir: string, path: string): Backup | null {
  try {
    const raw = storage?.getItem(backupKey(dir, path));
    if (!raw) return null;
    const value = JSON.parse(raw) as Backup;
    return typeof value.text === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** The paths of `dir` that have a backup. */
export function backedUpPaths(storage: BackupStorage | null, dir: string): string[] {
  const prefix = `${backupPrefix}${dir}\u0000`;
  const paths: string[] = [];
  try {
    for (let i = 0; storage && i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) paths.push(key.slice(prefix.length));
    }
  } catch {
    return [];
  }
  return paths.sort();
}

export interface CodeBuffersOptions {
  readonly storage: BackupStorage | null;
  /** Pause between backups of a buffer that keeps changing. */
  readonly backupDelayMs?: number;
  readonly now?: () => number;
  /** Given the function that writes pending backups at once; call it when the page goes away (`pagehide`). */
  readonly onLeave?: (flush: () => void) => void;
}

/** Creates the buffers of one app folder; it backs up unsaved buffers and removes saved ones' backups. */
export function createCodeBuffers(dir: string, options: CodeBuffersOptions): StoreApi<CodeBuffersState> {
  const { storage } = options;
  const now = options.now ?? Date.now;
  const store = createStore<CodeBuffersState>((set, get) => ({
    dir,
    open: [],
    active: null,
    buffers: new Map(),
    held: [],
    openFile: (path, modelText) => {
      const { open, buffers } = get();
      if (open.includes(path)) {
        set({ active: path });
        return;
      }
      const next = new Map(buffers);
      if (!buffers.has(path)) {
        const backup = readBackup(storage, dir, path);
        if (backup && backup.text !== modelText) {
          next.set(path, { text: backup.text, base: backup.base, problem: null, conflict: null, restoredAt: backup.savedAt });
        } else {
          next.set(path, { text: modelText ?? '', base: modelText, problem: null, conflict: null, restoredAt: null });
        }
      }
      set({ open: [...open, path], active: path, buffers: next });
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
      const next = new Map(buffers);
      if (!buffers.has(path)) {
        const backup = readBackup(storage, dir, path);
        const restored = backup && backup.text !== modelText;
        next.set(path, restored ? { text: backup.text, base: backup.base, problem: null, conflict: null, restoredAt: backup.savedAt } : { text: modelText ?? '', base: modelText, problem: null, conflict: null, restoredAt: null });
      }
      set({ held: [...held, path], buffers: next });
    },
    release: (path) => {
      const { held, open, buffers } = get();
      if (!held.includes(path)) return;
      const next = new Map(buffers);
      const buffer = buffers.get(path);
      if (buffer && !isUnsaved(buffer) && !open.includes(path)) next.delete(path);
      set({ held: held.filter((p) => p !== path), buffers: next });
    },
  }));

  // Backups: at most one write per buffer per delay, and removal as soon as a buffer is saved.
  const delay = options.backupDelayMs ?? 1000;
  const due = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const { buffers } = store.getState();
    for (const path of due) {
      const buffer = buffers.get(path);
      try {
        if (buffer && isUnsaved(buffer)) storage?.setItem(backupKey(dir, path), JSON.stringify({ text: buffer.text, base: buffer.base, savedAt: now() } satisfies Backup));
        else storage?.removeItem(backupKey(dir, path));
      } catch {
        // A full or refused storage: the text is still in the editor.
      }
    }
    due.clear();
  };
  store.subscribe((state, prev) => {
    if (state.buffers === prev.buffers) return;
    for (const [path, buffer] of state.buffers) {
      if (prev.buffers.get(path) === buffer) continue;
      if (isUnsaved(buffer)) {
        due.add(path);
      } else {
        due.delete(path);
        try {
          storage?.removeItem(backupKey(dir, path));
        } catch {
          // Nothing to remove.
        }
      }
    }
    if (due.size > 0 && timer === null) timer = setTimeout(flush, delay);
  });
  // The last second of typing before a reload or a closed window is not lost to the throttle.
  options.onLeave?.(flush);
  return store;
}

function safeLocalStorage(): BackupStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
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
export function codeBuffersFor(dir: string): StoreApi<CodeBuffersState> {
  if (current?.getState().dir !== dir) current = createCodeBuffers(dir, { storage: safeLocalStorage(), onLeave: leaveHandler });
  return current;
}
