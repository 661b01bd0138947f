/**
 * The code tools' shared state and commands: format the shown JSON file (Shift+Alt+F), search every
 * file (Ctrl/Cmd+Shift+F), and whether the Layout area shows the page's JSON beside the canvas. No
 * Monaco here: the Layout area imports it, and Monaco loads with the editors only.
 */
import { createStore } from 'zustand/vanilla';
import { type Command, commandRegistry } from '../../commands/registry';
import { uiStore } from '../../state/stores';

declare module '../../commands/registry' {
  interface CommandArgs {
    'code.format': undefined;
    'code.search': undefined;
  }
}

export interface CodeToolsState {
  /** The Layout area shows the shown page's JSON beside the canvas. */
  readonly splitJson: boolean;
  readonly searchOpen: boolean;
  /** Bumped to move the focus to the search box (the shortcut pressed again). */
  readonly searchFocus: number;
  /** Formats the file the live editor shows; false when it is not JSON. Null when no editor is live. */
  readonly formatter: (() => boolean) | null;
}

export const codeTools = createStore<CodeToolsState>(() => ({ splitJson: false, searchOpen: false, searchFocus: 0, formatter: null }));

export const formatCommand: Command<'code.format'> = {
  id: 'code.format',
  label: 'code.format',
  shortcuts: ['Shift+Alt+F'],
  inTextFields: true,
  canRun: () => codeTools.getState().formatter !== null,
  run: () => codeTools.getState().formatter?.(),
};

export const searchCommand: Command<'code.search'> = {
  id: 'code.search',
  label: 'code.search',
  shortcuts: ['Mod+Shift+F'],
  inTextFields: true,
  canRun: ({ doc }) => doc !== null,
  run: () => {
    uiStore.getState().setArea('code');
    codeTools.setState((s) => ({ searchOpen: true, searchFocus: s.searchFocus + 1 }));
  },
};

if (!commandRegistry.get('code.format')) commandRegistry.register(formatCommand);
if (!commandRegistry.get('code.search')) commandRegistry.register(searchCommand);
