/**
 * Reads the field tree straight from an XSD, the way Altinn maps XML to JSON: elements and
 * attributes become properties, `maxOccurs` > 1 makes a list, simple content becomes a `value`
 * property next to the attributes. It is written independently of `xsdToJsonSchema` so the two can
 * check each other against the `*.schema.json` files Altinn Studio generated.
 */
import type { XmlElement } from '../text/xmlDocument';
import { FieldCollector, type FieldDraft, finishTree, joinPath, makeRepeating, newField, putField } from './treeBuilder';
import type { DataModelTree } from './types';
import { type SimpleInfo, builtinInfo, facetRestrictions, simpleInfoOfName, simpleTypeInfo, typedValue } from './xsdSimpleTypes';
import { type XsdFile, readXsd } from './xsdSchema';

/** Where a particle stands: inside an optional group (nothing required) or a repeating one (all lists). */
interface Context {
  readonly optional: boolean;
  readonly array: boolean;
}

type Content =
  | { readonly kind: 'simple'; readonly info: SimpleInfo; readonly xsdType?: string }
  | { readonly kind: 'complex'; readonly node: XmlElement; readonly xsdType?: string };

/** Complex types and groups being expanded, outermost first: meeting one again is recursion. */
type Stack = readonly XmlElement[];

const unknownInfo: SimpleInfo = { type: 'unknown', restrictions: {} };
const particles = new Set(['element', 'sequence', 'choice', 'all', 'group', 'any']);
/** Compositors nested deeper than this are not a data model; it keeps hostile input off the stack. */
const maxNesting = 200;

/** The bindable fields of an XSD data model (its root element's content). Never throws; see `problems`. */
export function fieldTreeFromXsd(xsdText: string): DataModelTree {
  const xsd = readXsd(xsdText);
  const collector = new FieldCollector();
  const root = xsd.root;
  let fields: FieldDraft[] = [];
  if (root) {
    const reader = new XsdFieldReader(xsd, collector);
    const content = reader.contentOf(root);
    if (content.kind === 'complex') fields = reader.complexFields(content.node, '', [content.node], 0);
    else xsd.problemAt(root, `The root element <${xsd.attr(root, 'name')}> has a simple type, so the model has no fields`);
  }
  const all = new FieldCollector([...xsd.problems, ...collector.problems]);
  return finishTree(root ? (xsd.attr(root, 'name') ?? '') : '', fields, all);
}

/** Records where `decl` writes the field's name (a `ref`'s value points at the reference, where the field is placed). */
function markName(field: FieldDraft, decl: XmlElement): void {
  const written = decl.attributes.find((a) => a.namespaceUri === null && (a.localName === 'name' || a.localName === 'ref'));
  if (written) field.xsdName = { offset: written.valueStart, length: written.valueEnd - written.valueStart };
}

class XsdFieldReader {
  private nesting = 0;

  constructor(
    private readonly xsd: XsdFile,
    private readonly collector: FieldCollector,
  ) {}

  /** What an element declaration holds: a simple value or a complex type's content. */
  contentOf(decl: XmlElement): Content {
    const { xsd } = this;
    const typeName = xsd.attr(decl, 'type');
    if (typeName) {
      const target = xsd.typeTarget(decl, typeName);
      if (target.kind === 'complex') return { kind: 'complex', node: target.node, xsdType: target.name };
      const info = target.kind === 'builtin' ? builtinInfo(xsd, decl, target.name) : simpleInfoOfName(xsd, decl, typeName, new Set());
      return { kind: 'simple', info, xsdType: target.name };
    }
    const complex = xsd.kid(decl, 'complexType');
    if (complex) return { kind: 'complex', node: complex };
    const simple = xsd.kid(decl, 'simpleType');
    if (simple) return { kind: 'simple', info: simpleTypeInfo(xsd, simple, new Set()) };
    return { kind: 'simple', info: unknownInfo, xsdType: 'anyType' };
  }

