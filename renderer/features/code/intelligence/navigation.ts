/**
 * Go to definition and find references for the names of an app: a text key leads to its resource in
 * each language file, a component reference to the component, a data path to its property in the
 * model's JSON schema (or, for a model with only an XSD, to its element there), a code list to its
 * file; references are every occurrence the index holds.
 */
import type { AppModel, DataModelFiles } from '../../../../core/app/model/types';
import { findField } from '../../../../core/datamodel';
import type { Occurrence } from '../../../../core/refs/occurrences';
import { findUsages } from '../../../../core/refs/rename';
import { type JsonPath, isJsonObject, locateJson } from '../../../../core/text/jsonDocument';
import { indexOf, treeOf } from './appFacts';
import { editorPositionAt } from './jsonPosition';
import type { StudioSymbol } from './symbolAt';

/** A place in a file: 1-based line and column as the editor shows them, and the length of the name there. */
export interface FileLocation {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly length: number;
}

function at(model: AppModel, path: string, offset: number, length: number): FileLocation | null {
  const text = model.texts.get(path);
  return text === undefined ? null : { path, ...editorPositionAt(text, offset), length };
}

/** Where the name of an occurrence sits. */
export function occurrenceLocation(model: AppModel, o: Occurrence): FileLocation | null {
  if (o.jsonPath) {
    const doc = model.jsonFiles.get(o.file)?.doc;
    const found = doc ? locateJson(doc, o.jsonPath) : null;
    if (!found) return null;
    if (o.jsonPath.length === 0) return at(model, o.file, found.offset, 0);
    if (o.isKey && found.keyOffset !== undefined) return at(model, o.file, found.keyOffset + 1, o.key.length);
    const written = doc?.text.slice(found.offset, found.offset + found.length) ?? '';
    const exact = written === JSON.stringify(`${o.prefix ?? ''}${o.key}${o.suffix ?? ''}`);
    return exact ? at(model, o.file, found.offset + 1 + (o.prefix?.length ?? 0), o.key.length) : at(model, o.file, found.offset, found.length);
  }
  return o.offset === undefined ? null : at(model, o.file, o.offset, o.length ?? 0);
}

function locations(model: AppModel, list: readonly Occurrence[]): FileLocation[] {
  const seen = new Set<string>();
  const out: FileLocation[] = [];
  for (const o of list) {
    const location = occurrenceLocation(model, o);
    const key = location && `${location.path}:${location.line}:${location.column}`;
    if (location && key && !seen.has(key)) {
      seen.add(key);
      out.push(location);
    }
  }
  return out;
}

const schemaBranches = ['allOf', 'anyOf', 'oneOf'] as const;

/**
 * The JSON path of a data path's property in a model's JSON schema: the walk goes through
 * `properties`, local `$ref`s, `items` and `allOf`/`anyOf`/`oneOf`, starting from the schema itself,
 * `properties.melding` (SERES) or any definition, as the root element can be any of them.
 */
export function schemaPropertyPath(schema: unknown, dataPath: string): JsonPath | null {
  if (!isJsonObject(schema)) return null;
  const segments = dataPath.split('.').filter((s) => s !== '');
  if (segments.length === 0) return null;
  const resolve = (ref: string): { node: unknown; path: JsonPath } | null => {
    if (!ref.startsWith('#/')) return null;
    const path = ref.slice(2).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = schema;
    for (const s of path) node = isJsonObject(node) ? node[s] : undefined;
    return node === undefined ? null : { node, path };
  };
  let budget = 5000;
  // The property named `name` of the schema at `path`, looked for through refs and compositions.
  const property = (node: unknown, path: JsonPath, name: string, depth: number): { node: unknown; path: JsonPath } | null => {
    if (!isJsonObject(node) || depth > 32 || --budget < 0) return null;
    if (isJsonObject(node.properties) && Object.hasOwn(node.properties, name)) return { node: node.properties[name], path: [...path, 'properties', name] };
    const next: { node: unknown; path: JsonPath }[] = [];
    if (typeof node.$ref === 'string') {
      const target = resolve(node.$ref);
      if (target) next.push(target);
    }
    if (node.items !== undefined) next.push({ node: node.items, path: [...path, 'items'] });
    for (const key of schemaBranches) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((branch, i) => next.push({ node: branch, path: [...path, key, i] }));
    }
    for (const n of next) {
      const found = property(n.node, n.path, name, depth + 1);
      if (found) return found;
    }
    return null;
  };
  const roots: { node: unknown; path: JsonPath }[] = [{ node: schema, path: [] }];
  if (isJsonObject(schema.properties) && isJsonObject(schema.properties.melding)) roots.push({ node: schema.properties.melding, path: ['properties', 'melding'] });
  for (const key of ['$defs', 'definitions']) {
    const defs = schema[key];
    if (isJsonObject(defs)) for (const name of Object.keys(defs)) roots.push({ node: defs[name], path: [key, name] });
  }
  for (const root of roots) {
    let current: { node: unknown; path: JsonPath } | null = root;
    for (const segment of segments) {
      current = current ? property(current.node, current.path, segment, 0) : null;
      if (!current) break;
    }
    if (current) return current.path;
  }
  return null;
}

