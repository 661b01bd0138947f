/**
 * Every expression of a form, compiled once and kept with its last result, so that a change to one
 * field re-runs only the expressions that can read it (their dependencies, with component and text
 * references followed). Rows added or removed change the hierarchy: `updateRows` takes just those
 * rows in and out. A new language or instance changes the context: build a new FormExpressions then.
 */
import { expressionSlotValues } from '../catalog';
import { compileExpression, isExpression } from './compile';
import { stripIndexes } from './dataPath';
import { expandDependencies } from './dependencies';
import type { ExprType } from './functionTable';
import type { RowsUpdate } from './hierarchy/rows';
import type { ComponentNode, HierarchyNode } from './hierarchy/types';
import type { CompiledExpression, DataModelLocation, ExprEnvironment, ExprValue } from './types';

/** One expression slot of one node, with its last value. */
export interface FormExpression {
  readonly node: HierarchyNode;
  /** The property path in the component (`hidden`, `textResourceBindings.title`, `edit.addButton`). */
  readonly slot: string;
  readonly compiled: CompiledExpression;
  readonly returnType: ExprType;
  readonly defaultValue: ExprValue;
  /** The data it reads (row indexes removed), components and texts followed. */
  readonly reads: readonly DataModelLocation[];
  /** Its reads are all relative to its row (no explicit row index in it). */
  readonly rowLocal: boolean;
  value: ExprValue;
}

interface Index {
  /** Expressions by the data paths (row indexes removed) they read, `dataType\0field`. */
  readonly byPath: Map<string, FormExpression[]>;
  /** Expressions whose data paths are not known statically (computed paths): re-run on every change. */
  readonly always: FormExpression[];
}

/** True when a string literal in the expression names a row explicitly (`people[0].name`). */
function namesRowsExplicitly(expression: unknown): boolean {
  const stack: unknown[] = [expression];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string' && /\[\d/.test(value)) return true;
    if (Array.isArray(value)) stack.push(...value);
  }
  return false;
}

/**
 * Whether an expression can read `changed`, with rows taken into account: inside a row, paths are
 * transposed into that row, so a change in row 500 leaves the same expression in row 7 alone, unless
 * it reads the list itself (or something above the rows) or names rows explicitly.
 */
function readsInItsRow(e: FormExpression, changed: DataModelLocation): boolean {
  const row = e.node.location;
  if (!row || !e.rowLocal || !changed.field.includes('[') || row.dataType !== changed.dataType) return true;
  const rowPath = stripIndexes(row.field);
  const changedPath = stripIndexes(changed.field);
  // A change in or of another row of the same list (`people[9]`) is not in this row (`people[7]`).
  if (changedPath !== rowPath && !changedPath.startsWith(`${rowPath}.`)) return true;
  if (changed.field === row.field || changed.field.startsWith(`${row.field}.`)) return true;
  return e.reads.some((r) => r.dataType === changed.dataType && !r.field.startsWith(`${rowPath}.`) && (changedPath === r.field || changedPath.startsWith(`${r.field}.`)));
}

function defaultFor(type: ExprType): ExprValue {
  return type === 'boolean' ? false : null;
}

/** The compiled expressions of a form and their current values. */
export class FormExpressions {
  readonly expressions: FormExpression[] = [];
  /** The same expressions by `nodeId\0slot`, because components read their slots on every render. */
  private readonly bySlot = new Map<string, FormExpression>();
  private readonly byNode = new Map<string, FormExpression[]>();
  private env: ExprEnvironment;
  private readonly index: Index = { byPath: new Map(), always: [] };
  private readonly slotCache = new WeakMap<object, ReturnType<typeof expressionSlotValues>>();
  /** Dependencies per compiled expression (the same expression in every row expands once). */
  private readonly expanded = new Map<CompiledExpression, ReturnType<typeof expandDependencies>>();

  constructor(env: ExprEnvironment) {
    this.env = env;
    this.collect(env);
  }

  private collect(env: ExprEnvironment): void {
    this.expressions.length = 0;
    this.bySlot.clear();
    this.byNode.clear();
    this.index.byPath.clear();
    this.index.always.length = 0;
    const hierarchy = env.hierarchy;
    if (!hierarchy) throw new Error('FormExpressions needs an environment with a hierarchy');
    for (const page of hierarchy.pages) this.add(page, 'hidden', page.file.data?.hidden, 'boolean');
    for (const node of hierarchy.nodes.values()) this.addNode(node);
  }

  /** The expression slots of a node's config; rows share one config, so this is worked out once per config. */
  private slotsOf(config: object): ReturnType<typeof expressionSlotValues> {
    let slots = this.slotCache.get(config);
    if (!slots) {
      slots = expressionSlotValues(config as Record<string, unknown>);
      this.slotCache.set(config, slots);
    }
    return slots;
  }

  private addNode(node: ComponentNode): FormExpression[] {
    const added: FormExpression[] = [];
    for (const { slot, value, result } of this.slotsOf(node.config)) {
      // hiddenRow runs once per row, inside the hierarchy's hidden state, not on the group itself.
      if (slot === 'hiddenRow') continue;
      const entry = this.add(node, slot, value, result);
      if (entry) added.push(entry);
    }
    return added;
  }

