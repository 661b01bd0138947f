/**
 * Converts an app's XSD data model to the JSON Schema the app frontend validates with, in the shape
 * Altinn Studio's data modelling (`XmlSchemaToJsonSchemaConverter`) writes: draft 2020-12, `$defs`,
 * the root as `oneOf: [{ $ref }]` (named type) or inline, `@xsd*` keywords that keep what JSON Schema
 * cannot say, and `$ref` steps (base types, groups) in `allOf` in document order. It differs on
 * purpose where Studio's output rejects valid data: fixed values and numeric enums are typed, and a
 * nillable named type also allows null. Attributes and elements share one `properties` run.
 */
import { type XmlElement, xmlnsNamespaceUri } from '../text/xmlDocument';
import { ObjectBuilder, anyAttribute, builtinSchema, type JsonSchemaObject, restrictionsToJson, schemaAttributes, unhandledAttributes, withNull } from './altinnJsonKeywords';
import type { DataModelFieldType, DataModelProblem } from './types';
import { builtinType, facetRestrictions, restrictionBase, simpleInfoOfName, typedValue } from './xsdSimpleTypes';
import { type XsdFile, readXsd } from './xsdSchema';

export { altinnAnnotationKeywords, altinnFormatLimitKeywords, type JsonSchemaObject, restrictionsToJson } from './altinnJsonKeywords';

export interface XsdConversionOptions {
  /** The `$id` to write (Studio writes the model file's URL); defaults to `schema.json` as Studio's converter does. */
  readonly id?: string;
}

export interface XsdConversion {
  readonly schema: JsonSchemaObject;
  readonly problems: readonly DataModelProblem[];
}

interface Context {
  readonly optional: boolean;
  readonly array: boolean;
}

/** Anonymous types nested deeper than this are not a data model; it keeps hostile input off the stack. */
const maxNesting = 200;
const plain: Context = { optional: false, array: false };

/** The XSD as Altinn's JSON Schema, with what could not be converted. Never throws. */
export function convertXsdToJsonSchema(xsdText: string, options: XsdConversionOptions = {}): XsdConversion {
  const xsd = readXsd(xsdText);
  const schema = new Converter(xsd).convert(options.id ?? 'schema.json');
  return { schema, problems: xsd.problems };
}

/** The XSD as Altinn's JSON Schema (problems are dropped; see `convertXsdToJsonSchema`). */
export function xsdToJsonSchema(xsdText: string, options: XsdConversionOptions = {}): JsonSchemaObject {
  return convertXsdToJsonSchema(xsdText, options).schema;
}

class Converter {
  private readonly defNames = new Map<XmlElement, string>();
  private rootReferenced = false;
  private depth = 0;

  constructor(private readonly xsd: XsdFile) {
    const used = new Set<string>();
    for (const g of xsd.globals) {
      const name = xsd.attr(g, 'name')!;
      // Studio keeps one namespace for all kinds of declaration; a clash gets the kind as a suffix.
      const defName = used.has(name) ? `${name}-${g.localName}` : name;
      if (defName !== name) xsd.problemAt(g, `"${name}" names both a ${g.localName} and another declaration; its definition is "${defName}"`);
      used.add(defName);
      this.defNames.set(g, defName);
    }
  }

