/**
 * The properties panel's commands: setting a property (any path inside a component), renaming a
 * component with its references, and editing a component's text in one language. Each is one apply;
 * typing in one field merges into one undo entry through its merge key.
 */
import { renameComponent } from '../../../../core/app/layoutEdits';
import { setComponentProperty } from '../../../../core/app/model/appEdits';
import type { AppModel, ComponentNode } from '../../../../core/app/model/types';
import { type Command, type CommandContext, commandRegistry } from '../../../commands/registry';
import { setBindingText } from './textBindings';

export type PropertyPath = readonly (string | number)[];

declare module '../../../commands/registry' {
  interface CommandArgs {
    'properties.setProperty': {
      readonly folderId: string;
      readonly id: string;
      readonly path: PropertyPath;
      /** undefined removes the property. */
      readonly value: unknown;
      /** Changes with the same key in a row are one undo entry (a typing burst in one field). */
      readonly mergeKey?: string;
    };
    'properties.rename': { readonly folderId: string; readonly id: string; readonly newId: string };
    'properties.setText': { readonly folderId: string; readonly id: string; readonly binding: string; readonly language: string; readonly value: string };
  }
}

/** The open model and the component `id` of layout set `folderId`; throws when either is gone. */
function target(ctx: CommandContext, folderId: string, id: string): { model: AppModel; component: ComponentNode } {
  const model = ctx.doc?.getState().model;
  if (!model) throw new Error('The app is still being read; try again when it has loaded.');
  const component = model.uiFolders
    .find((f) => f.id === folderId)
    ?.pages.flatMap((p) => p.components)
    .find((c) => c.id === id);
  if (!component) throw new Error(`There is no component "${id}" in layout set "${folderId}" any more`);
  return { model, component };
}

const hasModel = (ctx: CommandContext) => Boolean(ctx.doc?.getState().model);

/** The dotted name of a property path for undo labels (`textResourceBindings.title`). */
export function propertyName(path: PropertyPath): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
}

export const setPropertyCommand: Command<'properties.setProperty'> = {
  id: 'properties.setProperty',
  label: 'properties.command.setProperty',
  canRun: hasModel,
  run: (ctx, args) => {
    const { model, component } = target(ctx, args.folderId, args.id);
    const changes = setComponentProperty(model, component, [...args.path], args.value);
    const params = { property: propertyName(args.path), id: args.id };
    return ctx.doc!.getState().apply(changes, { key: args.value === undefined ? 'properties.undo.clear' : 'properties.undo.set', params }, args.mergeKey ? { mergeKey: args.mergeKey } : {});
  },
};

export const renameCommand: Command<'properties.rename'> = {
  id: 'properties.rename',
  label: 'properties.command.rename',
  canRun: (ctx, args) => hasModel(ctx) && args.newId !== args.id,
  run: async (ctx, args) => {
    const { model } = target(ctx, args.folderId, args.id);
    const changes = renameComponent(model, args.id, args.newId, args.folderId);
    const next = await ctx.doc!.getState().apply(changes, { key: 'properties.undo.rename', params: { id: args.id, newId: args.newId } });
    const layout = ctx.layout?.getState();
    if (layout?.selection.includes(args.id)) layout.select(layout.selection.map((s) => (s === args.id ? args.newId : s)));
    return next;
  },
};

export const setTextCommand: Command<'properties.setText'> = {
  id: 'properties.setText',
  label: 'properties.command.setText',
  canRun: hasModel,
  run: (ctx, args) => {
    const { model, component } = target(ctx, args.folderId, args.id);
    const { changes, key } = setBindingText(model, component, args.binding, args.language, args.value);
    return ctx.doc!.getState().apply(
      changes,
      { key: 'properties.undo.text', params: { binding: args.binding, language: args.language, id: args.id } },
      // The first edit creates the key; later ones edit it: one entry as long as the person types.
      { mergeKey: `${args.id}:textResourceBindings.${args.binding}:${args.language}:${key}` },
    );
  },
};

commandRegistry.register(setPropertyCommand);
commandRegistry.register(renameCommand);
commandRegistry.register(setTextCommand);
