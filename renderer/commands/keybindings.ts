/**
 * Shortcuts: one keydown handler for the window that finds the command whose shortcut was pressed
 * and runs it through the registry. Shortcuts are written `Mod+Shift+Z`: `Mod` is Cmd on macOS and
 * Ctrl elsewhere; `Ctrl`, `Meta`, `Alt` and `Shift` mean those keys everywhere.
 */
import type { CommandId, CommandRegistry, RunResult } from './registry';

/** The parts of a keyboard event the handler reads (a DOM KeyboardEvent has them all). */
export interface KeyPress {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly target: unknown;
  readonly defaultPrevented: boolean;
  preventDefault(): void;
}

/** True on macOS (Cmd is the command key there). */
export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

interface Chord {
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly key: string;
}

function parseShortcut(shortcut: string, mac: boolean): Chord {
  const parts = shortcut.split('+');
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return {
    ctrl: mods.has('ctrl') || (!mac && mods.has('mod')),
    meta: mods.has('meta') || (mac && mods.has('mod')),
    alt: mods.has('alt'),
    shift: mods.has('shift'),
    key: key.toLowerCase(),
  };
}

/** The key pressed, by letter where there is one (Shift+Z gives `Z`; a non-Latin layout gives it by position). */
function keyOf(event: KeyPress): string {
  if (/^[a-z]$/i.test(event.key)) return event.key.toLowerCase();
  const letter = /^Key([A-Z])$/.exec(event.code);
  return letter ? letter[1]!.toLowerCase() : event.key.toLowerCase();
}

/** True when `event` is exactly `shortcut` (no extra modifiers). */
export function matchesShortcut(shortcut: string, event: KeyPress, mac: boolean): boolean {
  const chord = parseShortcut(shortcut, mac);
  return (
    chord.ctrl === event.ctrlKey && chord.meta === event.metaKey && chord.alt === event.altKey && chord.shift === event.shiftKey && chord.key === keyOf(event)
  );
}

/** A shortcut as people read it on this platform: `⇧⌘Z` on macOS, `Ctrl+Shift+Z` elsewhere. */
export function formatShortcut(shortcut: string, mac: boolean): string {
  const chord = parseShortcut(shortcut, mac);
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : shortcut.split('+').pop()!;
  if (mac) return `${chord.ctrl ? '⌃' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.meta ? '⌘' : ''}${key}`;
  return [chord.ctrl && 'Ctrl', chord.meta && 'Meta', chord.alt && 'Alt', chord.shift && 'Shift', key].filter(Boolean).join('+');
}

interface ElementLike {
  readonly tagName?: string;
  readonly type?: string;
  readonly isContentEditable?: boolean;
  closest?(selector: string): unknown;
}

const nonTextInputs = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image']);

/** True when typing goes into `target`: a text input, text area, select, editable element or Monaco. */
export function isTextEntry(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const el = target as ElementLike;
  const tag = el.tagName?.toLowerCase();
  if (tag === 'textarea' || tag === 'select' || el.isContentEditable) return true;
  if (tag === 'input') return !nonTextInputs.has((el.type ?? 'text').toLowerCase());
  return Boolean(el.closest?.('.monaco-editor'));
}

/**
 * The keydown handler: runs the first command whose shortcut matches and that can run now. Keys
 * typed into text fields and Monaco are left to them (their own undo), unless a command says otherwise.
 */
export function createKeydownHandler(registry: CommandRegistry, mac: boolean, onResult?: (id: CommandId, result: RunResult) => void) {
  return (event: KeyPress): void => {
    if (event.defaultPrevented) return;
    const typing = isTextEntry(event.target);
    // A command with a shortcut takes what it works on from the context (the selection), not from arguments.
    const canRun = registry.canRun as (id: CommandId) => boolean;
    const run = registry.runCommand as (id: CommandId) => Promise<RunResult>;
    for (const command of registry.list()) {
      if (typing && !command.inTextFields) continue;
      if (!command.shortcuts?.some((s) => matchesShortcut(s, event, mac))) continue;
      if (!canRun(command.id)) continue;
      event.preventDefault();
      void run(command.id).then((result) => onResult?.(command.id, result));
      return;
    }
  };
}

/** Installs the handler on `target` (the window); the returned function removes it. */
export function installKeybindings(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  registry: CommandRegistry,
  mac: boolean,
  onResult?: (id: CommandId, result: RunResult) => void,
): () => void {
  const handler = createKeydownHandler(registry, mac, onResult);
  target.addEventListener('keydown', handler);
  return () => target.removeEventListener('keydown', handler);
}

/** A shortcut in `aria-keyshortcuts` form: `Control+Shift+Z` (or `Meta+Shift+Z` on macOS). */
export function ariaShortcut(shortcut: string, mac: boolean): string {
  return shortcut
    .split('+')
    .map((part) => (part === 'Mod' ? (mac ? 'Meta' : 'Control') : part === 'Ctrl' ? 'Control' : part))
    .join('+');
}
