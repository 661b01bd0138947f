/**
 * The layout editor's commands: every change the Layout area makes is one of these, run by id from
 * the canvas, the context menu, the palette, the page list and the shortcuts. Each is one apply (one
 * undo entry); inserted and pasted components become the selection.
 */
import type { StoreApi } from 'zustand/vanilla';
import {
  type DropTarget,
  addPage,
  copyComponents,
  deleteComponents,
  deletePage,
  duplicateComponents,
  duplicatePage,
  insertComponent,
  moveComponents,
  pasteComponents,
  renamePage,
  setPageOrder,
} from '../../../core/app/layoutEdits';
import type { AppModel, UiFolder } from '../../../core/app/model/types';
import { findComponentType } from '../../../core/catalog';
import type { Command, CommandContext } from '../../commands/registry';
import { commandRegistry } from '../../commands/registry';
import type { AppDocumentState } from '../../state/appDocumentStore';
import { uiStore } from '../../state/stores';
import { canvasTree, targetAfter, targetAtEnd } from './canvas/canvasTree';
import { layoutDialogs } from './layoutDialogs';
import type { LayoutEditorState } from './layoutEditorStore';

declare module '../../commands/registry' {
  interface CommandArgs {
    'layout.insertComponent': { readonly type: string; readonly target?: DropTarget };
    'layout.moveComponents': { readonly ids?: readonly string[]; readonly target: DropTarget };
    'layout.copy': undefined;
    'layout.cut': undefined;
    'layout.paste': { readonly target?: DropTarget } | undefined;
    'layout.duplicate': undefined;
    'layout.delete': { readonly ids?: readonly string[]; readonly confirmed?: boolean } | undefined;
    'layout.addPage': { readonly name?: string } | undefined;
    'layout.renamePage': { readonly page: string; readonly name: string };
    'layout.duplicatePage': { readonly page?: string } | undefined;
    'layout.deletePage': { readonly page?: string; readonly confirmed?: boolean } | undefined;
    'layout.movePage': { readonly page: string; readonly index: number };
  }
}

interface Open {
  readonly doc: StoreApi<AppDocumentState>;
  readonly layout: StoreApi<LayoutEditorState>;
  readonly model: AppModel;
  readonly folder: UiFolder;
  readonly page: string | null;
}

/** The open app, its model and the shown layout set, or null when any is missing. */
function openOf(ctx: CommandContext): Open | null {
  const model = ctx.doc?.getState().model;
  const state = ctx.layout?.getState();
  if (!ctx.doc || !ctx.layout || !model || !state?.folderId) return null;
  const folder = model.uiFolders.find((f) => f.id === state.folderId);
  return folder ? { doc: ctx.doc, layout: ctx.layout, model, folder, page: state.page } : null;
}

/** Shortcuts act on the canvas selection only while the Layout area is shown. */
const inLayoutArea = () => uiStore.getState().area === 'layout';

/** The selected components that are still on the shown page. */
function selected(open: Open): string[] {
  const page = open.folder.pages.find((p) => p.name === open.page);
  const ids = new Set(page?.components.map((c) => c.id));
  return open.layout.getState().selection.filter((id) => ids.has(id));
}

/** After the last selected component, or at the end of the shown page. */
function defaultTarget(open: Open): DropTarget | null {
  const page = open.folder.pages.find((p) => p.name === open.page);
  if (!page) return null;
  const tree = canvasTree(page);
  const last = selected(open).at(-1);
  return last ? targetAfter(tree, open.folder.id, page.name, last) : targetAtEnd(tree, open.folder.id, page.name);
}

const typeName = (type: string) => findComponentType(type) ?? type;

const insert: Command<'layout.insertComponent'> = {
  id: 'layout.insertComponent',
  label: 'layout.command.insert',
  canRun: (ctx, args) => openOf(ctx) !== null && typeof args?.type === 'string',
  run: async (ctx, { type, target }) => {
    const open = openOf(ctx)!;
    const at = target ?? defaultTarget(open);
    if (!at) throw new Error('Choose a page to add the component to');
    const result = insertComponent(open.model, type, at);
    await open.doc.getState().apply(result.changes, { key: 'layout.edit.insert', params: { type: typeName(type) } });
    open.layout.getState().select([result.id]);
    return result.id;
  },
};

