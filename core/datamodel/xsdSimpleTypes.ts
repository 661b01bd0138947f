/**
 * XSD simple types as JSON values: which JSON type and format a built-in type becomes (the mapping
 * Altinn Studio's XSD → JSON Schema converter uses), and which limits a chain of restrictions puts
 * on a value.
 */
import type { XmlElement } from '../text/xmlDocument';
import type { DataModelFieldType, DataModelRestrictions } from './types';
import type { XsdFile } from './xsdSchema';

/** Longer derivation chains are not a data model; the limit keeps hostile input off the stack. */
const maxDerivation = 100;

/** What a simple type means for a JSON value. */
export interface SimpleInfo {
  readonly type: DataModelFieldType;
  /** Type of one entry, for `xs:list` (a JSON array). */
  readonly itemType?: DataModelFieldType;
  readonly restrictions: DataModelRestrictions;
  /** The built-in type at the bottom of the derivation chain (`date`, `long`, …). */
  readonly builtin?: string;
}

const integerTypes = ['integer', 'nonPositiveInteger', 'negativeInteger', 'nonNegativeInteger', 'positiveInteger', 'long', 'int', 'short', 'byte', 'unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte'];
const numberTypes = ['decimal', 'float', 'double'];
const stringTypes = ['string', 'anySimpleType', 'anyAtomicType', 'gMonthDay', 'gDay', 'gMonth', 'hexBinary', 'base64Binary', 'QName', 'NOTATION', 'normalizedString', 'token', 'language', 'NMTOKEN', 'NMTOKENS', 'Name', 'NCName', 'ID', 'IDREF', 'IDREFS', 'ENTITY', 'ENTITIES', 'yearMonthDuration', 'dayTimeDuration'];
const formats: Record<string, string> = { dateTime: 'date-time', date: 'date', time: 'time', duration: 'duration', anyURI: 'uri', gYear: 'year', gYearMonth: 'year-month' };
/** Limits on these are dates, not numbers: Altinn writes them as `formatMinimum` & co. */
const dateTypes = new Set(['date', 'dateTime', 'time', 'gYear', 'gYearMonth', 'gMonth', 'gDay', 'gMonthDay']);
const builtins = new Map<string, { type: DataModelFieldType; format?: string }>([
  ['boolean', { type: 'boolean' }],
  ['anyType', { type: 'unknown' }],
  ...integerTypes.map((t) => [t, { type: 'integer' }] as const),
  ...numberTypes.map((t) => [t, { type: 'number' }] as const),
  ...stringTypes.map((t) => [t, { type: 'string' }] as const),
  ...Object.entries(formats).map(([t, format]) => [t, { type: 'string', format }] as const),
]);

/** JSON type and format of a built-in XSD type (`long` → integer), or undefined for an unknown name. */
export function builtinType(name: string): { type: DataModelFieldType; format?: string } | undefined {
  return builtins.get(name);
}

/** True when limits on values of this built-in type are dates. */
function isDateType(builtin: string | undefined): boolean {
  return builtin !== undefined && dateTypes.has(builtin);
}

/** The meaning of a built-in type as a `SimpleInfo`; an unknown name is reported and read as a string. */
export function builtinInfo(xsd: XsdFile, at: XmlElement, name: string): SimpleInfo {
  const known = builtinType(name);
  if (!known) {
    xsd.problemAt(at, `"${name}" is not a built-in XML Schema type; it is read as a string`);
    return { type: 'string', restrictions: {}, builtin: 'string' };
  }
  return { type: known.type, restrictions: known.format ? { format: known.format } : {}, builtin: name };
}

/** What the simple type named by `qname` (written on `at`) means; `seen` stops circular derivations. */
export function simpleInfoOfName(xsd: XsdFile, at: XmlElement, qname: string, seen: ReadonlySet<XmlElement>): SimpleInfo {
  const target = xsd.typeTarget(at, qname);
  switch (target.kind) {
    case 'builtin':
      return builtinInfo(xsd, at, target.name);
    case 'simple':
      return simpleTypeInfo(xsd, target.node, seen);
    case 'complex':
      xsd.problemAt(at, `"${target.name}" is a complex type and cannot be the base of a simple value`);
      return { type: 'unknown', restrictions: {} };
    case 'missing':
      xsd.problemAt(at, `The type "${qname.trim()}" is not declared in this file`);
      return { type: 'unknown', restrictions: {} };
  }
}

