/**
 * Form data between XML (how Altinn stores a form model, the C# XmlSerializer's shape) and JSON
 * (how the form app reads it), guided by the model's field tree from its JSON schema or XSD: the
 * tree says which elements are lists, objects, numbers, booleans or attributes. Elements the model
 * does not know are dropped, as XmlSerializer ignores them; `xsi:nil` is null both ways.
 */
import { parseXml, type XmlElement } from '../text/xmlDocument';
import type { DataModelField, DataModelTree } from './types';

const xsiUri = 'http://www.w3.org/2001/XMLSchema-instance';

/** The result of reading XML: the JSON model, and what could not be read (a non-empty list means the XML is refused). */
export interface XmlReadResult {
  readonly value: Record<string, unknown>;
  readonly problems: readonly string[];
}

/** Reads a form model from its XML text. */
export function xmlToModel(xmlText: string, tree: DataModelTree): XmlReadResult {
  const doc = parseXml(xmlText);
  const problems: string[] = doc.problems.map((p) => `The XML is not well-formed: ${p.message}`);
  const root = doc.root;
  if (!root) return { value: {}, problems: problems.length > 0 ? problems : ['The XML has no root element'] };
  if (tree.rootName && root.localName !== tree.rootName) problems.push(`The root element is <${root.localName}>, the model expects <${tree.rootName}>`);
  const value = readObject(root, tree.fields, problems, rootNameOf(tree));
  return { value: isNil(root) ? {} : (value as Record<string, unknown>), problems };
}

function isNil(el: XmlElement): boolean {
  return el.attributes.some((a) => a.localName === 'nil' && (a.namespaceUri === xsiUri || a.prefix === 'xsi') && (a.value === 'true' || a.value === '1'));
}

function readObject(el: XmlElement, fields: readonly DataModelField[], problems: string[], where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.xmlAttribute) {
      const attr = el.attributes.find((a) => a.localName === field.name && a.prefix !== 'xmlns' && a.name !== 'xmlns');
      if (attr) out[field.name] = readScalar(attr.value, field.repeating ? (field.itemType ?? 'string') : field.type, problems, `${where}/@${field.name}`);
      continue;
    }
    const matches = el.children.filter((c) => c.localName === field.name);
    if (field.repeating) {
      if (matches.length > 0) out[field.name] = matches.map((c, i) => readItem(c, field, field.itemType ?? 'unknown', problems, `${where}/${field.name}[${i + 1}]`));
    } else if (matches.length > 0) {
      out[field.name] = readItem(matches[0]!, field, field.type, problems, `${where}/${field.name}`);
    }
  }
  return out;
}

function readItem(el: XmlElement, field: DataModelField, type: DataModelField['type'], problems: string[], where: string): unknown {
  if (isNil(el)) return null;
  if (type === 'object' || (type === 'unknown' && field.children.length > 0)) return readObject(el, field.children, problems, where);
  return readScalar(el.text, type, problems, where);
}

function readScalar(text: string, type: DataModelField['type'], problems: string[], where: string): unknown {
  if (type === 'number' || type === 'integer') {
    const trimmed = text.trim();
    const n = Number(trimmed);
    if (trimmed === '' || !Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n))) {
      problems.push(`${where}: "${text}" is not ${type === 'integer' ? 'an integer' : 'a number'}`);
      return null;
    }
    return n;
  }
  if (type === 'boolean') {
    const trimmed = text.trim();
    if (trimmed === 'true' || trimmed === '1') return true;
    if (trimmed === 'false' || trimmed === '0') return false;
    problems.push(`${where}: "${text}" is not a boolean`);
    return null;
  }
  return text;
}

/** Writes a form model as XML, the way Altinn's XmlSerializer writes it (fields in model order, nulls as `xsi:nil`). */
export function modelToXml(value: unknown, tree: DataModelTree): string {
  const model = isRecord(value) ? value : {};
  const lines = ['<?xml version="1.0" encoding="utf-8"?>'];
  const rootName = rootNameOf(tree);
  const { attrs, body } = writeObject(model, tree.fields, '  ');
  const ns = ` xmlns:xsi="${xsiUri}" xmlns:xsd="http://www.w3.org/2001/XMLSchema"`;
  lines.push(body.length === 0 ? `<${rootName}${ns}${attrs} />` : `<${rootName}${ns}${attrs}>\n${body.join('\n')}\n</${rootName}>`);
  return lines.join('\n');
}

/** A model without an XML root name (a JSON-only schema) is written as <model>, and any root is read. */
const rootNameOf = (tree: DataModelTree): string => tree.rootName || 'model';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function writeObject(model: Record<string, unknown>, fields: readonly DataModelField[], indent: string): { attrs: string; body: string[] } {
  let attrs = '';
  const body: string[] = [];
  for (const field of fields) {
    const v = model[field.name];
    if (v === undefined) continue;
    if (field.xmlAttribute) {
      if (v !== null) attrs += ` ${field.name}="${escapeXml(scalarText(v), true)}"`;
      continue;
    }
    if (field.repeating) {
      if (Array.isArray(v)) for (const item of v) body.push(...writeElement(field.name, item, field.children, indent));
      continue;
    }
    body.push(...writeElement(field.name, v, field.children, indent));
  }
  return { attrs, body };
}

function writeElement(name: string, v: unknown, children: readonly DataModelField[], indent: string): string[] {
  if (v === null) return [`${indent}<${name} xsi:nil="true" />`];
  if (isRecord(v)) {
    const inner = writeObject(v, children, `${indent}  `);
    if (inner.body.length === 0) return [`${indent}<${name}${inner.attrs} />`];
    return [`${indent}<${name}${inner.attrs}>`, ...inner.body, `${indent}</${name}>`];
  }
  return [`${indent}<${name}>${escapeXml(scalarText(v), false)}</${name}>`];
}

/** A scalar as XSD writes it: numbers without exponent, booleans as true/false. */
function scalarText(v: unknown): string {
  if (typeof v === 'number') {
    const text = String(v);
    return /e/i.test(text) ? v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20, maximumSignificantDigits: 21 }) : text;
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function escapeXml(text: string, attribute: boolean): string {
  let out = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // Line ends and tabs are kept as character references so a parser cannot normalise them away.
  out = out.replace(/\r/g, '&#xD;');
  if (attribute) out = out.replace(/"/g, '&quot;').replace(/\n/g, '&#xA;').replace(/\t/g, '&#x9;');
  return out;
}