  /** The fields a complex type (or a derivation step of one) declares, attributes included. */
  complexFields(node: XmlElement, path: string, stack: Stack, depth: number): FieldDraft[] {
    const out: FieldDraft[] = [];
    // Derivation does not deepen paths, so the stack of open types is limited separately.
    if (stack.length > maxNesting) this.xsd.problemAt(node, `Types are derived more than ${maxNesting} levels deep here; the rest is not listed`, path);
    else if (this.collector.withinDepth(path, depth)) this.content(node, path, stack, depth, out);
    return out;
  }

  private content(node: XmlElement, path: string, stack: Stack, depth: number, out: FieldDraft[]): void {
    const root: Context = { optional: false, array: false };
    for (const kid of this.xsd.kids(node)) {
      const name = kid.localName;
      if (particles.has(name)) this.particle(kid, path, root, stack, depth, out);
      else if (name === 'attribute' || name === 'attributeGroup') this.attributes(kid, path, stack, out);
      else if (name === 'simpleContent') this.simpleContent(kid, path, stack, depth, out);
      else if (name === 'complexContent') this.complexContent(kid, path, stack, depth, out);
      else if (name !== 'anyAttribute' && name !== 'simpleType' && name !== 'assert' && name !== 'openContent') {
        this.xsd.problemAt(kid, `<${kid.name}> is not expected here and is ignored`, path);
      }
    }
  }

  private add(out: FieldDraft[], field: FieldDraft, at: XmlElement): void {
    if (!putField(out, field)) this.xsd.problemAt(at, `Two elements or attributes are named "${field.name}"; JSON has one property for both`, field.path);
  }

  private particle(node: XmlElement, path: string, ctx: Context, stack: Stack, depth: number, out: FieldDraft[]): void {
    const { xsd } = this;
    const kind = node.localName;
    if (kind === 'element') {
      const field = this.element(node, path, ctx, stack, depth);
      if (field) this.add(out, field, node);
      return;
    }
    if (kind === 'any') return;
    if (this.nesting >= maxNesting) {
      xsd.problemAt(node, `Groups nest deeper than ${maxNesting} levels here; deeper content is not listed`, path);
      return;
    }
    this.nesting++;
    try {
      this.group(node, path, ctx, stack, depth, out);
    } finally {
      this.nesting--;
    }
  }

  private group(node: XmlElement, path: string, ctx: Context, stack: Stack, depth: number, out: FieldDraft[]): void {
    const { xsd } = this;
    const kind = node.localName;
    const occurs = xsd.occurs(node);
    // Choice members are alternatives, so none is required; a repeating group makes every member a list.
    const inner: Context = { optional: ctx.optional || occurs.min === 0 || kind === 'choice', array: ctx.array || occurs.max > 1 };
    let members: XmlElement[] = xsd.kids(node);
    let innerStack = stack;
    if (kind === 'group') {
      const ref = xsd.attr(node, 'ref');
      const group = ref ? xsd.groups.get(xsd.localOf(ref)) : undefined;
      if (!group) {
        xsd.problemAt(node, ref ? `The group "${ref}" is not declared in this file` : 'An <xs:group> here needs a ref', path);
        return;
      }
      if (stack.includes(group)) {
        xsd.problemAt(node, `The group "${ref}" contains itself`, path);
        return;
      }
      members = xsd.kids(group);
      innerStack = [...stack, group];
    }
    for (const member of members) {
      if (particles.has(member.localName)) this.particle(member, path, inner, innerStack, depth, out);
      else xsd.problemAt(member, `<${member.name}> is not expected in <${node.name}> and is ignored`, path);
    }
  }

