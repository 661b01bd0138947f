/**
 * Reads the field tree from a data model's JSON schema. Altinn writes these in several shapes
 * (Studio's generator with `@xsd*` keywords and `$defs`, JSON-first models with inline properties,
 * old SERES exports with `definitions` and a property per global element), and apps edit them by
 * hand, so the reader accepts any JSON value and reports what it cannot use instead of throwing.
 */
import { FieldCollector, type FieldDraft, combineRestrictions, finishTree, joinPath, newField } from './treeBuilder';
import type { DataModelFieldType, DataModelRestrictions, DataModelTree } from './types';

export interface JsonSchemaTreeOptions {
  /** `dataTypes[].appLogic.classRef` (e.g. `Altinn.App.Models.Skjema`): picks the root as the app frontend does. */
  readonly classRef?: string;
}

type JsonObject = Record<string, unknown>;

/** Everything the keywords of one field's schema (after `$ref`, `allOf`, …) say about it. */
interface Flat {
  types: Set<string>;
  nullable: boolean;
  /** Each property's schemas, and the `$ref`s followed to reach the schemas that declare it. */
  properties: Map<string, { nodes: unknown[]; declaredBy: Set<string> }>;
  required: Set<string>;
  items: unknown[];
  restrictions: DataModelRestrictions;
  refs: Set<string>;
  xsdType?: string;
  title?: string;
  description?: string;
  xmlAttribute: boolean;
}

const jsonTypes = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array']);
const numberKeywords = ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems'] as const;
const stringKeywords = ['pattern', 'format', 'formatMinimum', 'formatMaximum', 'formatExclusiveMinimum', 'formatExclusiveMaximum'] as const;
/** Composition deeper than this is not a data model; it stops `allOf` chains built to exhaust the stack. */
const maxCompositionDepth = 64;
/** Schemas visited in one read; shared refs in every `allOf` branch would otherwise grow exponentially. */
const maxVisits = 200_000;
const modelsNamespace = 'Altinn.App.Models.';

/** The bindable fields of a JSON schema (Altinn data model). Never throws; see `problems`. */
export function fieldTreeFromJsonSchema(schema: unknown, options: JsonSchemaTreeOptions = {}): DataModelTree {
  const collector = new FieldCollector();
  if (!isObject(schema)) {
    collector.problem('', `The data model schema must be a JSON object, not ${describe(schema)}`);
    return finishTree('', [], collector);
  }
  const reader = new JsonSchemaReader(schema, collector);
  const root = findRoot(schema, options, reader);
  const flat = reader.flatten([root.node], '');
  const fields = reader.fieldsOf(flat, '', new Set(), 0);
  return finishTree(root.name, fields, collector);
}

/** Where the model's root element is, following the rules of the app frontend's `getRootElementPath`. */
function findRoot(schema: JsonObject, options: JsonSchemaTreeOptions, reader: JsonSchemaReader): { node: unknown; name: string } {
  const info = isObject(schema.info) ? schema.info : {};
  const declared = typeof schema['@xsdRootElement'] === 'string' ? schema['@xsdRootElement'] : undefined;
  if (typeof info.rootNode === 'string' && info.rootNode !== '') {
    const node = reader.resolve(info.rootNode, '');
    if (node !== undefined) return { node, name: declared ?? lastSegment(info.rootNode) };
  } else if (typeof info.rootNode !== 'string' && typeof info.meldingsnavn === 'string' && isObject(schema.properties) && schema.properties.melding !== undefined) {
    return { node: schema.properties.melding, name: declared ?? info.meldingsnavn };
  } else if (typeof info.rootNode !== 'string' && options.classRef) {
    const className = options.classRef.startsWith(modelsNamespace) ? options.classRef.slice(modelsNamespace.length) : options.classRef;
    for (const candidate of [className, lastSegment(className, '.')]) {
      const found = definition(schema, candidate);
      if (found) return { node: found, name: declared ?? candidate };
    }
  }
  const seresRoot = typeof info.rootNode === 'string' ? undefined : seresGlobalElementRoot(schema);
  if (seresRoot) return { node: definition(schema, seresRoot), name: declared ?? seresRoot };
  return { node: schema, name: declared ?? rootRefName(schema) ?? (typeof schema.title === 'string' ? schema.title : '') };
}

function definition(schema: JsonObject, name: string): unknown {
  for (const key of ['$defs', 'definitions']) {
    const defs = schema[key];
    if (isObject(defs) && Object.hasOwn(defs, name)) return defs[name];
  }
  return undefined;
}

/**
 * Old SERES exports list every global element as a root property pointing at a definition of the
 * same name; the message is the one no other definition refers to (the XSD's root element).
 */
