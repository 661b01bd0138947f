/**
 * Undo and redo over file changes. An entry keeps, for every path it touched, the text before and
 * after (null: the file did not exist), so undo and redo give back the exact bytes and work across
 * pages and files. Pure: the document store keeps a `History` value and applies what these return.
 *
 * One entry per gesture (tldraw's marks): between `beginGesture` and `endGesture` every change
 * merges into one entry, and changes recorded with the same merge key one after the other (a typing
 * burst in one property field) do too.
 */
import type { TextKey, TextParams } from '../i18n/texts';

/** New texts of files by path; null deletes the file (the shape of core/app/model `FileChanges`). */
export type FileChanges = ReadonlyMap<string, string | null>;

/** The text of a file now, or null when it does not exist. */
export type CurrentText = (path: string) => string | null;

/** What an entry is called in menus and tooltips ("Undo Move Input"), translated when shown. */
export interface EditLabel {
  readonly key: TextKey;
  readonly params?: TextParams;
}

export interface HistoryEntry<L = EditLabel> {
  readonly label: L;
  /** Every touched path's text before the entry (null: absent). */
  readonly before: ReadonlyMap<string, string | null>;
  /** The same paths' texts after it. */
  readonly after: ReadonlyMap<string, string | null>;
}

export interface History<L = EditLabel> {
  /** Oldest first; the last one is undone next. */
  readonly undo: readonly HistoryEntry<L>[];
  /** The last one is redone next. */
  readonly redo: readonly HistoryEntry<L>[];
  /** The merge key the newest undo entry still takes changes for (a gesture's or a caller's). */
  readonly openKey: string | null;
  /** The gesture in progress: its label, key and whether it has an entry yet. */
  readonly gesture: { readonly label: L; readonly key: string; readonly started: boolean } | null;
}

/** How many entries undo keeps; older ones are dropped. */
export const historyLimit = 200;

/** A history with nothing to undo or redo. */
export function emptyHistory<L = EditLabel>(): History<L> {
  return { undo: [], redo: [], openKey: null, gesture: null };
}

let gestureCount = 0;

/** Starts a gesture: everything recorded until `endGesture` becomes one entry called `label`. */
export function beginGesture<L>(history: History<L>, label: L): History<L> {
  return { ...history, openKey: null, gesture: { label, key: `gesture:${++gestureCount}`, started: false } };
}

/** Ends the gesture in progress; the next change starts a new entry. */
export function endGesture<L>(history: History<L>): History<L> {
  return history.gesture ? { ...history, gesture: null, openKey: null } : history;
}

/** `entries` with the newest replaced by `entry`, or removed when `entry` is null. */
function replaceNewest<L>(entries: readonly HistoryEntry<L>[], entry: HistoryEntry<L> | null): HistoryEntry<L>[] {
  const rest = entries.slice(0, -1);
  return entry ? [...rest, entry] : rest;
}

/**
 * The history after `changes` were applied to files whose texts were `current` just before. Changes
 * that change nothing are not recorded (and keep the redo branch); anything else drops it.
 */
export function recordChange<L>(history: History<L>, current: CurrentText, changes: FileChanges, label: L, mergeKey?: string): History<L> {
  const real = [...changes].filter(([path, text]) => current(path) !== text);
  if (real.length === 0) return history;
  const key = history.gesture?.key ?? mergeKey ?? null;
  const newest = history.undo.at(-1);
  const merging = newest !== undefined && key !== null && history.openKey === key && (!history.gesture || history.gesture.started);
  const before = new Map(merging ? newest.before : []);
  const after = new Map(merging ? newest.after : []);
  for (const [path, text] of real) {
    if (!before.has(path)) before.set(path, current(path));
    after.set(path, text);
    // A path back at its text from before the entry is no change of the entry any more.
    if (before.get(path) === text) {
      before.delete(path);
      after.delete(path);
    }
  }
  const entryLabel = history.gesture?.label ?? label;
  const entry = after.size > 0 ? { label: entryLabel, before, after } : null;
  const undo = merging ? replaceNewest(history.undo, entry) : entry ? [...history.undo, entry] : [...history.undo];
  const gesture = history.gesture && { ...history.gesture, started: entry !== null };
  return { undo: undo.slice(-historyLimit), redo: [], openKey: entry ? key : null, gesture };
}

/** The outcome of an undo or redo: the changes to apply and the history after them, or why not. */
export type HistoryStep<L> =
  | { readonly ok: true; readonly history: History<L>; readonly changes: FileChanges; readonly entry: HistoryEntry<L> }
  | { readonly ok: false; readonly reason: 'empty' }
  /** Files changed outside since the entry (another program or the code view without history). */
  | { readonly ok: false; readonly reason: 'changed'; readonly entry: HistoryEntry<L>; readonly paths: readonly string[] };

/** The paths whose current text is not the one `expected` says. */
function differing(expected: ReadonlyMap<string, string | null>, current: CurrentText): string[] {
  return [...expected].filter(([path, text]) => current(path) !== text).map(([path]) => path);
}

/** Undoes the newest entry, refusing when one of its files is no longer as the entry left it. */
export function undoStep<L>(history: History<L>, current: CurrentText): HistoryStep<L> {
  const entry = history.undo.at(-1);
  if (!entry) return { ok: false, reason: 'empty' };
  const paths = differing(entry.after, current);
  if (paths.length > 0) return { ok: false, reason: 'changed', entry, paths };
  return { ok: true, entry, changes: entry.before, history: { undo: history.undo.slice(0, -1), redo: [...history.redo, entry], openKey: null, gesture: null } };
}

/** Redoes the entry undone last, refusing when one of its files changed since the undo. */
export function redoStep<L>(history: History<L>, current: CurrentText): HistoryStep<L> {
  const entry = history.redo.at(-1);
  if (!entry) return { ok: false, reason: 'empty' };
  const paths = differing(entry.before, current);
  if (paths.length > 0) return { ok: false, reason: 'changed', entry, paths };
  return { ok: true, entry, changes: entry.after, history: { undo: [...history.undo, entry], redo: history.redo.slice(0, -1), openKey: null, gesture: null } };
}

/**
 * Ends the gesture in progress by taking back what it changed (a drag cancelled with Escape); the
 * result is as if it never started. Refused like undo when its files changed outside meanwhile.
 */
export function cancelGestureStep<L>(history: History<L>, current: CurrentText): HistoryStep<L> {
  if (!history.gesture?.started) return { ok: false, reason: 'empty' };
  const step = undoStep(history, current);
  return step.ok ? { ...step, history: { ...step.history, redo: history.redo } } : step;
}

/** The label of what undo would undo, or null. */
export const undoLabel = <L>(history: History<L>): L | null => history.undo.at(-1)?.label ?? null;

/** The label of what redo would redo, or null. */
export const redoLabel = <L>(history: History<L>): L | null => history.redo.at(-1)?.label ?? null;