  private element(el: XmlElement, parentPath: string, ctx: Context, stack: Stack, depth: number): FieldDraft | undefined {
    const { xsd } = this;
    const ref = xsd.attr(el, 'ref');
    const name = ref ? xsd.localOf(ref) : xsd.attr(el, 'name');
    if (!name) {
      xsd.problemAt(el, 'An <xs:element> needs a name or a ref; it is ignored', parentPath);
      return undefined;
    }
    const path = joinPath(parentPath, name);
    if (!this.collector.admit(path)) return undefined;
    const decl = ref ? xsd.elements.get(name) : el;
    const occurs = xsd.occurs(el);
    const field = newField(name, path);
    markName(field, el);
    if (!decl) {
      xsd.problemAt(el, `The element "${ref}" is not declared in this file`, path);
    } else {
      this.describeElement(field, el, decl, stack, depth);
    }
    if (!ctx.optional && occurs.min > 0) field.restrictions.required = true;
    if (ctx.array || occurs.max > 1) {
      makeRepeating(field);
      if (!ctx.optional && occurs.min > 0) field.restrictions.minItems = occurs.min;
      if (occurs.max > 1 && occurs.max !== Infinity) field.restrictions.maxItems = occurs.max;
    }
    return field;
  }

  private describeElement(field: FieldDraft, el: XmlElement, decl: XmlElement, stack: Stack, depth: number): void {
    const { xsd } = this;
    if (xsd.attr(decl, 'nillable')?.trim() === 'true') field.nullable = true;
    const description = xsd.documentation(el) ?? (decl === el ? undefined : xsd.documentation(decl));
    if (description) field.description = description;
    const content = this.contentOf(decl);
    if (content.xsdType) field.xsdType = content.xsdType;
    if (content.kind === 'simple') {
      field.type = content.info.type;
      field.repeating = field.type === 'array';
      if (content.info.itemType) field.itemType = content.info.itemType;
      field.restrictions = { ...content.info.restrictions };
      const fixed = xsd.attr(decl, 'fixed');
      if (fixed !== undefined) field.restrictions.enum = [typedValue(fixed, field.type)];
      return;
    }
    field.type = 'object';
    if (stack.includes(content.node)) {
      field.recursive = true;
      this.collector.problem(field.path, `"${field.path}" has the type of one of the fields it is inside; its fields are listed at the outer level only`);
      return;
    }
    field.children = this.complexFields(content.node, field.path, [...stack, content.node], depth + 1);
  }

  private attributes(node: XmlElement, path: string, stack: Stack, out: FieldDraft[]): void {
    const { xsd } = this;
    if (node.localName === 'attributeGroup') {
      const ref = xsd.attr(node, 'ref');
      const group = ref ? xsd.attributeGroups.get(xsd.localOf(ref)) : undefined;
      if (!group || stack.includes(group)) {
        xsd.problemAt(node, group ? `The attribute group "${ref}" contains itself` : `The attribute group "${ref ?? ''}" is not declared in this file`, path);
        return;
      }
      for (const kid of xsd.kids(group)) if (kid.localName === 'attribute' || kid.localName === 'attributeGroup') this.attributes(kid, path, [...stack, group], out);
      return;
    }
    const field = this.attribute(node, path);
    if (field) this.add(out, field, node);
  }

  private attribute(node: XmlElement, parentPath: string): FieldDraft | undefined {
    const { xsd } = this;
    const ref = xsd.attr(node, 'ref');
    const name = ref ? xsd.localOf(ref) : xsd.attr(node, 'name');
    const use = xsd.attr(node, 'use')?.trim();
    if (!name || use === 'prohibited') {
      if (!name) xsd.problemAt(node, 'An <xs:attribute> needs a name or a ref; it is ignored', parentPath);
      return undefined;
    }
    const path = joinPath(parentPath, name);
    if (!this.collector.admit(path)) return undefined;
    const decl = ref ? xsd.attributes.get(name) : node;
    if (!decl) xsd.problemAt(node, `The attribute "${ref}" is not declared in this file`, path);
    const typeName = decl && xsd.attr(decl, 'type');
    const inline = decl && xsd.kid(decl, 'simpleType');
    const info = typeName ? simpleInfoOfName(xsd, decl!, typeName, new Set()) : inline ? simpleTypeInfo(xsd, inline, new Set()) : decl ? { type: 'string' as const, restrictions: {} } : unknownInfo;
    const field = newField(name, path);
    markName(field, node);
    field.type = info.type;
    field.repeating = field.type === 'array';
    if (info.itemType) field.itemType = info.itemType;
    field.restrictions = { ...info.restrictions };
    field.xmlAttribute = true;
    if (typeName) field.xsdType = xsd.localOf(typeName);
    const fixed = (decl && xsd.attr(decl, 'fixed')) ?? xsd.attr(node, 'fixed');
    if (fixed !== undefined) field.restrictions.enum = [typedValue(fixed, field.type)];
    if (use === 'required') field.restrictions.required = true;
    const description = xsd.documentation(node) ?? (decl && decl !== node ? xsd.documentation(decl) : undefined);
    if (description) field.description = description;
    return field;
  }

