/**
 * The one command registry. Menus, the context menu, shortcuts and the palette all run commands by
 * id through `runCommand`, so a command behaves the same wherever it is started. Commands are plain
 * objects (excalidraw's actions): what they are called, their shortcut, when they can run, and what
 * they do with the open document.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { TextKey } from '../i18n/texts';
import type { LayoutEditorState } from '../features/layout/layoutEditorStore';
import type { AppDocumentState } from '../state/appDocumentStore';

/**
 * The arguments of each command by id. An area adds its commands by declaration merging:
 * `declare module '../../commands/registry' { interface CommandArgs { 'layout.moveComponent': MoveArgs } }`.
 */
export interface CommandArgs {
  'edit.undo': undefined;
  'edit.redo': undefined;
}

export type CommandId = keyof CommandArgs;

/** What a command sees when it runs. */
export interface CommandContext {
  /** The open app's document store; null when no app is open. */
  readonly doc: StoreApi<AppDocumentState> | null;
  /** The layout editor's view state (shown page, selection, clipboard); null when no app is open. */
  readonly layout: StoreApi<LayoutEditorState> | null;
}

export interface Command<I extends CommandId = CommandId> {
  /** `area.verb`, e.g. `layout.moveComponent`. */
  readonly id: I;
  /** The UI text key of its name in menus and the palette. */
  readonly label: TextKey;
  /** Shortcuts like `Mod+Shift+Z` (Mod is Cmd on macOS, Ctrl elsewhere); see keybindings.ts. */
  readonly shortcuts?: readonly string[];
  /** Its shortcut works even while typing in a text field or the code editor (most must not). */
  readonly inTextFields?: boolean;
  canRun(ctx: CommandContext, args: CommandArgs[I]): boolean;
  run(ctx: CommandContext, args: CommandArgs[I]): unknown;
}

/** How a run ended: its result, or why it did not run or failed. */
export type RunResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: 'unknown' | 'disabled' }
  | { readonly ok: false; readonly reason: 'failed'; readonly message: string };

/** Optional arguments for commands that take none. */
type ArgsOf<I extends CommandId> = undefined extends CommandArgs[I] ? [args?: CommandArgs[I]] : [args: CommandArgs[I]];

export interface CommandRegistry {
  /** Adds a command; the returned function removes it. A second command with the same id is refused. */
  register<I extends CommandId>(command: Command<I>): () => void;
  get<I extends CommandId>(id: I): Command<I> | undefined;
  /** Every command, in the order registered (the palette's list). */
  list(): readonly Command[];
  /** Sets what commands run against (the shell sets the open document). */
  setContext(context: CommandContext): void;
  context(): CommandContext;
  canRun<I extends CommandId>(id: I, ...args: ArgsOf<I>): boolean;
  /** Runs a command if it can run now; a failure is returned, not thrown. */
  runCommand<I extends CommandId>(id: I, ...args: ArgsOf<I>): Promise<RunResult>;
}

/** A new, empty registry (the studio has one: `commandRegistry`; tests make their own). */
export function createCommandRegistry(): CommandRegistry {
  const commands = new Map<CommandId, Command>();
  let context: CommandContext = { doc: null, layout: null };
  const lookup = <I extends CommandId>(id: I) => commands.get(id) as Command<I> | undefined;
  return {
    register: (command) => {
      if (commands.has(command.id)) throw new Error(`A command with the id ${command.id} is already registered`);
      commands.set(command.id, command as unknown as Command);
      return () => {
        if (commands.get(command.id) === (command as unknown as Command)) commands.delete(command.id);
      };
    },
    get: lookup,
    list: () => [...commands.values()],
    setContext: (next) => {
      context = next;
    },
    context: () => context,
    canRun: (id, ...[args]) => {
      const command = lookup(id);
      return command !== undefined && command.canRun(context, args as CommandArgs[typeof id]);
    },
    runCommand: async (id, ...[args]) => {
      const command = lookup(id);
      if (!command) return { ok: false, reason: 'unknown' };
      const ctx = context;
      const typed = args as CommandArgs[typeof id];
      if (!command.canRun(ctx, typed)) return { ok: false, reason: 'disabled' };
      try {
        return { ok: true, value: await command.run(ctx, typed) };
      } catch (error) {
        return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

/** Undo the newest entry of the open document's history (refusals are shown by the shell). */
export const undoCommand: Command<'edit.undo'> = {
  id: 'edit.undo',
  label: 'edit.undo',
  shortcuts: ['Mod+Z'],
  canRun: ({ doc }) => (doc?.getState().history.undo.length ?? 0) > 0,
  run: ({ doc }) => doc?.getState().undo(),
};

/** Redo the entry undone last. */
export const redoCommand: Command<'edit.redo'> = {
  id: 'edit.redo',
  label: 'edit.redo',
  shortcuts: ['Mod+Shift+Z', 'Ctrl+Y'],
  canRun: ({ doc }) => (doc?.getState().history.redo.length ?? 0) > 0,
  run: ({ doc }) => doc?.getState().redo(),
};

/** The studio's command registry, with the built-in commands. */
export const commandRegistry = createCommandRegistry();
commandRegistry.register(undoCommand);
commandRegistry.register(redoCommand);

/** Runs a command of the studio's registry by id (menus, context menu, shortcuts and palette call this). */
export const runCommand = <I extends CommandId>(id: I, ...args: ArgsOf<I>): Promise<RunResult> => commandRegistry.runCommand(id, ...args);
