/**
 * Child slots of containers as places to write ids: which JSON path of the container a slot address
 * names, whether it is a list (children, tabs[i].children) or one cell (a Grid cell, a card's media),
 * and the edits that put an id there or take it out.
 */
import { type ChildReference, type ChildSlot, childSlotsOf, findComponentType } from '../../catalog';
import { type JsonPath, getJsonValue, insertJsonArrayItem, isJsonObject, removeJsonArrayItem, removeJsonValue, setJsonValue } from '../../text/jsonDocument';
import type { ChangeSet } from './changeSet';
import { layoutPath, pageTree } from './layoutTree';

/**
 * One child slot of a container: the catalogue's slot path (`children[]`, `tabs[].children[]`,
 * `rows[].cells[].component`, `cards[].media`…) and the indexes of its inner lists, outermost first
 * (`[tab]`, `[row, cell]`, `[card]`); a list slot's own position is the drop index.
 */
export interface SlotAddress {
  readonly path: string;
  readonly at?: readonly number[];
}

export interface ResolvedSlot {
  readonly slot: ChildSlot;
  /** `list`: ids are items of the list at `path`; `single`: the id is the value at `path`. */
  readonly kind: 'list' | 'single';
  /** Path inside the container object. */
  readonly path: JsonPath;
}

/** The slot an address names in a raw container object, or the reason it names none. */
export function resolveSlot(container: unknown, address: SlotAddress): ResolvedSlot | string {
  const type = isJsonObject(container) && typeof container.type === 'string' ? findComponentType(container.type) : undefined;
  const id = isJsonObject(container) ? String(container.id) : '?';
  if (!type) return `"${id}" is not a container`;
  const slots = childSlotsOf(type);
  const slot = slots.find((s) => s.path === address.path);
  if (slots.length === 0) return `"${id}" is not a container`;
  if (!slot) return `"${id}" (${type}) has no child slot "${address.path}"; it has ${slots.map((s) => `"${s.path}"`).join(', ')}`;
  const segments = slot.path.split('.');
  const at = address.at ?? [];
  const path: (string | number)[] = [];
  let k = 0;
  const kind = segments[segments.length - 1]!.endsWith('[]') ? 'list' : 'single';
  for (const [i, segment] of segments.entries()) {
    const name = segment.replace(/\[\]$/, '');
    path.push(name);
    if (!segment.endsWith('[]') || (kind === 'list' && i === segments.length - 1)) continue;
    const index = at[k++];
    if (index === undefined || !Number.isInteger(index) || index < 0) return `Say which item of "${name}" in "${id}" to drop into`;
    const list = getJsonValue(container, path);
    const length = Array.isArray(list) ? list.length : 0;
    // A Grid row or cell (or a card) may be added by dropping just after the last one; a list slot's items must exist.
    if (index > length || (index === length && kind === 'list')) return `"${id}" has no ${name} item ${index + 1}`;
    path.push(index);
  }
  return { slot, kind, path };
}

/** The ids written in a list slot now (prefixes of multi-page groups taken off). */
export function listIds(container: unknown, resolved: ResolvedSlot): string[] {
  const list = getJsonValue(container, resolved.path);
  return Array.isArray(list) ? list.map((v) => (typeof v === 'string' ? v.replace(/^\d+:/, '') : '')) : [];
}

/** What a single slot holds now that is not one of `leaving`: a component id, text, or nothing (null). */
export function occupant(container: unknown, resolved: ResolvedSlot, leaving: ReadonlySet<string>): string | null {
  const value = getJsonValue(container, resolved.path);
  if (typeof value === 'string') return leaving.has(value) ? null : `"${value}"`;
  if (resolved.path.at(-1) === 'component') {
    const cell = getJsonValue(container, resolved.path.slice(0, -1));
    if (isJsonObject(cell) && (cell.text !== undefined || cell.labelFrom !== undefined)) return 'a text';
  }
  return null;
}

/** The index of container `id` in the page now; throws when it is gone. */
function containerIndex(set: ChangeSet, pagePath: string, id: string): number {
  const index = pageTree(set, pagePath).indexOf.get(id);
  if (index === undefined) throw new Error(`There is no component "${id}" on ${pagePath}`);
  return index;
}

/** Writes `ids` into a container's slot (at `position` of a list slot). */
export function addToSlot(set: ChangeSet, pagePath: string, containerId: string, address: SlotAddress, position: number, ids: readonly string[]): void {
  const at = [...layoutPath, containerIndex(set, pagePath, containerId)];
  const container = getJsonValue(set.doc(pagePath).value, at);
  const resolved = resolveSlot(container, address);
  if (typeof resolved === 'string') throw new Error(resolved);
  if (resolved.kind === 'single') {
    set.edit(pagePath, (doc) => setJsonValue(doc, [...at, ...resolved.path], ids[0]));
    return;
  }
  const written = getJsonValue(container, resolved.path);
  // Children of a multi-page group are written <page>:<id>; new ones join the page of their neighbour.
  const multiPage = resolved.slot.multiPagePrefix && isJsonObject(container) && isJsonObject(container.edit) && container.edit.multiPage === true;
  const neighbour = Array.isArray(written) ? written[Math.max(0, Math.min(position, written.length) - 1)] : undefined;
  const prefix = multiPage ? `${typeof neighbour === 'string' ? (/^(\d+):/.exec(neighbour)?.[1] ?? '0') : '0'}:` : '';
  ids.forEach((id, i) => set.edit(pagePath, (doc) => insertJsonArrayItem(doc, [...at, ...resolved.path], position + i, `${prefix}${id}`)));
}

/**
 * Takes `childId` out of its container `parentId`: the reference itself (a Grid cell becomes empty)
 * and the table settings that name it (`tableHeaders`, `tableColumns`), which describe children only.
 */
export function removeFromParent(set: ChangeSet, pagePath: string, parentId: string, childId: string): void {
  const index = () => containerIndex(set, pagePath, parentId);
  const refs = (): readonly ChildReference[] => pageTree(set, pagePath).childrenOf.get(parentId) ?? [];
  for (let ref = refs().find((r) => r.id === childId); ref; ref = refs().find((r) => r.id === childId)) {
    const at = [...layoutPath, index()];
    const { path } = ref;
    const cell = path.at(-1) === 'component' ? getJsonValue(set.doc(pagePath).value, [...at, ...path.slice(0, -1)]) : undefined;
    const onlyComponent = isJsonObject(cell) && Object.keys(cell).length === 1;
    set.edit(pagePath, (doc) => {
      if (onlyComponent) return setJsonValue(doc, [...at, ...path.slice(0, -1)], null);
      const last = path[path.length - 1];
      return typeof last === 'number' ? removeJsonArrayItem(doc, [...at, ...path.slice(0, -1)], last) : removeJsonValue(doc, [...at, ...path]);
    });
  }
  const parent = () => getJsonValue(set.doc(pagePath).value, [...layoutPath, index()]);
  for (let headers = getJsonValue(parent(), ['tableHeaders']); Array.isArray(headers) && headers.includes(childId); headers = getJsonValue(parent(), ['tableHeaders'])) {
    const i = headers.indexOf(childId);
    set.edit(pagePath, (doc) => removeJsonArrayItem(doc, [...layoutPath, index(), 'tableHeaders'], i));
  }
  const columns = getJsonValue(parent(), ['tableColumns']);
  if (isJsonObject(columns) && Object.prototype.hasOwnProperty.call(columns, childId)) {
    set.edit(pagePath, (doc) => removeJsonValue(doc, [...layoutPath, index(), 'tableColumns', childId]));
  }
}
