/**
 * The structure of one page as the canvas draws it: top components, each container's child slots
 * (a group's children, each tab, each Grid cell, each card) with the ids in them, and where every
 * component sits (the drop target just before it). Read from the app model, so it follows every edit.
 */
import type { DropTarget, SlotAddress } from '../../../../core/app/layoutEdits';
import type { ComponentNode, LayoutPage } from '../../../../core/app/model/types';
import { type ChildSlot, childSlotsOf, findComponentType } from '../../../../core/catalog';

export interface SlotInstance {
  readonly address: SlotAddress;
  readonly slot: ChildSlot;
  /** `list`: any number of ids; `single`: one cell (a Grid cell, a card's media). */
  readonly kind: 'list' | 'single';
  /** Ids in the slot that are on the page, in order. */
  readonly ids: readonly string[];
  /** The text a Grid cell holds instead of a component. */
  readonly text?: string;
  /** The text key of the item the slot belongs to (a tab's or card's title), when it has one. */
  readonly itemTitle?: string;
}

/** Where a component sits: its container's slot (none at top level) and its position there. */
export interface Place {
  readonly container?: { readonly id: string; readonly slot: SlotAddress };
  readonly index: number;
}

export interface CanvasTree {
  readonly roots: readonly string[];
  readonly byId: ReadonlyMap<string, ComponentNode>;
  readonly slotsOf: ReadonlyMap<string, readonly SlotInstance[]>;
  readonly placeOf: ReadonlyMap<string, Place>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const stripPrefix = (value: string) => value.replace(/^\d+:/, '');

/** Every instance of `slot` in a component object: one per tab, Grid cell or card, one for a plain list. */
export function slotInstancesOf(props: Readonly<Record<string, unknown>>, slot: ChildSlot): (Omit<SlotInstance, 'ids'> & { readonly raw: unknown })[] {
  const segments = slot.path.split('.');
  const kind: 'list' | 'single' = segments[segments.length - 1]!.endsWith('[]') ? 'list' : 'single';
  const out: (Omit<SlotInstance, 'ids'> & { raw: unknown })[] = [];
  const walk = (value: unknown, i: number, at: number[], itemTitle: string | undefined) => {
    const segment = segments[i]!;
    const name = segment.replace(/\[\]$/, '');
    const last = i === segments.length - 1;
    const child = isRecord(value) ? value[name] : undefined;
    if (last) {
      const text = isRecord(value) && typeof value.text === 'string' ? value.text : undefined;
      const address = at.length > 0 ? { path: slot.path, at } : { path: slot.path };
      out.push({ address, slot, kind, raw: child, ...(text !== undefined && kind === 'single' ? { text } : {}), ...(itemTitle ? { itemTitle } : {}) });
      return;
    }
    if (!segment.endsWith('[]')) return walk(child, i + 1, at, itemTitle);
    if (!Array.isArray(child)) return;
    child.forEach((item, index) => {
      const title = isRecord(item) && typeof item.title === 'string' ? item.title : itemTitle;
      walk(item, i + 1, [...at, index], title);
    });
  };
  walk(props, 0, [], undefined);
  return out;
}

/** The canvas structure of a page: who holds whom (the first claim wins, as in the runtime). */
export function canvasTree(page: LayoutPage): CanvasTree {
  const byId = new Map<string, ComponentNode>();
  for (const c of page.components) if (!byId.has(c.id)) byId.set(c.id, c);
  const claimed = new Set<string>();
  const slotsOf = new Map<string, SlotInstance[]>();
  const placeOf = new Map<string, Place>();
  for (const component of byId.values()) {
    const type = findComponentType(component.type);
    if (!type) continue;
    const slots: SlotInstance[] = [];
    for (const slot of childSlotsOf(type)) {
      for (const { raw, ...instance } of slotInstancesOf(component.props, slot)) {
        const written = instance.kind === 'list' ? (Array.isArray(raw) ? raw : []) : [raw];
        const ids: string[] = [];
        for (const value of written) {
          if (typeof value !== 'string') continue;
          const id = stripPrefix(value);
          if (!byId.has(id) || claimed.has(id) || id === component.id) continue;
          claimed.add(id);
          placeOf.set(id, { container: { id: component.id, slot: instance.address }, index: ids.length });
          ids.push(id);
        }
        slots.push({ ...instance, ids });
      }
    }
    slotsOf.set(component.id, slots);
  }
  const roots = [...byId.keys()].filter((id) => !claimed.has(id));
  roots.forEach((id, index) => placeOf.set(id, { index }));
  return { roots, byId, slotsOf, placeOf };
}

/** The drop target just after component `id` (paste and insert after the selection). */
export function targetAfter(tree: CanvasTree, folderId: string, page: string, id: string): DropTarget {
  const place = tree.placeOf.get(id);
  if (!place) return { folderId, page, index: tree.roots.length };
  return { folderId, page, ...(place.container ? { container: place.container } : {}), index: place.index + 1 };
}

/** The drop target at the end of a page. */
export function targetAtEnd(tree: CanvasTree, folderId: string, page: string): DropTarget {
  return { folderId, page, index: tree.roots.length };
}