  convert(id: string): JsonSchemaObject {
    const { xsd } = this;
    const out: JsonSchemaObject = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: id, type: 'object' };
    const schema = xsd.schema;
    if (!schema) return out;
    out['@xsdNamespaces'] = Object.fromEntries(schema.attributes.filter((a) => a.namespaceUri === xmlnsNamespaceUri).map((a) => [a.name === 'xmlns' ? '' : a.localName, a.value]));
    out['@xsdSchemaAttributes'] = schemaAttributes(xsd, schema);
    const unhandled = unhandledAttributes(schema);
    if (unhandled) out['@xsdUnhandledAttributes'] = unhandled;
    const info = xsd.schemaInfo();
    if (info) out.info = info;
    const root = xsd.root;
    if (root) {
      out['@xsdRootElement'] = xsd.attr(root, 'name');
      const typeName = xsd.attr(root, 'type');
      const target = typeName ? xsd.typeTarget(root, typeName) : undefined;
      if (target && (target.kind === 'complex' || target.kind === 'simple')) out.oneOf = [{ $ref: this.ref(target.node) }];
      else for (const [key, value] of Object.entries(this.elementBody(root))) if (key !== 'type' || value !== 'object') out[key] = value;
    }
    const defs: JsonSchemaObject = {};
    for (const g of xsd.globals) if (g !== root) defs[this.defNames.get(g)!] = this.globalSchema(g);
    if (root && this.rootReferenced) defs[this.defNames.get(root)!] = this.globalSchema(root);
    if (Object.keys(defs).length > 0) out.$defs = defs;
    return out;
  }

  private ref(node: XmlElement): string {
    if (node === this.xsd.root) this.rootReferenced = true;
    return `#/$defs/${this.defNames.get(node)}`;
  }

  private globalSchema(g: XmlElement): JsonSchemaObject {
    switch (g.localName) {
      case 'element':
        return this.elementBody(g);
      case 'complexType':
        return this.complexType(g);
      case 'simpleType':
        return this.simpleType(g);
      case 'attribute':
        return this.attribute(g).schema;
      default: {
        const builder = this.builder(g);
        for (const kid of this.xsd.kids(g)) this.member(builder, kid, plain, [g]);
        return builder.finish();
      }
    }
  }

  private builder(at: XmlElement): ObjectBuilder {
    return new ObjectBuilder((name) => this.xsd.problemAt(at, `Two elements or attributes are named "${name}"; JSON has one property for both`));
  }

  /** The schema of what an element holds (its type), without its occurrence. */
  private elementBody(el: XmlElement): JsonSchemaObject {
    const { xsd } = this;
    const nillable = xsd.attr(el, 'nillable')?.trim() === 'true';
    const typeName = xsd.attr(el, 'type');
    let body: JsonSchemaObject;
    let valueType: DataModelFieldType | undefined;
    if (typeName) {
      const target = xsd.typeTarget(el, typeName);
      if (target.kind === 'builtin') {
        body = builtinSchema(target.name, nillable);
        valueType = builtinType(target.name)?.type;
      } else if (target.kind === 'missing') {
        xsd.problemAt(el, `The type "${typeName.trim()}" is not declared in this file`);
        body = {};
      } else {
        // Studio writes `$ref` + `@xsdNillable`, which rejects the null it means to allow; the null branch says it.
        body = nillable ? { oneOf: [{ $ref: this.ref(target.node) }, { type: 'null' }], '@xsdNillable': true } : { $ref: this.ref(target.node) };
        if (target.kind === 'simple') valueType = simpleInfoOfName(xsd, el, typeName, new Set()).type;
      }
    } else {
      const complex = xsd.kid(el, 'complexType');
      const simple = xsd.kid(el, 'simpleType');
      body = complex ? this.nested(() => this.complexType(complex)) : simple ? this.simpleType(simple) : {};
      if (nillable && (complex || simple)) Object.assign(body, { type: withNull(body.type), '@xsdNillable': true });
      if (simple && typeof body.type === 'string') valueType = body.type as DataModelFieldType;
    }
    const fixed = xsd.attr(el, 'fixed');
    if (fixed !== undefined) body.const = typedValue(fixed, valueType);
    const fallback = xsd.attr(el, 'default');
    if (fallback !== undefined) body.default = typedValue(fallback, valueType);
    const description = xsd.documentation(el);
    if (description) body.description = description;
    return body;
  }

  private nested<T>(convert: () => T): T | JsonSchemaObject {
    if (this.depth >= maxNesting) {
      if (this.depth === maxNesting) this.xsd.problems.push({ message: `Anonymous types nest deeper than ${maxNesting} levels; deeper content is not converted`, path: '' });
      this.depth++;
      return {};
    }
    this.depth++;
    try {
      return convert();
    } finally {
      this.depth--;
    }
  }

  /** An element inside a content model: its property name, schema (with lists) and whether it is required. */
  private element(el: XmlElement, ctx: Context): { name: string; schema: JsonSchemaObject; required: boolean } | undefined {
    const { xsd } = this;
    const ref = xsd.attr(el, 'ref');
    const name = ref ? xsd.localOf(ref) : xsd.attr(el, 'name');
    if (!name) {
      xsd.problemAt(el, 'An <xs:element> needs a name or a ref; it is ignored');
      return undefined;
    }
    let schema: JsonSchemaObject;
    if (ref) {
      const global = xsd.elements.get(name);
      if (!global) xsd.problemAt(el, `The element "${ref}" is not declared in this file`);
      schema = global ? { $ref: this.ref(global), '@xsdType': '#ref' } : {};
      const description = xsd.documentation(el);
      if (description) schema.description = description;
    } else {
      schema = this.elementBody(el);
    }
    const occurs = xsd.occurs(el);
    if (ctx.array || occurs.max > 1) {
      const list: JsonSchemaObject = { type: 'array' };
      if (!ctx.optional && occurs.min > 0) list.minItems = occurs.min;
      if (occurs.max > 1 && occurs.max !== Infinity) list.maxItems = occurs.max;
      list.items = schema;
      schema = list;
    }
    if (occurs.minText !== undefined) schema['@xsdMinOccurs'] = occurs.min;
    if (occurs.maxText !== undefined) schema['@xsdMaxOccurs'] = occurs.maxText;
    const unhandled = unhandledAttributes(el);
    if (unhandled) schema['@xsdUnhandledAttributes'] = unhandled;
    return { name, schema, required: !ctx.optional && occurs.min > 0 };
  }

  private complexType(ct: XmlElement): JsonSchemaObject {
    const builder = this.builder(ct);
    for (const kid of this.xsd.kids(ct)) this.member(builder, kid, plain, []);
    const description = this.xsd.documentation(ct);
    if (description) builder.extra.description = description;
    return builder.finish();
  }

  /** Adds one child of a complex type, group or derivation step to `builder`. */
  private member(builder: ObjectBuilder, node: XmlElement, ctx: Context, groups: readonly XmlElement[]): void {
    const { xsd } = this;
    switch (node.localName) {
      case 'element': {
        const converted = this.element(node, ctx);
        if (converted) builder.prop(converted.name, converted.schema, converted.required);
        return;
      }
      case 'sequence':
      case 'choice':
      case 'all':
        this.nested(() => this.compositor(builder, node, ctx, groups));
        return;
      case 'group':
        return this.groupRef(builder, node, ctx, groups);
      case 'attribute': {
        const { name, schema, required } = this.attribute(node);
        if (name && xsd.attr(node, 'use')?.trim() !== 'prohibited') builder.prop(name, schema, required);
        return;
      }
      case 'attributeGroup': {
        const ref = xsd.attr(node, 'ref');
        const group = ref ? xsd.attributeGroups.get(xsd.localOf(ref)) : undefined;
        if (group) builder.step({ $ref: this.ref(group), '@xsdType': '#ref' });
        else xsd.problemAt(node, `The attribute group "${ref ?? ''}" is not declared in this file`);
        return;
      }
      case 'anyAttribute':
        builder.extra['@xsdAnyAttribute'] = anyAttribute(xsd, node);
        return;
      case 'simpleContent':
      case 'complexContent':
        return this.derivation(builder, node, groups);
      case 'any':
        builder.extra['@xsdAny'] = true;
        return;
      case 'simpleType':
        return;
      default:
        xsd.problemAt(node, `<${node.name}> is not expected here and is ignored`);
    }
  }

  private compositor(builder: ObjectBuilder, node: XmlElement, ctx: Context, groups: readonly XmlElement[]): void {
    const { xsd } = this;
    const occurs = xsd.occurs(node);
    const kind = node.localName;
    const inner: Context = { optional: ctx.optional || occurs.min === 0 || kind === 'choice', array: ctx.array || occurs.max > 1 };
    const members = xsd.kids(node);
    for (const member of members) this.member(builder, member, inner, groups);
    if (kind === 'all') builder.extra['@xsdStructure'] = 'all';
    if (kind !== 'choice') return;
    // XSD: exactly one alternative. Said in JSON only when each alternative is one required element.
    const names = members.map((m) => (m.localName === 'element' && xsd.occurs(m).min > 0 ? (xsd.attr(m, 'name') ?? xsd.localOf(xsd.attr(m, 'ref') ?? '')) : ''));
    if (!ctx.optional && occurs.min > 0 && names.length > 1 && names.every((n) => n !== '')) {
      builder.constraints.push({ oneOf: names.map((n) => ({ required: [n] })) });
    }
  }

  private groupRef(builder: ObjectBuilder, node: XmlElement, ctx: Context, groups: readonly XmlElement[]): void {
    const { xsd } = this;
    const ref = xsd.attr(node, 'ref');
    const group = ref ? xsd.groups.get(xsd.localOf(ref)) : undefined;
    if (!group || groups.includes(group)) {
      xsd.problemAt(node, group ? `The group "${ref}" contains itself` : `The group "${ref ?? ''}" is not declared in this file`);
      return;
    }
    const occurs = xsd.occurs(node);
    if (!ctx.optional && !ctx.array && occurs.min === 1 && occurs.max === 1) {
      builder.step({ $ref: this.ref(group), '@xsdType': '#ref' });
      return;
    }
    // Optional or repeating here: the group's own required names and single values would be wrong, so inline it.
    const inner: Context = { optional: ctx.optional || occurs.min === 0, array: ctx.array || occurs.max > 1 };
    for (const kid of xsd.kids(group)) this.member(builder, kid, inner, [...groups, group]);
  }

  /** `simpleContent`/`complexContent`: the base (as `$ref` or a `value` property), then the step's own members. */
  private derivation(builder: ObjectBuilder, node: XmlElement, groups: readonly XmlElement[]): void {
    const { xsd } = this;
    const step = xsd.kid(node, 'extension') ?? xsd.kid(node, 'restriction');
    if (!step) {
      xsd.problemAt(node, `<${node.name}> needs an <xs:extension> or <xs:restriction>`);
      return;
    }
    const baseName = xsd.attr(step, 'base');
    const target = baseName ? xsd.typeTarget(step, baseName) : undefined;
    const simple = node.localName === 'simpleContent';
    if (target?.kind === 'complex') builder.step({ $ref: this.ref(target.node) });
    if (simple) {
      // A restriction of a complex base narrows the inherited `value`; both schemas apply to it.
      const value = target?.kind === 'complex' ? {} : target ? this.typeSchema(step, baseName!) : this.inlineBase(step);
      if (step.localName === 'restriction') {
        const base = target?.kind === 'complex' ? { type: 'unknown' as const, restrictions: {} } : restrictionBase(xsd, step, new Set());
        Object.assign(value, restrictionsToJson(facetRestrictions(xsd, step, base)));
      }
      if (Object.keys(value).length > 0 || target?.kind !== 'complex') builder.prop('value', { '@xsdText': true, ...value }, step.localName === 'extension');
    } else if (target?.kind !== 'complex' && !(target?.kind === 'builtin' && target.name === 'anyType')) {
      xsd.problemAt(step, baseName ? `The base type "${baseName}" is not a complex type declared in this file` : `<${step.name}> needs a base type`);
    }
    for (const kid of xsd.kids(step)) {
      if (!simple || kid.localName.startsWith('attribute') || kid.localName === 'anyAttribute') this.member(builder, kid, plain, groups);
    }
  }

  /** The inline `xs:simpleType` a base-less restriction restricts. */
  private inlineBase(step: XmlElement): JsonSchemaObject {
    const inline = this.xsd.kid(step, 'simpleType');
    if (inline) return this.nested(() => this.simpleType(inline));
    this.xsd.problemAt(step, `<${step.name}> needs a base type`);
    return {};
  }

  /** A `type`/`base` reference as a schema: built-in types inline, named ones as `$ref`. */
  private typeSchema(at: XmlElement, qname: string): JsonSchemaObject {
    const target = this.xsd.typeTarget(at, qname);
    if (target.kind === 'builtin') return builtinSchema(target.name, false);
    if (target.kind === 'missing') {
      this.xsd.problemAt(at, `The type "${qname.trim()}" is not declared in this file`);
      return {};
    }
    return { $ref: this.ref(target.node) };
  }

  private simpleType(st: XmlElement): JsonSchemaObject {
    const { xsd } = this;
    const restriction = xsd.kid(st, 'restriction');
    if (restriction) {
      const baseName = xsd.attr(restriction, 'base');
      const inline = xsd.kid(restriction, 'simpleType');
      const base = baseName ? this.typeSchema(restriction, baseName) : inline ? this.nested(() => this.simpleType(inline)) : {};
      const baseInfo = restrictionBase(xsd, restriction, new Set());
      const facets = restrictionsToJson(facetRestrictions(xsd, restriction, baseInfo));
      // `$ref` next to other keywords is valid in 2020-12, but Studio keeps a named base and its facets apart;
      // the facets' branch repeats the type so validators in strict mode know what the keywords apply to.
      const typed = baseInfo.type === 'unknown' || baseInfo.type === 'object' ? facets : { type: baseInfo.type, ...facets };
      const out: JsonSchemaObject = '$ref' in base && Object.keys(facets).length > 0 ? { allOf: [base, typed] } : { ...base, ...facets };
      out['@xsdStructure'] = 'XmlSchemaSimpleTypeRestriction';
      return out;
    }
    const list = xsd.kid(st, 'list');
    if (list) {
      const itemType = xsd.attr(list, 'itemType');
      const inline = xsd.kid(list, 'simpleType');
      return { type: 'array', items: itemType ? this.typeSchema(list, itemType) : inline ? this.nested(() => this.simpleType(inline)) : {} };
    }
    const union = xsd.kid(st, 'union');
    if (union) {
      xsd.problemAt(union, 'Altinn Studio does not support <xs:union>; it is written as anyOf its member types');
      const members = (xsd.attr(union, 'memberTypes') ?? '').split(/\s+/).filter(Boolean).map((m) => this.typeSchema(union, m));
      for (const kid of xsd.kids(union)) if (kid.localName === 'simpleType') members.push(this.nested(() => this.simpleType(kid)));
      return { anyOf: members };
    }
    xsd.problemAt(st, 'An <xs:simpleType> needs a <xs:restriction>, <xs:list> or <xs:union>');
    return { type: 'string' };
  }

  private attribute(node: XmlElement): { name: string | undefined; schema: JsonSchemaObject; required: boolean } {
    const { xsd } = this;
    const ref = xsd.attr(node, 'ref');
    const name = ref ? xsd.localOf(ref) : xsd.attr(node, 'name');
    let schema: JsonSchemaObject;
    let valueType: DataModelFieldType | undefined;
    if (ref) {
      const global = xsd.attributes.get(name!);
      if (!global) xsd.problemAt(node, `The attribute "${ref}" is not declared in this file`);
      schema = global ? { $ref: this.ref(global), '@xsdType': '#ref' } : {};
    } else {
      const typeName = xsd.attr(node, 'type');
      const inline = xsd.kid(node, 'simpleType');
      schema = typeName ? this.typeSchema(node, typeName) : inline ? this.simpleType(inline) : { type: 'string' };
      valueType = typeName ? simpleInfoOfName(xsd, node, typeName, new Set()).type : typeof schema.type === 'string' ? (schema.type as DataModelFieldType) : undefined;
    }
    if (!name) xsd.problemAt(node, 'An <xs:attribute> needs a name or a ref; it is ignored');
    const fixed = xsd.attr(node, 'fixed');
    if (fixed !== undefined) schema.const = typedValue(fixed, valueType);
    const fallback = xsd.attr(node, 'default');
    if (fallback !== undefined) schema.default = typedValue(fallback, valueType);
    schema['@xsdAttribute'] = true;
    const unhandled = unhandledAttributes(node);
    if (unhandled) schema['@xsdUnhandledAttributes'] = unhandled;
    return { name, schema, required: xsd.attr(node, 'use')?.trim() === 'required' };
  }
}