/** What an `xs:simpleType` (named or inline) means for a JSON value. */
export function simpleTypeInfo(xsd: XsdFile, node: XmlElement, seen: ReadonlySet<XmlElement>): SimpleInfo {
  if (seen.has(node)) {
    xsd.problemAt(node, 'This simple type is derived from itself');
    return { type: 'unknown', restrictions: {} };
  }
  if (seen.size >= maxDerivation) {
    xsd.problemAt(node, `Simple types are derived more than ${maxDerivation} levels deep here; the value is not checked further`);
    return { type: 'unknown', restrictions: {} };
  }
  const inner = new Set(seen).add(node);
  const restriction = xsd.kid(node, 'restriction');
  if (restriction) return applyFacets(xsd, restriction, restrictionBase(xsd, restriction, inner));
  const list = xsd.kid(node, 'list');
  if (list) {
    const itemTypeName = xsd.attr(list, 'itemType');
    const inline = xsd.kid(list, 'simpleType');
    const item = itemTypeName ? simpleInfoOfName(xsd, list, itemTypeName, inner) : inline ? simpleTypeInfo(xsd, inline, inner) : undefined;
    if (!item) xsd.problemAt(list, 'An <xs:list> needs an itemType or an inline <xs:simpleType>');
    return { type: 'array', itemType: item?.type ?? 'string', restrictions: {} };
  }
  const union = xsd.kid(node, 'union');
  if (union) {
    xsd.problemAt(union, 'Altinn Studio does not support <xs:union>; the value is checked against the member types only loosely');
    const members = (xsd.attr(union, 'memberTypes') ?? '').split(/\s+/).filter(Boolean).map((m) => simpleInfoOfName(xsd, union, m, inner));
    members.push(...xsd.kids(union).filter((k) => k.localName === 'simpleType').map((k) => simpleTypeInfo(xsd, k, inner)));
    const types = new Set(members.map((m) => m.type));
    return { type: types.size === 1 ? [...types][0]! : 'unknown', restrictions: {} };
  }
  xsd.problemAt(node, 'An <xs:simpleType> needs a <xs:restriction>, <xs:list> or <xs:union>; it is read as a string');
  return { type: 'string', restrictions: {} };
}

/** The type an `xs:restriction` restricts: its `base`, or its inline `xs:simpleType`. */
export function restrictionBase(xsd: XsdFile, restriction: XmlElement, seen: ReadonlySet<XmlElement>): SimpleInfo {
  const base = xsd.attr(restriction, 'base');
  if (base) return simpleInfoOfName(xsd, restriction, base, seen);
  const inline = xsd.kid(restriction, 'simpleType');
  if (inline) return simpleTypeInfo(xsd, inline, seen);
  xsd.problemAt(restriction, 'An <xs:restriction> needs a base type; it is read as a string');
  return { type: 'string', restrictions: {}, builtin: 'string' };
}

const lengthFacets = { minLength: 'minLength', maxLength: 'maxLength', totalDigits: 'totalDigits', fractionDigits: 'fractionDigits' } as const;
const limitFacets = {
  minInclusive: ['minimum', 'formatMinimum'],
  maxInclusive: ['maximum', 'formatMaximum'],
  minExclusive: ['exclusiveMinimum', 'formatExclusiveMinimum'],
  maxExclusive: ['exclusiveMaximum', 'formatExclusiveMaximum'],
} as const;
/** Children of a restriction that are not facets (they occur in `simpleContent` restrictions). */
const notFacets = new Set(['simpleType', 'attribute', 'attributeGroup', 'anyAttribute', 'sequence', 'choice', 'all', 'group', 'whiteSpace', 'assertion']);

/** Only the limits the facets of one `xs:restriction` add (not those of its base). */
export function facetRestrictions(xsd: XsdFile, restriction: XmlElement, base: SimpleInfo): DataModelRestrictions {
  const r: DataModelRestrictions = {};
  const values: string[] = [];
  const patterns: string[] = [];
  for (const facet of xsd.kids(restriction)) {
    const name = facet.localName;
    const value = xsd.attr(facet, 'value');
    if (notFacets.has(name)) continue;
    if (value === undefined) {
      xsd.problemAt(facet, `<${facet.name}> needs a value`);
      continue;
    }
    if (name === 'enumeration') values.push(value);
    else if (name === 'pattern') patterns.push(value);
    else if (name === 'length' || name in lengthFacets) {
      const n = Number(value.trim());
      if (!Number.isInteger(n) || n < 0 || value.trim() === '') xsd.problemAt(facet, `${name}="${value}" is not a whole number`);
      else if (name === 'length') Object.assign(r, { minLength: n, maxLength: n });
      else r[lengthFacets[name as keyof typeof lengthFacets]] = n;
    } else if (name in limitFacets) {
      const [numeric, date] = limitFacets[name as keyof typeof limitFacets];
      const n = Number(value.trim());
      if (isDateType(base.builtin)) r[date] = value.trim();
      else if (value.trim() !== '' && Number.isFinite(n)) r[numeric] = n;
      else xsd.problemAt(facet, `${name}="${value}" is not a number`);
    } else {
      xsd.problemAt(facet, `<${facet.name}> is not a facet Altinn Studio knows; it is ignored`);
    }
  }
  if (values.length > 0) {
    const numeric = (base.type === 'number' || base.type === 'integer') && values.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
    r.enum = numeric ? values.map(Number) : values;
  }
  // Several patterns in one step are alternatives (XSD §4.3.4); one JSON pattern says the same.
  if (patterns.length > 0) r.pattern = patterns.length === 1 ? patterns[0]! : patterns.map((p) => `(?:${p})`).join('|');
  return r;
}

/** `base` with the facets of `restriction` applied; a derived facet replaces the base's one. */
function applyFacets(xsd: XsdFile, restriction: XmlElement, base: SimpleInfo): SimpleInfo {
  return { ...base, restrictions: { ...base.restrictions, ...facetRestrictions(xsd, restriction, base) } };
}

/** A `fixed`/`default` text as the JSON value a validator compares with: numbers and booleans typed. */
export function typedValue(text: string, type: DataModelFieldType | undefined): string | number | boolean {
  const trimmed = text.trim();
  if ((type === 'integer' || type === 'number') && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (type === 'boolean' && (trimmed === 'true' || trimmed === 'false' || trimmed === '1' || trimmed === '0')) return trimmed === 'true' || trimmed === '1';
  return text;
}
