/**
 * Layout changes of each UI folder by component id: added, removed, moved (to another page, another
 * container, or out of order among the components that stayed on its page) and changed (property,
 * text, binding and expression changes, and text values changed behind an unchanged text binding).
 */
import type { AppModel, ComponentNode, UiFolder } from '../app/model/types';
import { childReferencesOf } from '../catalog';
import { jsonEqual } from '../merge/jsonValue';
import { matchSequences } from '../merge/sequenceDiff';
import type { ComponentChange, ComponentPlace, FolderChanges, PageChange, PropertyChange } from './types';
import { valueChanges } from './valueChanges';

interface Placed {
  readonly node: ComponentNode;
  readonly place: ComponentPlace;
}

/** The components of a folder by id (the first of a repeated id), each with its page, index and container. */
function placedComponents(folder: UiFolder | undefined): Map<string, Placed> {
  const out = new Map<string, Placed>();
  for (const page of folder?.pages ?? []) {
    const parentOf = new Map<string, string>();
    for (const c of page.components) for (const ref of childReferencesOf(c.props)) if (!parentOf.has(ref.id) && ref.id !== c.id) parentOf.set(ref.id, c.id);
    for (const c of page.components) {
      if (out.has(c.id)) continue;
      out.set(c.id, { node: c, place: { page: page.name, index: c.index, parent: parentOf.get(c.id) ?? null, type: c.type } });
    }
  }
  return out;
}

/** Text values by language and key. */
export type TextsByLanguage = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** The texts of a model by language, then key. */
export function textsByLanguage(model: AppModel): TextsByLanguage {
  return new Map(model.textFiles.map((file) => [file.language, new Map(file.resources.map((r) => [r.id, r.value]))]));
}

function bindingsOf(props: Readonly<Record<string, unknown>>): [string, string][] {
  const bindings = props.textResourceBindings;
  if (bindings === null || typeof bindings !== 'object' || Array.isArray(bindings)) return [];
  return Object.entries(bindings).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

/** Text values changed behind text bindings that name the same key in both versions. */
function boundTextChanges(before: Placed, after: Placed, textsBefore: TextsByLanguage, textsAfter: TextsByLanguage): PropertyChange[] {
  const out: PropertyChange[] = [];
  const afterBindings = new Map(bindingsOf(after.node.props));
  const languages = [...new Set([...textsBefore.keys(), ...textsAfter.keys()])].sort();
  for (const [name, key] of bindingsOf(before.node.props)) {
    if (afterBindings.get(name) !== key) continue;
    for (const language of languages) {
      const [a, b] = [textsBefore.get(language)?.get(key), textsAfter.get(language)?.get(key)];
      if (a === b) continue;
      out.push({ path: `textResourceBindings.${name}`, kind: 'text', language, ...(a === undefined ? {} : { before: a }), ...(b === undefined ? {} : { after: b }) });
    }
  }
  return out;
}

/** Ids that stayed on `page` under the same container but are out of their order there (by a common subsequence). */
function reordered(page: string, before: Map<string, Placed>, after: Map<string, Placed>): Set<string> {
  const stayed = (p: Placed, other: Map<string, Placed>) => {
    const o = other.get(p.node.id);
    return p.place.page === page && o !== undefined && o.place.page === page && o.place.parent === p.place.parent;
  };
  const order = (side: Map<string, Placed>, other: Map<string, Placed>) =>
    [...side.values()].filter((p) => stayed(p, other)).sort((x, y) => x.place.index - y.place.index).map((p) => p.node.id);
  const a = order(before, after);
  const b = order(after, before);
  const match = matchSequences(a, b);
  return new Set(a.filter((_, i) => match[i]! < 0));
}

const ignoredProps = new Set(['id']);

function folderChanges(id: string, before: UiFolder | undefined, after: UiFolder | undefined, textsBefore: TextsByLanguage, textsAfter: TextsByLanguage): FolderChanges | null {
  const a = placedComponents(before);
  const b = placedComponents(after);
  const pageNames = new Set([...(before?.pages ?? []), ...(after?.pages ?? [])].map((p) => p.name));
  const moved = new Set<string>();
  for (const page of pageNames) for (const key of reordered(page, a, b)) moved.add(key);
  const components: ComponentChange[] = [];
  for (const [key, old] of a) {
    const now = b.get(key);
    if (!now) {
      components.push({ id: key, status: 'removed', before: old.place, after: null, changes: [] });
      continue;
    }
    const changes = [...valueChanges(old.node.props, now.node.props, ignoredProps), ...boundTextChanges(old, now, textsBefore, textsAfter)];
    const isMoved = moved.has(key) || old.place.page !== now.place.page || old.place.parent !== now.place.parent;
    if (isMoved || changes.length > 0) components.push({ id: key, status: isMoved ? 'moved' : 'changed', before: old.place, after: now.place, changes });
  }
  for (const [key, now] of b) if (!a.has(key)) components.push({ id: key, status: 'added', before: null, after: now.place, changes: [] });

  const pages: PageChange[] = [];
  for (const name of [...pageNames].sort()) {
    const [p, q] = [before?.pages.find((x) => x.name === name), after?.pages.find((x) => x.name === name)];
    if (!p) pages.push({ name, change: 'added', path: q!.file.path });
    else if (!q) pages.push({ name, change: 'removed', path: p.file.path });
    else if (p.file.doc.text !== q.file.doc.text && !jsonEqual(p.file.doc.value, q.file.doc.value)) pages.push({ name, change: 'modified', path: q.file.path });
  }
  const orderBefore = before?.pageOrder ?? [];
  const orderAfter = after?.pageOrder ?? [];
  const pageOrder = jsonEqual(orderBefore, orderAfter) ? null : { before: orderBefore, after: orderAfter };
  if (components.length === 0 && pages.length === 0 && !pageOrder) return null;
  return { folderId: id, pages, pageOrder, components };
}

/** The layout changes of every UI folder that has any, folders matched by id. */
export function layoutChanges(before: AppModel, after: AppModel): FolderChanges[] {
  const textsBefore = textsByLanguage(before);
  const textsAfter = textsByLanguage(after);
  const ids = [...new Set([...before.uiFolders, ...after.uiFolders].map((f) => f.id))];
  const out: FolderChanges[] = [];
  for (const id of ids) {
    const changes = folderChanges(id, before.uiFolders.find((f) => f.id === id), after.uiFolders.find((f) => f.id === id), textsBefore, textsAfter);
    if (changes) out.push(changes);
  }
  return out;
}
