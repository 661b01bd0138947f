/**
 * Which component instances show something different after a change, so that only they re-render:
 * those whose expressions re-ran, those bound at or around the changed path (a list's owner when a
 * row changes, a Likert question's row), those whose texts read the path through variables, those
 * whose issues changed, and the nodes showing any of these (summaries of a component, its
 * descendants, a page or the layout set; a Likert of its rows). Typing in one field of a
 * 500-component page then re-renders a handful.
 */
import {
  resolveComponentId,
  stripIndexes,
  textDependencies,
  type ComponentNode,
  type DataModelLocation,
  type ExprEnvironment,
  type FormExpression,
  type Hierarchy,
  type HierarchyNode,
  type PageNode,
} from '../../../core/expressions';
import { concreteBindings, type FormValidationResult } from '../../../core/validation';

/** What a hierarchy's nodes watch; built once per hierarchy. */
export interface NodeWatch {
  /** Node ids by the concrete data path they bind or list (`dataType\0people[1].name`). */
  readonly byField: ReadonlyMap<string, readonly string[]>;
  /** Node ids whose texts read data through variables, with the paths (indexes removed) they read. */
  readonly textReaders: readonly { readonly id: string; readonly paths: readonly string[] }[];
  /** Nodes that show other nodes (summaries, a Likert its rows) by the id they show. */
  readonly shownBy: ReadonlyMap<string, readonly string[]>;
  /** The same viewers by the containers around what they show: hiding one of these hides it too. */
  readonly enclosedBy: ReadonlyMap<string, readonly string[]>;
}

/** What a Summary or Summary2 summarises: component roots (with what is inside them) or whole pages. */
export interface SummaryTargets {
  readonly components: readonly ComponentNode[];
  readonly pages: readonly PageNode[];
}

/**
 * The targets of a summary node: v1 `componentRef` and Summary2 `target.type: "component"` resolved
 * in the summary's row, Summary2 `target.type: "page"` that page, and the layout set (the default)
 * every page. Which pages and components are then left out (hidden, overrides) is the view's choice.
 */
export function summaryTargets(hierarchy: Hierarchy, node: ComponentNode): SummaryTargets {
  const component = (id: string): SummaryTargets => {
    const found = hierarchy.nodes.get(resolveComponentId(hierarchy, id, node.location) ?? id);
    return { components: found ? [found] : [], pages: [] };
  };
  if (node.canonicalType === 'Summary') return typeof node.config.componentRef === 'string' ? component(node.config.componentRef) : { components: [], pages: [] };
  if (node.canonicalType !== 'Summary2') return { components: [], pages: [] };
  const target = (node.config.target ?? { type: 'layoutSet' }) as Record<string, unknown>;
  if (target.type === 'component') return typeof target.id === 'string' ? component(target.id) : { components: [], pages: [] };
  if (target.type === 'page') return { components: [], pages: hierarchy.pages.filter((p) => p.id === target.id) };
  return { components: [], pages: hierarchy.pages };
}

/** A node and everything inside it. */
function withDescendants(node: HierarchyNode, out: HierarchyNode[] = []): HierarchyNode[] {
  out.push(node);
  for (const child of node.children) withDescendants(child, out);
  return out;
}

/** The components around a node up to its page (their `hidden` hides it). */
function enclosing(node: ComponentNode): HierarchyNode[] {
  const out: HierarchyNode[] = [];
  for (let p: HierarchyNode = node.parent; ; p = p.parent) {
    out.push(p);
    if (p.kind === 'page') return out;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes a hierarchy's nodes by what they read. */
export function watchOf(hierarchy: Hierarchy, env: ExprEnvironment): NodeWatch {
  const byField = new Map<string, string[]>();
  const textReaders: { id: string; paths: string[] }[] = [];
  const shownBy = new Map<string, string[]>();
  const enclosedBy = new Map<string, string[]>();
  for (const node of hierarchy.nodes.values()) {
    for (const ref of Object.values(concreteBindings(node, hierarchy.defaultDataType))) push(byField, `${ref.dataType}\u0000${ref.field}`, node.id);
    const source = node.config.source as { group?: unknown } | undefined;
    if (typeof source?.group === 'string') push(byField, `${hierarchy.defaultDataType}\u0000${source.group}`, node.id);
    const texts = node.config.textResourceBindings;
    if (texts !== null && typeof texts === 'object') {
      const paths = Object.values(texts)
        .filter((key): key is string => typeof key === 'string')
        .flatMap((key) => textDependencies(key, env).data.map((d) => `${d.dataType}\u0000${stripIndexes(d.field)}`));
      if (paths.length > 0) textReaders.push({ id: node.id, paths });
    }
    // A Likert question is read from the question's row (`questions` names a field in it).
    if (node.row?.owner.canonicalType === 'Likert' && node.location) push(byField, `${node.location.dataType}\u0000${node.location.field}`, node.id);
    if (node.canonicalType === 'Likert') for (const item of node.children) for (const shown of withDescendants(item)) push(shownBy, shown.id, node.id);
    const targets = summaryTargets(hierarchy, node);
    for (const root of [...targets.components, ...targets.pages]) for (const shown of withDescendants(root)) if (shown !== node) push(shownBy, shown.id, node.id);
    for (const root of targets.components) for (const around of enclosing(root)) push(enclosedBy, around.id, node.id);
  }
  return { byField, textReaders, shownBy, enclosedBy };
}

/** The prefixes of a concrete path: `a[1].b` → `a`, `a[1]`, `a[1].b`. */
function prefixesOf(field: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < field.length; i++) if (field[i] === '.' || field[i] === '[') out.push(field.slice(0, i));
  out.push(field);
  return out;
}

function issueKey(validation: FormValidationResult, id: string): string {
  return (validation.byComponent.get(id) ?? []).map((i) => `${i.severity}:${i.category}:${i.message.key}:${JSON.stringify(i.message.params ?? null)}`).join('|');
}

/** The ids of the nodes that may show something new after `changed`. */
export function changedNodes(
  watch: NodeWatch,
  changed: readonly DataModelLocation[],
  rerun: readonly FormExpression[],
  before: FormValidationResult,
  after: FormValidationResult,
): Set<string> {
  const out = new Set<string>(rerun.map((e) => e.node.id));
  for (const location of changed) {
    for (const prefix of prefixesOf(location.field)) for (const id of watch.byField.get(`${location.dataType}\u0000${prefix}`) ?? []) out.add(id);
    const dotted = `${location.dataType}\u0000${location.field}`;
    for (const [key, ids] of watch.byField) if (key.startsWith(`${dotted}.`) || key.startsWith(`${dotted}[`)) for (const id of ids) out.add(id);
    const stripped = `${location.dataType}\u0000${stripIndexes(location.field)}`;
    for (const reader of watch.textReaders) if (reader.paths.some((p) => p === stripped || p.startsWith(`${stripped}.`) || stripped.startsWith(`${p}.`))) out.add(reader.id);
  }
  for (const id of new Set([...before.byComponent.keys(), ...after.byComponent.keys()])) if (issueKey(before, id) !== issueKey(after, id)) out.add(id);
  const shown = [...out];
  for (const id of shown) for (const viewer of watch.shownBy.get(id) ?? []) out.add(viewer);
  for (const e of rerun) if (e.slot === 'hidden' || e.slot === 'hiddenRow') for (const viewer of watch.enclosedBy.get(e.node.id) ?? []) out.add(viewer);
  return out;
}
