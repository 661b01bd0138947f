/**
 * Three-way merge of parsed JSON values. Where only one side changed something, that side wins; where
 * both changed an object, its keys merge one by one; where both changed a keyed list, its items merge
 * by key and its order merges as a list. Anything else both sides changed differently is a conflict,
 * settled by a choice made for it or left at ours.
 */
import { type ConflictLog, describeValue } from './conflicts';
import { isJsonObject, jsonEqual, ownValue, setOwn } from './jsonValue';
import { keyedItems, mergeKeyedOrder } from './keyedList';
import { type MergeRules, type SemanticPath, pathString } from './mergeRules';

interface MergeContext {
  readonly rules: MergeRules;
  readonly log: ConflictLog;
}

/** The merged value of `base`, `ours` and `theirs` (undefined = absent), with conflicts in the log. */
export function mergeJsonValues(base: unknown, ours: unknown, theirs: unknown, rules: MergeRules, log: ConflictLog): unknown {
  return mergeValue(base, ours, theirs, [], { rules, log });
}

function mergeValue(base: unknown, ours: unknown, theirs: unknown, path: SemanticPath, context: MergeContext): unknown {
  if (jsonEqual(ours, theirs) || jsonEqual(base, theirs)) return ours;
  if (jsonEqual(base, ours)) return theirs;
  if (isJsonObject(ours) && isJsonObject(theirs)) return mergeObjects(isJsonObject(base) ? base : {}, ours, theirs, path, context);
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    const merged = mergeKeyedList(Array.isArray(base) ? base : [], ours, theirs, path, context);
    if (merged) return merged;
  }
  return valueConflict(base, ours, theirs, path, context);
}

function mergeObjects(
  base: Record<string, unknown>,
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
  path: SemanticPath,
  context: MergeContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base)]);
  for (const key of keys) {
    const value = mergeValue(ownValue(base, key), ownValue(ours, key), ownValue(theirs, key), [...path, key], context);
    if (value !== undefined) setOwn(out, key, value);
  }
  return out;
}

/** Merges a keyed list item by item; null when the array is not a keyed list here (no rule, or keys missing or repeated). */
function mergeKeyedList(base: unknown[], ours: unknown[], theirs: unknown[], path: SemanticPath, context: MergeContext): unknown[] | null {
  const list = context.rules.keyedList(path);
  if (!list) return null;
  const { keyOf, field } = list;
  const [baseItems, oursItems, theirsItems] = [keyedItems(base, keyOf), keyedItems(ours, keyOf), keyedItems(theirs, keyOf)];
  if (!baseItems || !oursItems || !theirsItems) return null;
  const merged = new Map<string, unknown>();
  for (const key of new Set([...oursItems.keys(), ...theirsItems.keys(), ...baseItems.keys()])) {
    const value = mergeValue(baseItems.get(key), oursItems.get(key), theirsItems.get(key), [...path, { key, field }], context);
    if (value !== undefined) merged.set(key, value);
  }
  const [baseKeys, oursKeys, theirsKeys] = [[...baseItems.keys()], [...oursItems.keys()], [...theirsItems.keys()]];
  const order = mergeKeyedOrder(baseKeys, oursKeys, theirsKeys, new Set(merged.keys()), (key, oursAfter, theirsAfter) => {
    const itemPath = [...path, { key, field }];
    const { where, label } = context.rules.locate(itemPath);
    const after = (previous: string | null) => (previous === null ? 'first' : `after "${previous}"`);
    const conflict = {
      id: `order:${pathString(itemPath)}`,
      kind: 'order' as const,
      where: { ...where, path: pathString(itemPath) },
      base: baseKeys,
      ours: oursKeys,
      theirs: theirsKeys,
      description: `Both sides moved ${label} to different places: ${after(oursAfter)} in ours, ${after(theirsAfter)} in theirs.`,
    };
    return context.log.settle(conflict, false, true) === true;
  });
  return order.map((key) => merged.get(key));
}

function valueConflict(base: unknown, ours: unknown, theirs: unknown, path: SemanticPath, context: MergeContext): unknown {
  const { where, label } = context.rules.locate(path);
  const description =
    ours === undefined
      ? `${label} was removed in ours and changed in theirs.`
      : theirs === undefined
        ? `${label} was changed in ours and removed in theirs.`
        : base === undefined
          ? `${label} was added on both sides with different values: ours ${describeValue(ours)}, theirs ${describeValue(theirs)}.`
          : `${label} was changed on both sides: ours ${describeValue(ours)}, theirs ${describeValue(theirs)}.`;
  const conflict = { id: `value:${pathString(path)}`, kind: 'value' as const, where: { ...where, path: pathString(path) }, base, ours, theirs, description };
  return context.log.settle(conflict, ours, theirs);
}