  private add(node: HierarchyNode, slot: string, value: unknown, returnType: ExprType): FormExpression | undefined {
    if (!isExpression(value)) return undefined;
    const env = this.env;
    const compiled = compileExpression(value);
    let deps = this.expanded.get(compiled);
    if (!deps) {
      deps = expandDependencies(compiled.dependencies, env);
      this.expanded.set(compiled, deps);
    }
    const reads = deps.dataPaths.map((d) => ({ dataType: d.dataType ?? env.defaultDataType, field: d.field }));
    const entry: FormExpression = { node, slot, compiled, returnType, defaultValue: defaultFor(returnType), reads, rowLocal: !namesRowsExplicitly(value), value: defaultFor(returnType) };
    this.expressions.push(entry);
    this.bySlot.set(`${node.id}\u0000${slot}`, entry);
    const ofNode = this.byNode.get(node.id) ?? [];
    ofNode.push(entry);
    this.byNode.set(node.id, ofNode);
    if (deps.anyData) this.index.always.push(entry);
    for (const dep of deps.dataPaths) {
      const key = `${dep.dataType ?? env.defaultDataType}\u0000${dep.field}`;
      const list = this.index.byPath.get(key) ?? [];
      list.push(entry);
      this.index.byPath.set(key, list);
    }
    return entry;
  }

  /** Evaluates every expression against the current environment. */
  evaluateAll(): void {
    for (const e of this.expressions) this.run(e);
  }

  /** The expressions of one node, in slot order. */
  entriesOf(nodeId: string): readonly FormExpression[] {
    return this.byNode.get(nodeId) ?? [];
  }

  /** The current value of one slot of one node (undefined when that slot holds no expression). */
  valueOf(nodeId: string, slot: string): ExprValue | undefined {
    return this.bySlot.get(`${nodeId}\u0000${slot}`)?.value;
  }

  /**
   * Takes the environment after a change and re-runs only the expressions that can read one of the
   * changed locations. Pass the same hierarchy when only values changed; a new hierarchy (rows added
   * or removed) makes it start over. Returns the expressions whose value changed.
   */
  update(env: ExprEnvironment, changed: readonly DataModelLocation[]): FormExpression[] {
    const rebuilt = env.hierarchy !== this.env.hierarchy;
    this.env = env;
    if (rebuilt) {
      // Rows came or went: the instances themselves changed, so everything is collected and run again.
      this.collect(env);
      this.evaluateAll();
      return this.expressions;
    }
    return this.runChanged(this.affectedBy(changed), new Set());
  }

  /**
   * Takes the environment after rows were added or removed (`update` from core's updateRows): the
   * expressions of removed instances go, those of new instances are compiled and run, and the
   * others run again only when they can read `changed` (the list itself, for example a count).
   */
  updateRows(env: ExprEnvironment, rows: RowsUpdate, changed: readonly DataModelLocation[]): FormExpression[] {
    this.env = env;
    if (rows.removed.length > 0) {
      const gone = new Set<HierarchyNode>(rows.removed);
      const keep = (e: FormExpression) => !gone.has(e.node);
      const kept = this.expressions.filter(keep);
      this.expressions.splice(0, this.expressions.length, ...kept);
      for (const node of rows.removed) {
        for (const e of this.byNode.get(node.id) ?? []) this.bySlot.delete(`${node.id}\u0000${e.slot}`);
        this.byNode.delete(node.id);
      }
      for (const [key, list] of this.index.byPath) this.index.byPath.set(key, list.filter(keep));
      this.index.always.splice(0, this.index.always.length, ...this.index.always.filter(keep));
    }
    const affected = this.affectedBy(changed);
    const fresh = new Set<FormExpression>();
    for (const node of rows.added) for (const e of this.addNode(node)) fresh.add(e);
    return this.runChanged(affected, fresh);
  }

  /** Runs `affected` and `fresh`; returns the fresh ones and those whose value changed. */
  private runChanged(affected: ReadonlySet<FormExpression>, fresh: ReadonlySet<FormExpression>): FormExpression[] {
    const out = [...fresh];
    for (const e of fresh) this.run(e);
    for (const e of affected) {
      if (fresh.has(e)) continue;
      const before = e.value;
      this.run(e);
      if (!Object.is(before, e.value)) out.push(e);
    }
    return out;
  }

  /** The expressions that can read one of the changed locations. */
  private affectedBy(changed: readonly DataModelLocation[]): Set<FormExpression> {
    const affected = new Set<FormExpression>(this.index.always);
    for (const location of changed) {
      const field = stripIndexes(location.field);
      for (const [key, list] of this.index.byPath) {
        const [dataType, dep] = key.split('\u0000') as [string, string];
        if (dataType !== location.dataType) continue;
        // Replacing `a` replaces `a.b`; changing `a.b` changes what `a` holds.
        if (!(dep === field || dep.startsWith(`${field}.`) || field.startsWith(`${dep}.`))) continue;
        for (const e of list) if (readsInItsRow(e, location)) affected.add(e);
      }
    }
    return affected;
  }

  /** Evaluates one expression again (its value then reflects the current environment). */
  private run(e: FormExpression): void {
    e.value = e.compiled.evaluate({ env: this.env, node: e.node }, { returnType: e.returnType, defaultValue: e.defaultValue });
  }
}