function dataPathDefinition(model: AppModel, symbol: StudioSymbol): FileLocation[] {
  const candidates = model.models.filter((m) => m.id === symbol.scope);
  const models = candidates.length > 0 ? candidates : model.models.length === 1 ? model.models : [];
  return models.flatMap((m) => {
    if (!m.schema) return xsdDefinition(model, m, symbol.key);
    const path = schemaPropertyPath(m.schema.doc.value, symbol.key);
    const found = path ? locateJson(m.schema.doc, path) : null;
    if (!found) return [];
    const location = found.keyOffset !== undefined ? at(model, m.schema.path, found.keyOffset + 1, Math.max(0, (found.keyLength ?? 2) - 2)) : at(model, m.schema.path, found.offset, 0);
    return location ? [location] : [];
  });
}

/** A model with only an XSD: the field's element (or attribute) name there, as the XSD reader found it. */
function xsdDefinition(model: AppModel, files: DataModelFiles, dataPath: string): FileLocation[] {
  const text = files.xsd ? model.texts.get(files.xsd.path) : undefined;
  const tree = text === undefined ? undefined : treeOf(model, files.id);
  const field = tree && findField(tree, dataPath);
  const name = field?.xsdName;
  // treeOf falls back to another model's tree when this XSD could not be read: its offsets are not this file's.
  if (!files.xsd || !text || !field || !name || !text.slice(name.offset, name.offset + name.length).endsWith(field.name)) return [];
  const location = at(model, files.xsd.path, name.offset, name.length);
  return location ? [location] : [];
}

/** Where a symbol is defined: several places for a text (one per language), none for an unknown name. */
export function definitionsOf(model: AppModel, symbol: StudioSymbol): FileLocation[] {
  if (symbol.kind === 'dataPath') return dataPathDefinition(model, symbol);
  const index = indexOf(model);
  const scoped = symbol.scope === '' ? undefined : symbol.scope;
  let definitions = findUsages(index, symbol.kind, symbol.key, scoped).filter((o) => o.role === 'definition');
  // A component named in another folder (a Summary2 target without taskId, say) is still worth finding.
  if (definitions.length === 0 && scoped !== undefined) definitions = findUsages(index, symbol.kind, symbol.key).filter((o) => o.role === 'definition');
  return locations(model, definitions);
}

/** Every place a symbol is defined or used (definitions first). */
export function referencesOf(model: AppModel, symbol: StudioSymbol): FileLocation[] {
  const scoped = symbol.scope === '' ? undefined : symbol.scope;
  const all = findUsages(indexOf(model), symbol.kind, symbol.key, scoped).filter((o) => symbol.kind !== 'dataPath' || o.key === symbol.key);
  const ordered = [...all.filter((o) => o.role === 'definition'), ...all.filter((o) => o.role === 'reference')];
  // A data path's definition is not in the index: it is the schema's property.
  const schemaProperty = symbol.kind === 'dataPath' ? dataPathDefinition(model, symbol) : [];
  return [...schemaProperty, ...locations(model, ordered)];
}
