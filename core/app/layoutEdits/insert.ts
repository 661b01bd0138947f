/** Adding a new component from the palette: a readable unique id, starter values, and its own title text. */
import { type ComponentTypeName, type SpecNode, bindingsOf, componentSpec, findComponentType, propertiesOf, textBindingsOf } from '../../catalog';
import type { FileChanges } from '../model/appEdits';
import type { AppModel } from '../model/types';
import { ChangeSet } from './changeSet';
import { folderIds, uniqueId } from './layoutTree';
import { addToSlot } from './slots';
import { type DropTarget, insertComponents, placementOrThrow, targetPage } from './targets';
import { addTexts, textKeys, uniqueTextKey } from './texts';

export interface InsertResult {
  readonly changes: FileChanges;
  readonly id: string;
  /** The text keys created for the component (in every language). */
  readonly textKeys: readonly string[];
}

/** A value that satisfies a required property without a default: the first choice, an empty list… */
function starterValue(node: SpecNode): unknown {
  if (node.default !== undefined) return node.default;
  switch (node.kind) {
    case 'enum':
      return node.values[0];
    case 'const':
      return node.value;
    case 'array':
      return [];
    case 'object':
      return {};
    case 'boolean':
      return false;
    case 'number':
      return node.minimum ?? 0;
    case 'expr':
      return node.result === 'boolean' ? false : node.result === 'number' ? 0 : undefined;
    case 'union':
      return node.anyOf.map(starterValue).find((v) => v !== undefined);
    default:
      // Strings (a component reference, a tag name) have no sensible guess; the properties panel asks for them.
      return undefined;
  }
}

/**
 * The object written for a new component: id and type, every required property with its default or
 * a starter value, an empty `dataModelBindings` when the type needs bindings (for the panel to fill),
 * and `textResourceBindings` pointing at the new keys.
 */
export function newComponentObject(type: ComponentTypeName, id: string, texts: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = { id, type };
  for (const p of propertiesOf(type)) {
    if (!p.required || p.name === 'id') continue;
    const value = starterValue(p.node);
    if (value !== undefined) out[p.name] = value;
  }
  if (bindingsOf(type).bindings.some((b) => b.required)) out.dataModelBindings = {};
  if (Object.keys(texts).length > 0) out.textResourceBindings = { ...texts };
  return out;
}

/** The text bindings a new component gets a key for: `title` when the type has one, and any required one. */
function mainTextsOf(type: ComponentTypeName): string[] {
  return textBindingsOf(type)
    .filter((t) => t.key === 'title' || t.required)
    .map((t) => t.key);
}

/**
 * Inserts a new component of `type` at `target`. Its id is the type in lower case with the first free
 * number (`input1`, `radiobuttons2`), unique in the layout set. Its main texts get new keys
 * `<id>.<binding>` in every language's text file, with the type's display name as value, so the new
 * component shows what it is until the author writes its text.
 */
export function insertComponent(model: AppModel, type: string, target: DropTarget): InsertResult {
  const known = findComponentType(type);
  if (!known) throw new Error(`"${type}" is not a component type`);
  if (componentSpec(known).internal) throw new Error(`A ${known} is created by the runtime, not placed by hand`);
  const { folder } = targetPage(model, target);
  const set = new ChangeSet(model);
  const placed = placementOrThrow(set, target, { types: [known], samePage: [] });
  const id = uniqueId(known.toLowerCase(), folderIds(set, folder));
  const keys = textKeys(model);
  const bindings: Record<string, string> = {};
  for (const binding of mainTextsOf(known)) bindings[binding] = uniqueTextKey(`${id}.${binding}`, keys);
  insertComponents(set, placed.pagePath, placed.before, [newComponentObject(known, id, bindings)]);
  if (target.container) addToSlot(set, placed.pagePath, target.container.id, target.container.slot, placed.slotIndex, [id]);
  const displayName = componentSpec(known).displayName;
  addTexts(set, Object.values(bindings).map((key) => ({ id: key, values: {}, fallback: displayName })));
  return { changes: set.changes(), id, textKeys: Object.values(bindings) };
}