const move: Command<'layout.moveComponents'> = {
  id: 'layout.moveComponents',
  label: 'layout.command.move',
  canRun: (ctx, args) => {
    const open = openOf(ctx);
    return open !== null && args !== undefined && (args.ids ?? selected(open)).length > 0;
  },
  run: async (ctx, { ids, target }) => {
    const open = openOf(ctx)!;
    const moving = ids ?? selected(open);
    const result = moveComponents(open.model, moving, target);
    await open.doc.getState().apply(result.changes, { key: 'layout.edit.move', params: { count: moving.length } });
    if (target.page === open.page) open.layout.getState().select(moving.map((id) => result.renamed.get(id) ?? id));
  },
};

const withSelection = (ctx: CommandContext) => {
  const open = openOf(ctx);
  return open !== null && inLayoutArea() && selected(open).length > 0;
};

const copy: Command<'layout.copy'> = {
  id: 'layout.copy',
  label: 'layout.command.copy',
  shortcuts: ['Mod+C'],
  canRun: withSelection,
  run: (ctx) => {
    const open = openOf(ctx)!;
    open.layout.getState().setClipboard(copyComponents(open.model, selected(open), open.folder.id));
  },
};

/** Deletes components, first asking when references to them would break. */
async function deleteSelected(open: Open, ids: readonly string[], confirmed: boolean, label: 'layout.edit.delete' | 'layout.edit.cut'): Promise<boolean> {
  const result = deleteComponents(open.model, ids, open.folder.id);
  if (result.broken.length > 0 && !confirmed) {
    layoutDialogs.getState().ask({ kind: 'deleteComponents', ids, broken: result.broken });
    return false;
  }
  await open.doc.getState().apply(result.changes, { key: label, params: { count: ids.length } });
  open.layout.getState().select([]);
  return true;
}

const cut: Command<'layout.cut'> = {
  id: 'layout.cut',
  label: 'layout.command.cut',
  shortcuts: ['Mod+X'],
  canRun: withSelection,
  run: async (ctx) => {
    const open = openOf(ctx)!;
    const ids = selected(open);
    open.layout.getState().setClipboard(copyComponents(open.model, ids, open.folder.id));
    return deleteSelected(open, ids, false, 'layout.edit.cut');
  },
};

const paste: Command<'layout.paste'> = {
  id: 'layout.paste',
  label: 'layout.command.paste',
  shortcuts: ['Mod+V'],
  canRun: (ctx) => {
    const open = openOf(ctx);
    return open !== null && inLayoutArea() && open.page !== null && open.layout.getState().clipboard !== null;
  },
  run: async (ctx, args) => {
    const open = openOf(ctx)!;
    const clipboard = open.layout.getState().clipboard!;
    const target = args?.target ?? defaultTarget(open);
    if (!target) throw new Error('Choose a page to paste into');
    const result = pasteComponents(open.model, clipboard, target);
    await open.doc.getState().apply(result.changes, { key: 'layout.edit.paste', params: { count: result.ids.length } });
    open.layout.getState().select(result.ids);
  },
};

const duplicate: Command<'layout.duplicate'> = {
  id: 'layout.duplicate',
  label: 'layout.command.duplicate',
  shortcuts: ['Mod+D'],
  canRun: withSelection,
  run: async (ctx) => {
    const open = openOf(ctx)!;
    const ids = selected(open);
    const result = duplicateComponents(open.model, ids, open.folder.id);
    await open.doc.getState().apply(result.changes, { key: 'layout.edit.duplicate', params: { count: ids.length } });
    open.layout.getState().select(result.ids);
  },
};

const remove: Command<'layout.delete'> = {
  id: 'layout.delete',
  label: 'layout.command.delete',
  shortcuts: ['Delete', 'Backspace'],
  canRun: (ctx, args) => (args?.ids ? openOf(ctx) !== null && args.ids.length > 0 : withSelection(ctx)),
  run: (ctx, args) => {
    const open = openOf(ctx)!;
    return deleteSelected(open, args?.ids ?? selected(open), args?.confirmed === true, 'layout.edit.delete');
  },
};

const hasFolder = (ctx: CommandContext) => openOf(ctx) !== null;
const pageArg = (open: Open, page: string | undefined) => page ?? open.page;
/** A page is named, or one is shown. */
const hasPage = (ctx: CommandContext, page: string | undefined) => {
  const open = openOf(ctx);
  return open !== null && pageArg(open, page) !== null;
};