function seresGlobalElementRoot(schema: JsonObject): string | undefined {
  const properties = isObject(schema.properties) ? Object.entries(schema.properties) : [];
  if (properties.length < 2) return undefined;
  const sameName = properties.every(([name, s]) => isObject(s) && typeof s.$ref === 'string' && lastSegment(s.$ref) === name && definition(schema, name) !== undefined);
  if (!sameName) return undefined;
  const defs = JSON.stringify(isObject(schema.definitions) ? schema.definitions : (schema.$defs ?? {}));
  const unreferenced = properties.map(([name]) => name).filter((name) => !defs.includes(`/${name}"`));
  return unreferenced[0] ?? properties[0]![0];
}

function rootRefName(schema: JsonObject): string | undefined {
  const ref = typeof schema.$ref === 'string' ? schema.$ref : Array.isArray(schema.oneOf) && schema.oneOf.length === 1 && isObject(schema.oneOf[0]) ? schema.oneOf[0].$ref : undefined;
  return typeof ref === 'string' ? lastSegment(ref) : undefined;
}

class JsonSchemaReader {
  private readonly reportedRefs = new Set<string>();
  private visits = 0;

  constructor(
    private readonly schema: JsonObject,
    private readonly collector: FieldCollector,
  ) {}

  /** The schema a local `$ref` (`#`, `#/$defs/X`, `#/definitions/X`, any JSON pointer) points at. */
  resolve(ref: string, path: string): unknown {
    if (!ref.startsWith('#')) return this.refProblem(ref, path, `The reference "${ref}" points outside the schema; only local references (#/...) are read`);
    let node: unknown = this.schema;
    const pointer = ref.slice(1);
    if (pointer !== '' && !pointer.startsWith('/')) return this.refProblem(ref, path, `The reference "${ref}" is not a JSON pointer`);
    for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
      let segment: string;
      try {
        segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      } catch {
        segment = raw;
      }
      node = isObject(node) && Object.hasOwn(node, segment) ? node[segment] : Array.isArray(node) ? node[Number(segment)] : undefined;
      if (node === undefined) return this.refProblem(ref, path, `The reference "${ref}" points to nothing`);
    }
    return node;
  }

  private refProblem(ref: string, path: string, message: string): undefined {
    if (!this.reportedRefs.has(ref)) this.collector.problem(path, message);
    this.reportedRefs.add(ref);
    return undefined;
  }

  /** Merges what all `nodes` (and what they refer to or compose) say about one field. */
  flatten(nodes: readonly unknown[], path: string): Flat {
    const flat: Flat = { types: new Set(), nullable: false, properties: new Map(), required: new Set(), items: [], restrictions: {}, refs: new Set(), xmlAttribute: false };
    for (const node of nodes) this.absorb(flat, node, path, [], 0, true);
    return flat;
  }

  private absorb(flat: Flat, node: unknown, path: string, refStack: string[], depth: number, requiredApplies: boolean): void {
    if (node === true || node === undefined) return;
    if (!isObject(node)) {
      this.collector.problem(path, `Expected a schema object but found ${describe(node)}`);
      return;
    }
    if (++this.visits > maxVisits) {
      if (this.visits === maxVisits + 1) this.collector.problem(path, 'The schema is too large or too intertwined to read completely; some fields are not listed');
      return;
    }
    if (depth > maxCompositionDepth) {
      this.collector.problem(path, `The schema composes more than ${maxCompositionDepth} levels of $ref/allOf/oneOf here; the rest is ignored`);
      return;
    }
    this.ownKeywords(flat, node, path, refStack, requiredApplies);
    if ('$ref' in node) this.followRef(flat, node.$ref, path, refStack, depth, requiredApplies);
    if ('allOf' in node) {
      for (const branch of this.schemaList(node.allOf, 'allOf', path)) this.absorb(flat, branch, path, refStack, depth + 1, requiredApplies);
    }
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      if (!(keyword in node)) continue;
      const branches = this.schemaList(node[keyword], keyword, path);
      const real = branches.filter((b) => !isNullSchema(b));
      if (real.length < branches.length) flat.nullable = true;
      // One real branch is a wrapper (root `oneOf: [{$ref}]`, nullable refs); several are alternatives,
      // whose fields are all bindable but none of which is required.
      for (const branch of real) this.absorb(flat, branch, path, refStack, depth + 1, requiredApplies && real.length === 1);
    }
    this.ownProperties(flat, node, path, refStack);
  }

  /** Own properties come after composed ones: a base type's elements precede the extension's in XML. */
  private ownProperties(flat: Flat, node: JsonObject, path: string, refStack: readonly string[]): void {
    if (!('properties' in node)) return;
    if (!isObject(node.properties)) {
      this.collector.problem(path, `"properties" must be an object, not ${describe(node.properties)}`);
      return;
    }
    for (const [name, sub] of Object.entries(node.properties)) {
      const entry = flat.properties.get(name) ?? { nodes: [], declaredBy: new Set<string>() };
      entry.nodes.push(sub);
      for (const ref of refStack) entry.declaredBy.add(ref);
      flat.properties.set(name, entry);
    }
  }

  private followRef(flat: Flat, ref: unknown, path: string, refStack: string[], depth: number, requiredApplies: boolean): void {
    if (typeof ref !== 'string') {
      this.collector.problem(path, `"$ref" must be a string, not ${describe(ref)}`);
      return;
    }
    if (refStack.includes(ref)) {
      this.refProblem(`cycle:${ref}`, path, `The reference "${ref}" refers to itself without adding any field`);
      return;
    }
    flat.refs.add(ref);
    const target = this.resolve(ref, path);
    if (target !== undefined) this.absorb(flat, target, path, [...refStack, ref], depth + 1, requiredApplies);
  }

  private schemaList(value: unknown, keyword: string, path: string): unknown[] {
    if (Array.isArray(value)) return value;
    this.collector.problem(path, `"${keyword}" must be a list of schemas, not ${describe(value)}`);
    return [];
  }

  private ownKeywords(flat: Flat, node: JsonObject, path: string, refStack: readonly string[], requiredApplies: boolean): void {
    if ('type' in node) this.readType(flat, node.type, path);
    if (node.nullable === true || node['@xsdNillable'] === true) flat.nullable = true;
    if ('required' in node) {
      if (Array.isArray(node.required)) {
        if (requiredApplies) for (const name of node.required) if (typeof name === 'string') flat.required.add(name);
      } else this.collector.problem(path, `"required" must be a list of property names, not ${describe(node.required)}`);
    }
    if ('items' in node) {
      if (Array.isArray(node.items)) flat.items.push(...node.items);
      else if (isObject(node.items) || typeof node.items === 'boolean') flat.items.push(node.items);
      else this.collector.problem(path, `"items" must be a schema, not ${describe(node.items)}`);
    }
    this.readRestrictions(flat, node, path);
    const xsdType = node['@xsdType'];
    if (typeof xsdType === 'string' && !xsdType.startsWith('#')) {
      if (xsdType === 'XmlAttribute') flat.xmlAttribute = true;
      else flat.xsdType ??= xsdType;
    }
    if (node['@xsdAttribute'] === true) flat.xmlAttribute = true;
    if (typeof node.title === 'string' && node.title !== '') flat.title ??= node.title;
    if (typeof node.description === 'string' && node.description !== '') flat.description ??= node.description;
  }

  private readType(flat: Flat, type: unknown, path: string): void {
    const list = Array.isArray(type) ? type : [type];
    for (const t of list) {
      if (t === 'null') flat.nullable = true;
      else if (typeof t === 'string' && jsonTypes.has(t)) flat.types.add(t);
      else this.collector.problem(path, `Unknown type ${JSON.stringify(t) ?? String(t)}; expected string, number, integer, boolean, object, array or null`);
    }
  }

  private readRestrictions(flat: Flat, node: JsonObject, path: string): void {
    const found: DataModelRestrictions = {};
    for (const key of numberKeywords) {
      const value = node[key];
      if (typeof value === 'number' && Number.isFinite(value)) found[key] = value;
      else if (key.startsWith('exclusive') && typeof value === 'boolean') continue;
      else if (value !== undefined) this.collector.problem(path, `"${key}" must be a number, not ${describe(value)}`);
    }
    // Draft-04 wrote exclusive limits as booleans next to minimum/maximum.
    if (node.exclusiveMinimum === true && found.minimum !== undefined) [found.exclusiveMinimum, found.minimum] = [found.minimum, undefined];
    if (node.exclusiveMaximum === true && found.maximum !== undefined) [found.exclusiveMaximum, found.maximum] = [found.maximum, undefined];
    for (const key of stringKeywords) {
      const value = node[key];
      if (typeof value === 'string') found[key] = value;
      else if (value !== undefined) this.collector.problem(path, `"${key}" must be a string, not ${describe(value)}`);
    }
    if (Array.isArray(node.enum)) found.enum = node.enum.filter(isEnumValue);
    else if (node.enum !== undefined) this.collector.problem(path, `"enum" must be a list, not ${describe(node.enum)}`);
    if (isEnumValue(node.const)) found.enum = [node.const];
    if (typeof node['@xsdTotalDigits'] === 'number') found.totalDigits = node['@xsdTotalDigits'];
    if (typeof node.multipleOf === 'number' && node.multipleOf > 0 && node.multipleOf < 1) {
      const digits = Math.round(-Math.log10(node.multipleOf));
      if (Math.abs(10 ** -digits - node.multipleOf) < 1e-12) found.fractionDigits = digits;
    }
    for (const key of Object.keys(found) as (keyof DataModelRestrictions)[]) if (found[key] === undefined) delete found[key];
    combineRestrictions(flat.restrictions, found);
  }

  /**
   * The fields of an object schema. `ancestors` are the `$ref`s that declared the fields above:
   * meeting one again is recursion (a base type merged in with `allOf` is not, as it declared siblings).
   */
  fieldsOf(flat: Flat, path: string, ancestors: ReadonlySet<string>, depth: number): FieldDraft[] {
    if (flat.properties.size === 0 || !this.collector.withinDepth(path, depth)) return [];
    const fields: FieldDraft[] = [];
    for (const [name, { nodes, declaredBy }] of flat.properties) {
      const field = this.field(name, nodes, path, flat.required.has(name), new Set([...ancestors, ...declaredBy]), depth);
      if (field) fields.push(field);
    }
    return fields;
  }

  private field(name: string, nodes: unknown[], parentPath: string, required: boolean, ancestors: ReadonlySet<string>, depth: number): FieldDraft | undefined {
    const path = joinPath(parentPath, name);
    if (!this.collector.admit(path)) return undefined;
    const flat = this.flatten(nodes, path);
    const field = newField(name, path);
    field.type = typeOf(flat);
    field.nullable = flat.nullable;
    field.restrictions = { ...flat.restrictions };
    if (required) field.restrictions.required = true;
    if (flat.xsdType !== undefined) field.xsdType = flat.xsdType;
    if (flat.title !== undefined) field.title = flat.title;
    if (flat.description !== undefined) field.description = flat.description;
    if (flat.xmlAttribute) field.xmlAttribute = true;
    if (name === 'altinnRowId') field.altinnRowId = true;
    let content = flat;
    let recursive = [...flat.refs].some((r) => ancestors.has(r));
    if (field.type === 'array') {
      field.repeating = true;
      const items = this.flatten(flat.items, path);
      field.itemType = typeOf(items);
      // A row's own limits (a string row's maxLength) are what a component bound to the list checks.
      combineRestrictions(field.restrictions, { ...items.restrictions, minItems: undefined, maxItems: undefined, required: undefined });
      if (field.xsdType === undefined && items.xsdType !== undefined) field.xsdType = items.xsdType;
      recursive ||= [...items.refs].some((r) => ancestors.has(r));
      content = items;
    }
    if (recursive) {
      field.recursive = true;
      this.collector.problem(path, `"${path}" has the type of one of the fields it is inside; its fields are listed at the outer level only`);
    } else if (content.properties.size > 0) {
      field.children = this.fieldsOf(content, path, ancestors, depth + 1);
    }
    return field;
  }
}

