/**
 * Hidden state (§2.7.4): an instance is hidden when its own `hidden` is true, its row is hidden by
 * the owner's `hiddenRow`, an ancestor container is hidden, or its page is. Results are cached per
 * environment object, so a new environment (new data) recomputes them.
 */
import { evaluateExpression, layoutEnvironment } from '../evaluate';
import type { ExprEnvironment } from '../types';
import type { ComponentNode, HierarchyNode, PageNode, RowInfo } from './types';

interface HiddenCache {
  readonly nodes: Map<HierarchyNode, boolean>;
  readonly rows: Map<RowInfo, boolean>;
  readonly inProgress: Set<HierarchyNode | RowInfo>;
}

const caches = new WeakMap<ExprEnvironment, HiddenCache>();

function cacheFor(env: ExprEnvironment): HiddenCache {
  let cache = caches.get(env);
  if (!cache) {
    cache = { nodes: new Map(), rows: new Map(), inProgress: new Set() };
    caches.set(env, cache);
  }
  return cache;
}

/** Runs `compute` once per key; a key met again while it is being computed (a cycle of hidden rules) counts as visible. */
function memo<K extends HierarchyNode | RowInfo>(cache: HiddenCache, map: Map<K, boolean>, key: K, compute: () => boolean): boolean {
  const known = map.get(key);
  if (known !== undefined) return known;
  if (cache.inProgress.has(key)) return false;
  cache.inProgress.add(key);
  try {
    const value = compute();
    map.set(key, value);
    return value;
  } finally {
    cache.inProgress.delete(key);
  }
}

function hiddenValue(expression: unknown, evaluate: (expression: unknown) => unknown): boolean {
  if (expression === undefined || expression === null || expression === false) return false;
  return evaluate(expression) === true;
}

/** Whether a page is hidden by its `data.hidden`. */
export function isPageHidden(page: PageNode, anyEnv: ExprEnvironment): boolean {
  const env = layoutEnvironment(anyEnv);
  const cache = cacheFor(env);
  return memo(cache, cache.nodes, page, () =>
    hiddenValue(page.file.data?.hidden, (e) => evaluateExpression(e, { env, node: page }, { returnType: 'boolean', defaultValue: false })),
  );
}

/** Whether a row is hidden by its owner's `hiddenRow` (evaluated with the row as context). */
export function isRowHidden(row: RowInfo, anyEnv: ExprEnvironment): boolean {
  const env = layoutEnvironment(anyEnv);
  const cache = cacheFor(env);
  return memo(cache, cache.rows, row, () =>
    hiddenValue(row.owner.config.hiddenRow, (e) =>
      evaluateExpression(e, { env, node: row.owner, location: row.location }, { returnType: 'boolean', defaultValue: false }),
    ),
  );
}

/** Whether a node is hidden, counting its row, its ancestors and its page. */
export function isHidden(node: HierarchyNode, anyEnv: ExprEnvironment): boolean {
  const env = layoutEnvironment(anyEnv);
  if (node.kind === 'page') return isPageHidden(node, env);
  const cache = cacheFor(env);
  return memo(cache, cache.nodes, node, () => {
    const own = hiddenValue(node.config.hidden, (e) => evaluateExpression(e, { env, node }, { returnType: 'boolean', defaultValue: false }));
    return own || (node.row !== undefined && isRowHidden(node.row, env)) || isHidden(node.parent, env);
  });
}

/** The instances of a layout id that are visible (for callers that list what a user sees). */
export function visibleInstances(instances: readonly ComponentNode[], env: ExprEnvironment): ComponentNode[] {
  return instances.filter((node) => !isHidden(node, env));
}