  /** A text value with attributes: Altinn's JSON has the text as a `value` property next to them. */
  private simpleContent(node: XmlElement, path: string, stack: Stack, depth: number, out: FieldDraft[]): void {
    const { xsd } = this;
    const step = xsd.kid(node, 'extension') ?? xsd.kid(node, 'restriction');
    if (!step) {
      xsd.problemAt(node, '<xs:simpleContent> needs an <xs:extension> or <xs:restriction>', path);
      return;
    }
    const baseName = xsd.attr(step, 'base');
    const target = baseName ? xsd.typeTarget(step, baseName) : undefined;
    let valueInfo: SimpleInfo | undefined;
    if (target?.kind === 'complex') {
      if (stack.includes(target.node)) xsd.problemAt(step, `The type "${baseName}" is derived from itself`, path);
      else for (const f of this.complexFields(target.node, path, [...stack, target.node], depth)) putField(out, f);
    } else if (baseName) {
      valueInfo = simpleInfoOfName(xsd, step, baseName, new Set());
    } else {
      const inline = xsd.kid(step, 'simpleType');
      if (inline) valueInfo = simpleTypeInfo(xsd, inline, new Set());
      else xsd.problemAt(step, `<${step.name}> needs a base type`, path);
    }
    if (valueInfo) {
      const value = newField('value', joinPath(path, 'value'));
      value.type = valueInfo.type;
      value.restrictions = { ...valueInfo.restrictions, required: true };
      if (target) value.xsdType = target.name;
      putField(out, value);
    }
    const value = out.find((f) => f.name === 'value');
    if (step.localName === 'restriction' && value) {
      Object.assign(value.restrictions, facetRestrictions(xsd, step, valueInfo ?? { type: value.type, restrictions: value.restrictions }));
    }
    for (const kid of xsd.kids(step)) if (kid.localName === 'attribute' || kid.localName === 'attributeGroup') this.attributes(kid, path, stack, out);
  }

  /** Derivation from another complex type: the base's fields, then this step's own. */
  private complexContent(node: XmlElement, path: string, stack: Stack, depth: number, out: FieldDraft[]): void {
    const { xsd } = this;
    const step = xsd.kid(node, 'extension') ?? xsd.kid(node, 'restriction');
    if (!step) {
      xsd.problemAt(node, '<xs:complexContent> needs an <xs:extension> or <xs:restriction>', path);
      return;
    }
    const baseName = xsd.attr(step, 'base');
    const target = baseName ? xsd.typeTarget(step, baseName) : undefined;
    if (target?.kind === 'complex') {
      if (stack.includes(target.node)) xsd.problemAt(step, `The type "${baseName}" is derived from itself`, path);
      else for (const f of this.complexFields(target.node, path, [...stack, target.node], depth)) putField(out, f);
    } else if (!(target?.kind === 'builtin' && target.name === 'anyType')) {
      xsd.problemAt(step, baseName ? `The base type "${baseName}" is not a complex type declared in this file` : `<${step.name}> needs a base type`, path);
    }
    const own: FieldDraft[] = [];
    this.content(step, path, stack, depth, own);
    // A restriction re-declares the base's members it keeps; an extension appends new ones.
    for (const f of own) {
      if (step.localName === 'restriction') putField(out, f);
      else this.add(out, f, step);
    }
  }
}
