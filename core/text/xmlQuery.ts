/**
 * Lookups on a parsed XML tree. Every walk is iterative because real files are shallow but hostile
 * ones are not, and namespace-aware lookups exist because Altinn apps do not all use the same prefixes.
 */
import { type XmlAttribute, type XmlDocument, type XmlElement, xmlNamespaceUri, xmlnsNamespaceUri } from './xmlDocument';

/** Namespaces of the files Studio edits. */
export const xmlNamespaces = {
  bpmn: 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  altinn: 'http://altinn.no/process',
  xacml: 'urn:oasis:names:tc:xacml:3.0:core:schema:wd-17',
  xsd: 'http://www.w3.org/2001/XMLSchema',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** All elements under and including `root`, in document order, that satisfy `predicate`. */
export function findElements(root: XmlElement | null, predicate: (el: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  if (!root) return found;
  const pending: XmlElement[] = [root];
  while (pending.length > 0) {
    const el = pending.pop()!;
    if (predicate(el)) found.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) pending.push(el.children[i]!);
  }
  return found;
}

/** True when `el` has this local name and, if given, this namespace. */
export function isElement(el: XmlElement, localName: string, namespaceUri?: string | null): boolean {
  return el.localName === localName && (namespaceUri === undefined || el.namespaceUri === namespaceUri);
}

/** The direct children of `el` with this local name (and namespace, when given). */
export function childrenByLocalName(el: XmlElement, localName: string, namespaceUri?: string | null): XmlElement[] {
  return el.children.filter((child) => isElement(child, localName, namespaceUri));
}

/** The first direct child of `el` with this local name (and namespace, when given). */
export function firstChild(el: XmlElement, localName: string, namespaceUri?: string | null): XmlElement | undefined {
  return el.children.find((child) => isElement(child, localName, namespaceUri));
}

/** All elements under and including `root` with this local name (and namespace, when given). */
export function descendantsByLocalName(root: XmlElement | null, localName: string, namespaceUri?: string | null): XmlElement[] {
  return findElements(root, (el) => isElement(el, localName, namespaceUri));
}

/**
 * The attribute with this local name. Without `namespaceUri` an unprefixed attribute wins over a
 * prefixed one (`id` before `xsi:id`); `null` asks for an unprefixed one only.
 */
export function attribute(el: XmlElement, localName: string, namespaceUri?: string | null): XmlAttribute | undefined {
  if (namespaceUri !== undefined) return el.attributes.find((a) => a.localName === localName && a.namespaceUri === namespaceUri);
  return el.attributes.find((a) => a.name === localName) ?? el.attributes.find((a) => a.localName === localName);
}

/** The decoded value of an attribute (see `attribute`), or undefined when absent. */
export function attributeValue(el: XmlElement, localName: string, namespaceUri?: string | null): string | undefined {
  return attribute(el, localName, namespaceUri)?.value;
}

/** The namespace URI bound to `prefix` (`''` for the default namespace) where `el` stands. */
export function lookupNamespaceUri(el: XmlElement, prefix: string): string | null {
  if (prefix === 'xml') return xmlNamespaceUri;
  if (prefix === 'xmlns') return xmlnsNamespaceUri;
  const declaration = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  for (let at: XmlElement | null = el; at; at = at.parent) {
    const declared = at.attributes.find((a) => a.name === declaration);
    if (declared) return declared.value === '' ? null : declared.value;
  }
  return null;
}

/**
 * A prefix bound to `namespaceUri` where `el` stands (`''` when it is the default namespace), or null
 * when none is; a prefix later re-bound to another namespace is skipped.
 */
export function lookupPrefix(el: XmlElement, namespaceUri: string): string | null {
  for (let at: XmlElement | null = el; at; at = at.parent) {
    for (const a of at.attributes) {
      if (a.value !== namespaceUri || a.namespaceUri !== xmlnsNamespaceUri) continue;
      const prefix = a.name === 'xmlns' ? '' : a.localName;
      if (lookupNamespaceUri(el, prefix) === namespaceUri) return prefix;
    }
  }
  return null;
}

/** The innermost element whose span contains `offset` (for a cursor in the code view). */
export function elementAt(doc: XmlDocument, offset: number): XmlElement | null {
  let at: XmlElement | null = doc.root && offset >= doc.root.start && offset < doc.root.end ? doc.root : null;
  while (at) {
    const inner: XmlElement | undefined = at.children.find((child) => offset >= child.start && offset < child.end);
    if (!inner) return at;
    at = inner;
  }
  return null;
}

/** Child indexes from the root down to `el`; with `elementByPath` it finds the same element after a re-parse. */
export function elementPath(el: XmlElement): number[] {
  const path: number[] = [];
  for (let at = el; at.parent; at = at.parent) path.push(at.parent.children.indexOf(at));
  return path.reverse();
}

/** The element at a path made by `elementPath`, or null when the tree no longer has it. */
export function elementByPath(root: XmlElement | null, path: readonly number[]): XmlElement | null {
  let at = root;
  for (const index of path) at = at?.children[index] ?? null;
  return at;
}