const addPageCommand: Command<'layout.addPage'> = {
  id: 'layout.addPage',
  label: 'layout.command.addPage',
  canRun: hasFolder,
  run: async (ctx, args) => {
    const open = openOf(ctx)!;
    const result = addPage(open.model, open.folder.id, args?.name);
    await open.doc.getState().apply(result.changes, { key: 'layout.edit.addPage', params: { page: result.name } });
    open.layout.getState().showPage(result.name);
    return result.name;
  },
};

const renamePageCommand: Command<'layout.renamePage'> = {
  id: 'layout.renamePage',
  label: 'layout.command.renamePage',
  canRun: (ctx, args) => hasFolder(ctx) && args !== undefined && args.name.trim() !== '',
  run: async (ctx, { page, name }) => {
    const open = openOf(ctx)!;
    const result = renamePage(open.model, open.folder.id, page, name.trim());
    await open.doc.getState().apply(result.changes, { key: 'layout.edit.renamePage', params: { page, name: result.name } });
    if (open.page === page) open.layout.getState().showPage(result.name);
    return result.name;
  },
};

const duplicatePageCommand: Command<'layout.duplicatePage'> = {
  id: 'layout.duplicatePage',
  label: 'layout.command.duplicatePage',
  canRun: (ctx, args) => hasPage(ctx, args?.page),
  run: async (ctx, args) => {
    const open = openOf(ctx)!;
    const page = pageArg(open, args?.page)!;
    const result = duplicatePage(open.model, open.folder.id, page);
    await open.doc.getState().apply(result.changes, { key: 'layout.edit.duplicatePage', params: { page } });
    open.layout.getState().showPage(result.name);
    return result.name;
  },
};

const deletePageCommand: Command<'layout.deletePage'> = {
  id: 'layout.deletePage',
  label: 'layout.command.deletePage',
  canRun: (ctx, args) => hasPage(ctx, args?.page),
  run: async (ctx, args) => {
    const open = openOf(ctx)!;
    const page = pageArg(open, args?.page)!;
    const result = deletePage(open.model, open.folder.id, page);
    if (!args?.confirmed) {
      layoutDialogs.getState().ask({ kind: 'deletePage', page, broken: result.broken });
      return false;
    }
    const rest = open.folder.pages.map((p) => p.name).filter((n) => n !== page);
    await open.doc.getState().apply(result.changes, { key: 'layout.edit.deletePage', params: { page } });
    if (open.page === page) open.layout.getState().showFolder(open.folder.id, rest[0] ?? null);
    return true;
  },
};

/** The page order of a folder as shown: Settings order first, then the other pages. */
export function pageNamesOf(folder: UiFolder): string[] {
  return folder.pages.map((p) => p.name);
}

const movePageCommand: Command<'layout.movePage'> = {
  id: 'layout.movePage',
  label: 'layout.command.movePage',
  canRun: (ctx, args) => {
    const open = openOf(ctx);
    if (!open || !args) return false;
    const names = pageNamesOf(open.folder);
    const from = names.indexOf(args.page);
    return from >= 0 && args.index >= 0 && args.index <= names.length && args.index !== from && args.index !== from + 1;
  },
  run: async (ctx, { page, index }) => {
    const open = openOf(ctx)!;
    const names = pageNamesOf(open.folder);
    const from = names.indexOf(page);
    const order = names.filter((n) => n !== page);
    order.splice(index > from ? index - 1 : index, 0, page);
    await open.doc.getState().apply(setPageOrder(open.model, open.folder, order), { key: 'layout.edit.movePage', params: { page } });
  },
};

/** Every layout command, in menu order. */
export const layoutCommands = [
  insert,
  move,
  copy,
  cut,
  paste,
  duplicate,
  remove,
  addPageCommand,
  renamePageCommand,
  duplicatePageCommand,
  deletePageCommand,
  movePageCommand,
] as unknown as readonly Command[];

let registered = false;

/** Registers the layout commands with the studio's registry (once). */
export function registerLayoutCommands(): void {
  if (registered) return;
  registered = true;
  for (const command of layoutCommands) commandRegistry.register(command);
}