function typeOf(flat: Flat): DataModelFieldType {
  const types = [...flat.types] as DataModelFieldType[];
  if (types.length === 1) return types[0]!;
  if (types.length > 1) return types.every((t) => t === 'number' || t === 'integer') ? 'number' : 'unknown';
  if (flat.properties.size > 0) return 'object';
  if (flat.items.length > 0) return 'array';
  const r = flat.restrictions;
  if (r.enum && r.enum.length > 0) {
    const kinds = new Set(r.enum.filter((v) => v !== null).map((v) => typeof v));
    if (kinds.size === 1) return kinds.has('string') ? 'string' : kinds.has('boolean') ? 'boolean' : 'number';
  }
  if (r.pattern !== undefined || r.minLength !== undefined || r.maxLength !== undefined || r.format !== undefined) return 'string';
  if (r.minimum !== undefined || r.maximum !== undefined || r.exclusiveMinimum !== undefined || r.exclusiveMaximum !== undefined) return 'number';
  return 'unknown';
}

function isNullSchema(node: unknown): boolean {
  if (!isObject(node)) return false;
  const keys = Object.keys(node).filter((k) => k !== 'description' && k !== 'title' && k !== '$comment');
  if (keys.length !== 1) return false;
  return node.type === 'null' || node.const === null || (Array.isArray(node.enum) && node.enum.length === 1 && node.enum[0] === null) || (Array.isArray(node.type) && node.type.length === 1 && node.type[0] === 'null');
}

function isEnumValue(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${String(value)}`;
}

function lastSegment(ref: string, separator = '/'): string {
  return ref.slice(ref.lastIndexOf(separator) + 1);
}
