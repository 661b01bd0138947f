/**
 * An XSD file read into what both the field tree and the JSON Schema conversion need: the global
 * declarations by name, the root element, and small helpers that answer XSD questions (occurrence,
 * type names, documentation) tolerantly. Only a single schema document is read: imports and
 * includes are reported, as Altinn Studio does not support them either.
 */
import { type XmlElement, parseXml } from '../text/xmlDocument';
import { lookupNamespaceUri, xmlNamespaces } from '../text/xmlQuery';
import type { DataModelProblem } from './types';

export const xsdNamespace = xmlNamespaces.xsd;
/** Beyond this many problems nobody reads them; hostile files could produce millions. */
const maxProblems = 1000;

/** A type attribute resolved: a built-in XSD type, a named type in this file, or nothing found. */
export type TypeTarget =
  | { readonly kind: 'builtin'; readonly name: string }
  | { readonly kind: 'simple'; readonly name: string; readonly node: XmlElement }
  | { readonly kind: 'complex'; readonly name: string; readonly node: XmlElement }
  | { readonly kind: 'missing'; readonly name: string };

export interface Occurs {
  readonly min: number;
  /** `Infinity` for `unbounded`. */
  readonly max: number;
  /** As written, when written (Altinn keeps them as `@xsdMinOccurs`/`@xsdMaxOccurs`). */
  readonly minText?: string;
  readonly maxText?: string;
}

