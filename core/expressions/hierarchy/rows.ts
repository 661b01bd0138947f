/**
 * Rows added or removed without rebuilding the hierarchy: each repeating instance whose data now has
 * a different number of rows keeps the rows both states share (same ids, same locations, same node
 * objects) and gains or loses only the rest. Row instances are index based (`name-3` is always
 * `people[3]`), so removing a row in the middle leaves the last index gone and the others showing
 * their new data, exactly as a full build would.
 */
import { builderOf, repeatingBindingOf, type HierarchyBuilder } from './build';
import type { ComponentNode, Hierarchy, RowInfo } from './types';

/** What changed in the hierarchy. */
export interface RowsUpdate {
  /** The updated hierarchy: a new object sharing every unchanged node with the previous one. */
  readonly hierarchy: Hierarchy;
  /** Instances created for new rows (with their descendants), in document order. */
  readonly added: readonly ComponentNode[];
  /** Instances of rows that are gone (with their descendants). */
  readonly removed: readonly ComponentNode[];
  /** The repeating instances whose rows changed. */
  readonly owners: readonly ComponentNode[];
}

function subtree(node: ComponentNode, out: ComponentNode[]): void {
  out.push(node);
  for (const child of node.children) subtree(child, out);
}

function compareRows(a: ComponentNode, b: ComponentNode): number {
  const n = Math.min(a.rowIndices.length, b.rowIndices.length);
  for (let i = 0; i < n; i++) if (a.rowIndices[i] !== b.rowIndices[i]) return a.rowIndices[i]! - b.rowIndices[i]!;
  return a.rowIndices.length - b.rowIndices.length;
}

const repeatingIds = new WeakMap<HierarchyBuilder, readonly string[]>();

/** The layout ids that repeat (have rows), outermost first; only their instances can gain or lose rows. */
function repeatingIdsOf(builder: HierarchyBuilder): readonly string[] {
  let ids = repeatingIds.get(builder);
  if (!ids) {
    ids = [...builder.definitions.values()]
      .filter((d) => repeatingBindingOf(d.config, builder.options.defaultDataType) !== undefined)
      .sort((a, b) => a.repeatingAncestors.length - b.repeatingAncestors.length)
      .map((d) => d.config.id);
    repeatingIds.set(builder, ids);
  }
  return ids;
}

/**
 * The hierarchy for `dataModels` made from `previous` by adding and removing rows only. Undefined
 * when `previous` was not made by buildHierarchy (then build a new one).
 */
export function updateRows(previous: Hierarchy, dataModels: Readonly<Record<string, unknown>>): RowsUpdate | undefined {
  const builder = builderOf(previous);
  if (!builder) return undefined;
  builder.dataModels = dataModels;
  const added: ComponentNode[] = [];
  const removed: ComponentNode[] = [];
  const owners: ComponentNode[] = [];

  const resize = (owner: ComponentNode) => {
    const range = builder.rowRange(owner);
    if (!range) return;
    const rows = owner.rows;
    const first = rows[0]?.index;
    const last = rows.at(-1)?.index;
    const want = range.last - range.first + 1;
    if (want <= 0 && rows.length === 0) return;
    if (rows.length > 0 && first === range.first && last === range.last) return;
    // Rows both states share are kept when the first row stays (Likert filters may move it).
    const keepFrom = rows.length > 0 && first === range.first ? range.first : Number.POSITIVE_INFINITY;
    const keepTo = Math.min(last ?? -1, range.last);
    const kept = (index: number) => index >= keepFrom && index <= keepTo;
    const gone: ComponentNode[] = [];
    const children = owner.children.filter((child) => child.row?.owner !== owner || kept(child.row.index));
    const staying = new Set(children);
    for (const child of owner.children) if (!staying.has(child)) subtree(child, gone);
    // New arrays, not edits in place: whoever cached something per `children`/`rows` array sees the change.
    const mutable = owner as { children: readonly ComponentNode[]; rows: readonly RowInfo[] };
    mutable.children = children;
    mutable.rows = rows.filter((row) => kept(row.index));
    for (const node of gone) builder.nodes.delete(node.id);
    removed.push(...gone);
    const newNodes: ComponentNode[] = [];
    for (let index = range.first; index <= range.last; index++) {
      if (kept(index)) continue;
      const count = children.length;
      builder.buildRow(owner, index);
      for (const child of children.slice(count)) subtree(child, newNodes);
    }
    // buildRow appended: put the rows back in index order (plain children first, as built).
    const rank = (child: ComponentNode) => (child.row?.owner === owner ? child.row.index : -1);
    children.sort((a, b) => rank(a) - rank(b));
    (owner.rows as RowInfo[]).sort((a, b) => a.index - b.index);
    added.push(...newNodes);
    owners.push(owner);
  };

  // Outer repeating components first: resizing them builds their new rows' inner ones complete.
  for (const baseId of repeatingIdsOf(builder)) {
    for (const instance of builder.instancesOf.get(baseId) ?? []) {
      if (builder.nodes.get(instance.id) === instance) resize(instance);
    }
  }
  if (owners.length === 0) return { hierarchy: previous, added, removed, owners };

  const touched = new Set([...added, ...removed].map((n) => n.baseId));
  const goneSet = new Set(removed);
  for (const baseId of touched) {
    const list = (builder.instancesOf.get(baseId) ?? []).filter((n) => !goneSet.has(n));
    list.sort(compareRows);
    if (list.length > 0) builder.instancesOf.set(baseId, list);
    else builder.instancesOf.delete(baseId);
  }
  return { hierarchy: { ...previous }, added, removed, owners };
}
