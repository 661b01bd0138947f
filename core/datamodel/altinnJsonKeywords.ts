/**
 * The JSON Schema keywords Altinn's data modelling writes to keep XSD information, and small
 * builders for them and for object schemas, shared by the XSD → JSON Schema conversion and anything that validates with
 * its output. Ajv cannot register keyword names starting with "@", so validators of these schemas
 * need `strictSchema: false` (the app frontend does the same); `altinnAnnotationKeywords` lists what
 * that lets through on purpose.
 */
import { type XmlElement, xmlnsNamespaceUri } from '../text/xmlDocument';
import type { DataModelRestrictions } from './types';
import { builtinType } from './xsdSimpleTypes';
import { type XsdFile, xsdNamespace } from './xsdSchema';

export type JsonSchemaObject = Record<string, unknown>;

/** Keywords Altinn adds that only annotate (a validator must accept and ignore them). */
export const altinnAnnotationKeywords = [
  '@xsdNamespaces', '@xsdSchemaAttributes', '@xsdRootElement', '@xsdType', '@xsdStructure', '@xsdUnhandledAttributes',
  '@xsdUnhandledEnumAttributes', '@xsdNillable', '@xsdAttribute', '@xsdText', '@xsdMinOccurs', '@xsdMaxOccurs',
  '@xsdTotalDigits', '@xsdAnyAttribute', '@xsdAny', '@xsdRestrictions', 'info', 'texts',
] as const;

/** Date limits Altinn writes for XSD facets on date types; the frontend checks them with ajv-formats. */
export const altinnFormatLimitKeywords = ['formatMinimum', 'formatMaximum', 'formatExclusiveMinimum', 'formatExclusiveMaximum'] as const;

/** A built-in XSD type as Studio writes it: `@xsdType` plus JSON type and format. */
export function builtinSchema(name: string, nillable: boolean): JsonSchemaObject {
  const known = builtinType(name);
  if (!known || known.type === 'unknown') return { '@xsdType': name };
  return { '@xsdType': name, type: nillable ? [known.type, 'null'] : known.type, ...(known.format ? { format: known.format } : {}) };
}

/** A `type` value that also allows null (nillable). */
export function withNull(type: unknown): unknown {
  if (typeof type === 'string') return [type, 'null'];
  return Array.isArray(type) ? [...type.filter((t) => t !== 'null'), 'null'] : type;
}

/** Facet limits as JSON keywords, with Altinn's names for the ones JSON Schema lacks. */
export function restrictionsToJson(r: DataModelRestrictions): JsonSchemaObject {
  const out: JsonSchemaObject = {};
  for (const [key, value] of Object.entries(r)) {
    if (value === undefined || key === 'required') continue;
    if (key === 'totalDigits') out['@xsdTotalDigits'] = value;
    else if (key === 'fractionDigits') out.multipleOf = Number(`1e-${value as number}`);
    else out[key] = value;
  }
  return out;
}

const formNames: Record<string, string> = { qualified: 'Qualified', unqualified: 'Unqualified' };
const derivationNames: Record<string, string> = { '#all': 'All', extension: 'Extension', restriction: 'Restriction', substitution: 'Substitution', list: 'List', union: 'Union' };

/** `@xsdSchemaAttributes` as Studio writes it (the .NET enum names of `XmlSchema`'s properties). */
export function schemaAttributes(xsd: XsdFile, schema: XmlElement): JsonSchemaObject {
  const form = (name: string) => formNames[xsd.attr(schema, name)?.trim() ?? ''] ?? 'None';
  const derivation = (name: string) => {
    const tokens = (xsd.attr(schema, name) ?? '').split(/\s+/).filter(Boolean).map((t) => derivationNames[t] ?? t);
    return tokens.length === 0 ? 'None' : tokens.join(', ');
  };
  const out: JsonSchemaObject = {
    AttributeFormDefault: form('attributeFormDefault'),
    ElementFormDefault: form('elementFormDefault'),
    BlockDefault: derivation('blockDefault'),
    FinalDefault: derivation('finalDefault'),
  };
  const target = xsd.attr(schema, 'targetNamespace');
  if (target) out.TargetNamespace = target;
  return out;
}

/** Attributes from other namespaces (e.g. `seres:elementtype`): XSD ignores them, Studio keeps them. */
export function unhandledAttributes(el: XmlElement): JsonSchemaObject | undefined {
  const foreign = el.attributes.filter((a) => a.prefix !== null && a.namespaceUri !== xmlnsNamespaceUri && a.namespaceUri !== xsdNamespace);
  return foreign.length === 0 ? undefined : Object.fromEntries(foreign.map((a) => [a.name, a.value]));
}

/** `@xsdAnyAttribute` as Studio writes it. */
export function anyAttribute(xsd: XsdFile, node: XmlElement): JsonSchemaObject {
  const id = xsd.attr(node, 'id');
  const contents = xsd.attr(node, 'processContents')?.trim() ?? 'strict';
  return { ...(id ? { Id: id } : {}), Namespace: xsd.attr(node, 'namespace') ?? '##any', ProcessContent: contents.charAt(0).toUpperCase() + contents.slice(1) };
}

/**
 * One object schema collected in document order. Members that come as `$ref` steps (base types,
 * groups) sit between runs of properties; like Studio's StepsBuilder the runs before the last step
 * become `allOf` parts so readers list fields in XML order, and the last run stays flat.
 */
export class ObjectBuilder {
  private readonly segments: ({ properties: JsonSchemaObject; required: string[] } | JsonSchemaObject[])[] = [];
  private readonly names = new Set<string>();
  /** `allOf` parts that add rules but no fields (a choice's "exactly one"). */
  readonly constraints: JsonSchemaObject[] = [];
  readonly extra: JsonSchemaObject = {};

  constructor(private readonly onDuplicate: (name: string) => void) {}

  /** Adds a property at this point of the document order. */
  prop(name: string, schema: JsonSchemaObject, required: boolean): void {
    if (this.names.has(name)) this.onDuplicate(name);
    this.names.add(name);
    let run = this.segments[this.segments.length - 1];
    if (!run || Array.isArray(run)) this.segments.push((run = { properties: {}, required: [] }));
    run.properties[name] = schema;
    if (required && !run.required.includes(name)) run.required.push(name);
  }

  /** Adds a `$ref` step (base type, group) at this point of the document order. */
  step(schema: JsonSchemaObject): void {
    this.segments.push([schema]);
  }

  /** The object schema. */
  finish(): JsonSchemaObject {
    const out: JsonSchemaObject = { type: 'object', ...this.extra };
    const last = this.segments[this.segments.length - 1];
    const flat = last && !Array.isArray(last) ? last : undefined;
    const allOf: JsonSchemaObject[] = [];
    for (const segment of flat ? this.segments.slice(0, -1) : this.segments) {
      if (Array.isArray(segment)) allOf.push(...segment);
      else allOf.push({ properties: segment.properties, ...(segment.required.length > 0 ? { required: segment.required } : {}) });
    }
    if (flat) out.properties = flat.properties;
    if (flat && flat.required.length > 0) out.required = flat.required;
    allOf.push(...this.constraints);
    if (allOf.length > 0) out.allOf = allOf;
    return out;
  }
}