/** A parsed XSD with its global declarations indexed by name. */
export class XsdFile {
  readonly schema: XmlElement | null;
  readonly elements = new Map<string, XmlElement>();
  readonly complexTypes = new Map<string, XmlElement>();
  readonly simpleTypes = new Map<string, XmlElement>();
  readonly groups = new Map<string, XmlElement>();
  readonly attributeGroups = new Map<string, XmlElement>();
  readonly attributes = new Map<string, XmlElement>();
  /** Global declarations in file order. */
  readonly globals: XmlElement[] = [];
  readonly root: XmlElement | undefined;
  readonly problems: DataModelProblem[] = [];
  /** Offsets where lines start, for problem positions. */
  private readonly lineStarts: number[] = [0];
  private readonly reported = new Set<string>();

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
    const doc = parseXml(text);
    for (const p of doc.problems) this.problems.push({ message: p.message, path: '', line: p.line, column: p.column });
    const root = doc.root;
    this.schema = root && root.localName === 'schema' ? root : null;
    if (root && !this.schema) this.problemAt(root, `The file is not an XML schema: its root element is <${root.name}>, expected <xs:schema>`);
    else if (this.schema && this.schema.namespaceUri !== xsdNamespace && this.schema.namespaceUri !== null) {
      this.problemAt(this.schema, `<${this.schema.name}> is not in the XML Schema namespace (${xsdNamespace})`);
    }
    if (this.schema) this.indexGlobals(this.schema);
    this.root = this.pickRoot();
  }

  /** Records a problem at the element's position (once, however often the declaration is read). */
  problemAt(at: XmlElement, message: string, path = ''): void {
    const key = `${at.start}:${message}`;
    if (this.reported.has(key) || this.problems.length > maxProblems) return;
    this.reported.add(key);
    if (this.problems.length === maxProblems) message = `More than ${maxProblems} problems; the rest are not listed`;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= at.start) low = mid;
      else high = mid - 1;
    }
    this.problems.push({ message, path, line: low + 1, column: at.start - this.lineStarts[low]! + 1 });
  }

  /** True when `el` is an XSD element (with this local name, when given). */
  is(el: XmlElement, localName?: string): boolean {
    if (localName !== undefined && el.localName !== localName) return false;
    // A schema whose prefix was never declared is still read as one; the parser reported it.
    return el.namespaceUri === xsdNamespace || (el.namespaceUri === null && this.schema !== null && this.schema.namespaceUri === null);
  }

  /** The XSD children of `el`, without annotations. */
  kids(el: XmlElement): XmlElement[] {
    return el.children.filter((c) => this.is(c) && c.localName !== 'annotation');
  }

  /** The first XSD child with this local name. */
  kid(el: XmlElement, localName: string): XmlElement | undefined {
    return el.children.find((c) => this.is(c, localName));
  }

  /** An unprefixed attribute's value. */
  attr(el: XmlElement, name: string): string | undefined {
    return el.attributes.find((a) => a.name === name)?.value;
  }

  /** `minOccurs`/`maxOccurs` of a particle; bad values are problems and read as the default 1. */
  occurs(el: XmlElement): Occurs {
    const minText = this.attr(el, 'minOccurs');
    const maxText = this.attr(el, 'maxOccurs');
    const min = this.count(el, 'minOccurs', minText);
    const max = maxText?.trim() === 'unbounded' ? Infinity : this.count(el, 'maxOccurs', maxText);
    if (max < min) this.problemAt(el, `maxOccurs (${maxText}) is less than minOccurs (${minText})`);
    return { min, max, ...(minText === undefined ? {} : { minText }), ...(maxText === undefined ? {} : { maxText: maxText.trim() }) };
  }

  private count(el: XmlElement, name: string, text: string | undefined): number {
    if (text === undefined) return 1;
    const n = Number(text.trim());
    if (Number.isInteger(n) && n >= 0 && text.trim() !== '') return n;
    this.problemAt(el, `${name}="${text}" is not a whole number${name === 'maxOccurs' ? ' or "unbounded"' : ''}`);
    return 1;
  }

  /** The local part of a QName attribute value (`xs:string` → `string`). */
  localOf(qname: string): string {
    const trimmed = qname.trim();
    return trimmed.slice(trimmed.indexOf(':') + 1);
  }

  /** What a `type`/`base`/`itemType` QName written on `el` names. */
  typeTarget(el: XmlElement, qname: string): TypeTarget {
    const trimmed = qname.trim();
    const colon = trimmed.indexOf(':');
    const prefix = colon === -1 ? '' : trimmed.slice(0, colon);
    const name = trimmed.slice(colon + 1);
    const ns = lookupNamespaceUri(el, prefix);
    // An undeclared xs:/xsd: prefix is a typo for the XSD namespace far more often than anything else.
    const builtin = ns === xsdNamespace || (ns === null && (prefix === 'xs' || prefix === 'xsd'));
    if (builtin) return { kind: 'builtin', name };
    const complex = this.complexTypes.get(name);
    if (complex) return { kind: 'complex', name, node: complex };
    const simple = this.simpleTypes.get(name);
    if (simple) return { kind: 'simple', name, node: simple };
    return { kind: 'missing', name };
  }

  /** The text of the first `xs:documentation` of `el`'s annotation, whitespace collapsed. */
  documentation(el: XmlElement): string | undefined {
    const doc = this.kid(el, 'annotation');
    const first = doc && this.kid(doc, 'documentation');
    if (!first) return undefined;
    let text = '';
    const pending: XmlElement[] = [first];
    while (pending.length > 0) {
      const node = pending.pop()!;
      text += ` ${node.text}`;
      for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
    }
    const collapsed = text.replace(/\s+/g, ' ').trim();
    return collapsed === '' ? undefined : collapsed;
  }

  /** `name="…" fixed="…"` pairs in the schema's own annotation: Altinn's `info` (e.g. `rootNode`). */
  schemaInfo(): Record<string, string> | undefined {
    const annotation = this.schema && this.kid(this.schema, 'annotation');
    const doc = annotation && this.kid(annotation, 'documentation');
    if (!doc) return undefined;
    const info: Record<string, string> = {};
    let found = false;
    for (const c of doc.children) {
      const name = this.attr(c, 'name');
      if (this.is(c, 'attribute') && name) {
        info[name] = this.attr(c, 'fixed') ?? '';
        found = true;
      }
    }
    return found ? info : undefined;
  }

  private indexGlobals(schema: XmlElement): void {
    const maps: Record<string, Map<string, XmlElement>> = {
      element: this.elements,
      complexType: this.complexTypes,
      simpleType: this.simpleTypes,
      group: this.groups,
      attributeGroup: this.attributeGroups,
      attribute: this.attributes,
    };
    for (const child of schema.children) {
      if (!this.is(child)) {
        this.problemAt(child, `<${child.name}> is not an XML Schema declaration and is ignored`);
        continue;
      }
      const map = maps[child.localName];
      if (!map) {
        if (child.localName === 'import' || child.localName === 'include' || child.localName === 'redefine' || child.localName === 'override') {
          this.problemAt(child, `<${child.name}> is not supported (Altinn Studio reads one schema file); its types are missing`);
        } else if (child.localName !== 'annotation' && child.localName !== 'notation') {
          this.problemAt(child, `<${child.name}> is not allowed at the top of a schema and is ignored`);
        }
        continue;
      }
      const name = this.attr(child, 'name');
      if (!name) {
        this.problemAt(child, `A global <${child.name}> needs a name; it is ignored`);
        continue;
      }
      if (map.has(name)) {
        this.problemAt(child, `There are two global ${child.localName}s named "${name}"; the first is used`);
        continue;
      }
      map.set(name, child);
      this.globals.push(child);
    }
  }

  /**
   * The message's root element: the only global element, else the first one no other element refers
   * to (SERES schemas declare every group as a global element and `ref` them from the message).
   */
  private pickRoot(): XmlElement | undefined {
    const globals = [...this.elements.values()];
    if (globals.length <= 1) {
      if (globals.length === 0 && this.schema) this.problemAt(this.schema, 'The schema has no global <xs:element>, so it has no root element and no fields');
      return globals[0];
    }
    const referenced = new Set<string>();
    const pending: XmlElement[] = [...this.schema!.children];
    while (pending.length > 0) {
      const el = pending.pop()!;
      const ref = this.is(el, 'element') ? this.attr(el, 'ref') : undefined;
      if (ref) referenced.add(this.localOf(ref));
      pending.push(...el.children);
    }
    return globals.find((g) => !referenced.has(this.attr(g, 'name')!)) ?? globals[0];
  }
}

/** Reads an XSD text. Never throws; see `problems`. */
export function readXsd(text: string): XsdFile {
  return new XsdFile(text);
}
