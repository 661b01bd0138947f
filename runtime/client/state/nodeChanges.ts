/**
 * Which component instances show something different after a change, so that only they re-render:
 * those whose expressions re-ran, those bound at or around the changed path (a list's owner when a
 * row changes), those whose texts read the path through variables, those whose issues changed, and
 * summaries of any of these. Typing in one field of a 500-component page then re-renders a handful.
 */
import { stripIndexes, textDependencies, type DataModelLocation, type ExprEnvironment, type FormExpression, type Hierarchy } from '../../../core/expressions';
import { concreteBindings, type FormValidationResult } from '../../../core/validation';

/** What a hierarchy's nodes watch; built once per hierarchy. */
export interface NodeWatch {
  /** Node ids by the concrete data path they bind or list (`dataType\0people[1].name`). */
  readonly byField: ReadonlyMap<string, readonly string[]>;
  /** Node ids whose texts read data through variables, with the paths (indexes removed) they read. */
  readonly textReaders: readonly { readonly id: string; readonly paths: readonly string[] }[];
  /** Nodes that show other nodes (summaries) by the id they show. */
  readonly shownBy: ReadonlyMap<string, readonly string[]>;
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
    const target = node.config.target as { id?: unknown } | undefined;
    const shown = typeof node.config.componentRef === 'string' ? node.config.componentRef : typeof target?.id === 'string' ? target.id : undefined;
    if (shown) for (const instance of hierarchy.instancesOf.get(shown) ?? []) push(shownBy, instance.id, node.id);
  }
  return { byField, textReaders, shownBy };
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
  for (const id of [...out]) for (const viewer of watch.shownBy.get(id) ?? []) out.add(viewer);
  return out;
}
