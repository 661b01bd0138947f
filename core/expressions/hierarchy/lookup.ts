/**
 * Finding component instances: by generated id, and "the instance of `id` closest to a caller" the
 * way `component`, `displayValue` and `linkToComponent` resolve it (§3.5).
 */
import { indexesOf, stripIndexes } from '../dataPath';
import type { DataModelLocation } from '../types';
import { repeatingBindingOf } from './build';
import type { ComponentNode, Hierarchy } from './types';

/** The instance of a layout id in given rows (`comp` + `[1, 0]` → `comp-1-0`), or undefined. */
export function findNode(hierarchy: Hierarchy, id: string, rowIndices: readonly number[] = []): ComponentNode | undefined {
  return hierarchy.nodes.get(rowIndices.length ? `${id}-${rowIndices.join('-')}` : id);
}

/**
 * The generated id of the instance of `targetId` a caller at `location` means: the caller's leading
 * row indexes, one per repeating ancestor of the target, provided the caller's path lies inside each
 * ancestor's binding (in the same data type). Undefined when the target cannot be related to the
 * caller (it repeats and the caller is outside, or bound elsewhere).
 */
export function resolveComponentId(hierarchy: Hierarchy, targetId: string, location: DataModelLocation | undefined): string | undefined {
  const definition = hierarchy.definitions.get(targetId);
  if (!definition) return undefined;
  const ancestors = definition.repeatingAncestors;
  if (!location) return ancestors.length ? undefined : targetId;
  const indexes = indexesOf(location.field);
  // A caller with no row indexes gets the plain id, even for a repeating target (the frontend does the same).
  if (indexes.length === 0 || ancestors.length === 0) return targetId;
  const callerPath = stripIndexes(location.field);
  for (const ancestorId of ancestors) {
    const ancestor = hierarchy.definitions.get(ancestorId);
    const binding = ancestor && repeatingBindingOf(ancestor.config, hierarchy.defaultDataType);
    if (!binding || binding.dataType !== location.dataType) return undefined;
    const groupPath = stripIndexes(binding.field);
    if (callerPath !== groupPath && !callerPath.startsWith(`${groupPath}.`)) return undefined;
  }
  if (indexes.length < ancestors.length) return undefined;
  return `${targetId}-${indexes.slice(0, ancestors.length).join('-')}`;
}
