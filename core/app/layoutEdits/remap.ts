/**
 * Rewriting the component ids inside copied or moved component objects: their own ids, the
 * references between them (container children, Grid cells, Summary targets, table settings,
 * `["component", id]` in expressions), and their text keys. Child references that leave the copied
 * set are dropped, since a component has only one parent.
 */
import { componentReferences } from '../../refs/componentReferences';
import { findExpressions, namesInExpression } from '../../refs/expressionSites';
import { type JsonPath, getJsonValue, isJsonObject } from '../../text/jsonDocument';

type Json = Record<string, unknown>;

function setAt(root: Json, path: JsonPath, value: unknown): void {
  const parent = getJsonValue(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') parent[key] = value;
  else if (isJsonObject(parent)) parent[String(key)] = value;
}

/** The object with property `from` renamed to `to`, keeping the order of its properties. */
function renameKey(object: Json, from: string, to: string): Json {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k === from ? to : k, v]));
}

/** A copy of `component` with ids renamed by `ids` (old → new) and text keys by `texts`. */
export function remapComponent(component: Readonly<Json>, ids: ReadonlyMap<string, string>, texts: ReadonlyMap<string, string> = new Map()): Json {
  const out = structuredClone(component) as Json;
  const removals: JsonPath[] = [];
  for (const ref of componentReferences(component)) {
    const next = ids.get(ref.id);
    if (next === undefined) {
      if (ref.isChild) removals.push(ref.path);
      continue;
    }
    if (ref.isKey) {
      const holder = ref.path.slice(0, -1);
      const object = getJsonValue(out, holder);
      if (isJsonObject(object)) setAt(out, holder, renameKey(object, ref.id, next));
    } else {
      setAt(out, ref.path, `${ref.prefix ?? ''}${next}`);
    }
  }
  for (const found of findExpressions(component)) {
    for (const name of namesInExpression(found.value)) {
      const next = name.kind === 'component' ? ids.get(name.name) : undefined;
      if (next !== undefined) setAt(out, [...found.path, ...name.path], next);
    }
  }
  // Last item first, so the indexes of those still to remove stay right.
  for (const path of removals.sort((a, b) => Number(b.at(-1)) - Number(a.at(-1)))) {
    const parent = getJsonValue(out, path.slice(0, -1));
    const last = path[path.length - 1]!;
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else if (last === 'component') setAt(out, path.slice(0, -1), null);
    else if (isJsonObject(parent)) delete parent[String(last)];
  }
  if (typeof out.id === 'string' && ids.has(out.id)) out.id = ids.get(out.id);
  const bindings = out.textResourceBindings;
  if (isJsonObject(bindings)) {
    for (const [binding, key] of Object.entries(bindings)) if (typeof key === 'string' && texts.has(key)) bindings[binding] = texts.get(key);
  }
  return out;
}
