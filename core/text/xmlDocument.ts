/**
 * A tolerant XML reader that keeps every offset, for BPMN processes, XACML policies and XSD models.
 * It never throws: malformed input gives problems with positions and a best-effort tree, so the
 * studio can show a half-typed file and still edit it. The parser is a loop with an explicit stack
 * (no recursion), so deeply nested input cannot overflow the call stack.
 */
import { type TextProblem } from './textPosition';
import { LineIndex, decodeXml, isNameStart, isXmlSpace, nameEnd, skipSpace, splitName, unquotedValueEnd } from './xmlTokenizer';

/** An attribute as written. Offsets are string indices into `XmlDocument.text`. */
export interface XmlAttribute {
  /** Qualified name as written, e.g. `xsi:type`. */
  readonly name: string;
  readonly prefix: string | null;
  readonly localName: string;
  /** Unprefixed attributes are in no namespace; `xmlns` declarations are in the xmlns namespace. */
  readonly namespaceUri: string | null;
  /** The decoded (and attribute-value-normalised) value. */
  readonly value: string;
  /** The raw value lies between `valueStart` and `valueEnd`, without the quotes. */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** `null` when the value was written without quotes (a problem is reported). */
  readonly quote: '"' | "'" | null;
  readonly start: number;
  readonly end: number;
}

/** An element with its position: `text.slice(start, end)` is the whole element incl. its end tag. */
export interface XmlElement {
  /** Qualified name as written, e.g. `bpmn:task`. */
  readonly name: string;
  readonly prefix: string | null;
  readonly localName: string;
  /** Resolved from the `xmlns` declarations in scope; `null` when in no namespace. */
  readonly namespaceUri: string | null;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  readonly parent: XmlElement | null;
  readonly start: number;
  readonly end: number;
  /** Offset just after the `>` (or `/>`) of the start tag. */
  readonly startTagEnd: number;
  /** Offset of `</`; `null` for a self-closing element and for one that was never closed. */
  readonly endTagStart: number | null;
  readonly selfClosing: boolean;
  /** Decoded content of the direct text and CDATA children, whitespace included. */
  readonly text: string;
}

/** A parsed file: the text it was read from, its root element and what is wrong with it. */
export interface XmlDocument {
  readonly text: string;
  readonly root: XmlElement | null;
  readonly problems: readonly TextProblem[];
}

/** How to read a text that is not a whole file. */
export interface XmlParseOptions {
  /** Namespaces in scope before the first element (prefix → URI, `''` for the default), for fragments. */
  readonly namespaces?: Readonly<Record<string, string>>;
}

/** The namespaces of the reserved `xml:` and `xmlns:` prefixes. */
export const xmlNamespaceUri = 'http://www.w3.org/XML/1998/namespace';
export const xmlnsNamespaceUri = 'http://www.w3.org/2000/xmlns/';
/** More problems than this are summarised: nobody reads them, and hostile input could produce millions. */
const maxProblems = 1000;

type Draft = { -readonly [K in keyof XmlElement]: XmlElement[K] } & { children: XmlElement[] };
type Scope = ReadonlyMap<string, string>;

interface Open {
  readonly el: Draft;
  readonly scope: Scope;
}

/** Parses XML text into a position-keeping tree. Never throws. */
export function parseXml(text: string, options: XmlParseOptions = {}): XmlDocument {
  return new XmlReader(text, options).read();
}

class XmlReader {
  private pos = 0;
  private root: Draft | null = null;
  private readonly stack: Open[] = [];
  private readonly openNames = new Map<string, number>();
  private readonly problems: TextProblem[] = [];
  private lines: LineIndex | null = null;
  private overflow: TextProblem | null = null;
  private readonly initialScope: Scope;
  private readonly bodyStart: number;

  constructor(
    private readonly text: string,
    options: XmlParseOptions,
  ) {
    this.initialScope = new Map(Object.entries(options.namespaces ?? {}));
    this.bodyStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  read(): XmlDocument {
    const { text } = this;
    this.pos = this.bodyStart;
    while (this.pos < text.length) {
      const lt = text.indexOf('<', this.pos);
      const textEnd = lt === -1 ? text.length : lt;
      if (textEnd > this.pos) this.characterData(this.pos, textEnd);
      if (lt === -1) break;
      this.markup(lt);
    }
    this.closeRemaining();
    if (!this.root) this.report(text.length, 'The file has no root element');
    // Sorted by position (recovery reports some late), with the overflow note last.
    this.problems.sort((a, b) => a.offset - b.offset);
    if (this.overflow) this.problems.push(this.overflow);
    return { text, root: this.root, problems: this.problems };
  }

  private report(offset: number, message: string): void {
    this.lines ??= new LineIndex(this.text);
    if (this.problems.length < maxProblems) this.problems.push(this.lines.problem(offset, message));
    else this.overflow ??= this.lines.problem(offset, `More than ${maxProblems} problems; the rest are not listed`);
  }

  private readonly sink = (offset: number, message: string): void => this.report(offset, message);

  private get top(): Open | undefined {
    return this.stack[this.stack.length - 1];
  }

  private characterData(from: number, to: number): void {
    const top = this.top;
    if (top) {
      top.el.text += decodeXml(this.text.slice(from, to), from, false, this.sink);
      return;
    }
    for (let i = from; i < to; i++) {
      if (!isXmlSpace(this.text.charCodeAt(i))) {
        this.report(i, this.root ? 'Text after the root element' : 'Text before the root element');
        return;
      }
    }
  }

  private markup(lt: number): void {
    const { text } = this;
    const next = text.charCodeAt(lt + 1);
    if (next === 47 /* / */) this.endTag(lt);
    else if (next === 33 /* ! */) this.declaration(lt);
    else if (next === 63 /* ? */) this.processingInstruction(lt);
    else if (isNameStart(next)) this.startTag(lt);
    else {
      this.report(lt, 'A "<" that does not start a tag must be written &lt;');
      const top = this.top;
      if (top) top.el.text += '<';
      this.pos = lt + 1;
    }
  }

  /** Moves past `terminator` after `from`, or to the end of the file with a problem. */
  private skipTo(lt: number, from: number, terminator: string, what: string): string {
    const close = this.text.indexOf(terminator, from);
    if (close === -1) {
      this.report(lt, `${what} is not closed with "${terminator}"`);
      this.pos = this.text.length;
      return this.text.slice(from);
    }
    this.pos = close + terminator.length;
    return this.text.slice(from, close);
  }

  private declaration(lt: number): void {
    const { text } = this;
    if (text.startsWith('<!--', lt)) {
      this.skipTo(lt, lt + 4, '-->', 'The comment');
    } else if (text.startsWith('<![CDATA[', lt)) {
      const content = this.skipTo(lt, lt + 9, ']]>', 'The CDATA section');
      const top = this.top;
      if (top) top.el.text += content.replace(/\r\n?/g, '\n');
      else this.report(lt, 'CDATA outside the root element');
    } else if (text.startsWith('<!DOCTYPE', lt)) {
      if (this.root || this.stack.length > 0) this.report(lt, 'A DOCTYPE must come before the root element');
      this.skipDoctype(lt);
    } else {
      this.report(lt, 'Unknown markup "<!": expected a comment, CDATA or DOCTYPE');
      const close = text.indexOf('>', lt);
      this.pos = close === -1 ? text.length : close + 1;
    }
  }

  /** Skips a DOCTYPE, including an internal subset in brackets and quoted literals. */
  private skipDoctype(lt: number): void {
    const { text } = this;
    let depth = 0;
    let quote = 0;
    for (let i = lt + 9; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (quote !== 0) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 91) depth++;
      else if (ch === 93) depth--;
      else if (ch === 62 && depth <= 0) {
        this.pos = i + 1;
        return;
      }
    }
    this.report(lt, 'The DOCTYPE is not closed with ">"');
    this.pos = text.length;
  }

  private processingInstruction(lt: number): void {
    const target = this.text.slice(lt + 2, nameEnd(this.text, lt + 2));
    if (target.toLowerCase() === 'xml' && lt !== this.bodyStart) {
      this.report(lt, 'The XML declaration must be at the very start of the file');
    } else if (target === '') {
      this.report(lt, 'A processing instruction needs a name after "<?"');
    }
    this.skipTo(lt, lt + 2, '?>', 'The processing instruction');
  }

  private startTag(lt: number): void {
    const { text } = this;
    const nameStop = nameEnd(text, lt + 1);
    const name = text.slice(lt + 1, nameStop);
    const attributes: XmlAttribute[] = [];
    const names = new Set<string>();
    let i = nameStop;
    let selfClosing = false;
    let truncated = false;
    for (;;) {
      const afterSpace = skipSpace(text, i);
      const spaced = afterSpace > i;
      i = afterSpace;
      if (i >= text.length) {
        this.report(lt, `The file ends inside the start tag <${name}>`);
        truncated = true;
        break;
      }
      const ch = text.charCodeAt(i);
      if (ch === 62 /* > */) {
        i++;
        break;
      }
      if (ch === 47 /* / */ && text.charCodeAt(i + 1) === 62) {
        i += 2;
        selfClosing = true;
        break;
      }
      if (ch === 60 /* < */) {
        this.report(lt, `The start tag <${name}> is not closed with ">"`);
        break;
      }
      if (!isNameStart(ch)) {
        this.report(i, `Unexpected "${text[i]}" in the start tag <${name}>`);
        i++;
        continue;
      }
      if (!spaced) this.report(i, 'Attributes must be separated by whitespace');
      const attribute = this.attribute(i);
      if (names.has(attribute.name)) this.report(i, `The attribute "${attribute.name}" appears twice`);
      names.add(attribute.name);
      attributes.push(attribute);
      i = attribute.end;
    }
    this.openElement(lt, name, attributes, i, selfClosing, truncated);
  }

  private attribute(start: number): XmlAttribute {
    const { text } = this;
    const nameStop = nameEnd(text, start);
    const name = text.slice(start, nameStop);
    let valueStart = nameStop;
    let valueEnd = nameStop;
    let end = nameStop;
    let quote: '"' | "'" | null = null;
    const eq = skipSpace(text, nameStop);
    if (text.charCodeAt(eq) !== 61 /* = */) {
      this.report(start, `The attribute "${name}" has no value`);
    } else {
      const open = skipSpace(text, eq + 1);
      const q = text[open];
      if (q === '"' || q === "'") {
        quote = q;
        valueStart = open + 1;
        const close = text.indexOf(q, valueStart);
        if (close === -1) this.report(open, `The value of "${name}" is not closed with ${q}`);
        valueEnd = close === -1 ? text.length : close;
        end = close === -1 ? text.length : close + 1;
        const lt = text.slice(valueStart, valueEnd).indexOf('<');
        if (lt !== -1) this.report(valueStart + lt, `A "<" in the value of "${name}" must be written &lt;`);
      } else {
        const k = unquotedValueEnd(text, open);
        this.report(open, k > open ? `The value of "${name}" must be in quotes` : `The attribute "${name}" has no value`);
        valueStart = open;
        valueEnd = k;
        end = k;
      }
    }
    const value = decodeXml(text.slice(valueStart, valueEnd), valueStart, true, this.sink);
    return { name, ...splitName(name), namespaceUri: null, value, valueStart, valueEnd, quote, start, end };
  }

  private openElement(lt: number, name: string, raw: XmlAttribute[], tagEnd: number, selfClosing: boolean, truncated: boolean): void {
    const parentOpen = this.top;
    const scope = this.scopeWith(parentOpen?.scope ?? this.initialScope, raw);
    const { prefix, localName } = splitName(name);
    const attributes = raw.map((a) => ({ ...a, namespaceUri: this.attributeNamespace(a, scope) }));
    const parent = parentOpen?.el ?? null;
    const el: Draft = {
      name,
      prefix,
      localName,
      namespaceUri: this.resolve(prefix ?? '', scope, lt + 1, prefix !== null),
      attributes,
      children: [],
      parent,
      start: lt,
      end: selfClosing || truncated ? tagEnd : -1,
      startTagEnd: tagEnd,
      endTagStart: null,
      selfClosing,
      text: '',
    };
    if (parent) parent.children.push(el);
    else if (this.root) this.report(lt, `Only one root element is allowed; <${name}> is outside <${this.root.name}>`);
    else this.root = el;
    this.pos = tagEnd;
    if (selfClosing || truncated) return;
    this.stack.push({ el, scope });
    this.openNames.set(name, (this.openNames.get(name) ?? 0) + 1);
  }

  private scopeWith(outer: Scope, attributes: readonly XmlAttribute[]): Scope {
    let scope: Map<string, string> | null = null;
    for (const a of attributes) {
      const declared = a.name === 'xmlns' ? '' : a.prefix === 'xmlns' ? a.localName : null;
      if (declared === null) continue;
      if (declared !== '' && a.value === '') this.report(a.start, `The prefix "${declared}" cannot be bound to an empty namespace`);
      scope ??= new Map(outer);
      if (a.value === '') scope.delete(declared);
      else scope.set(declared, a.value);
    }
    return scope ?? outer;
  }

  private attributeNamespace(a: XmlAttribute, scope: Scope): string | null {
    if (a.name === 'xmlns' || a.prefix === 'xmlns') return xmlnsNamespaceUri;
    return a.prefix === null ? null : this.resolve(a.prefix, scope, a.start, true);
  }

  private resolve(prefix: string, scope: Scope, offset: number, required: boolean): string | null {
    if (prefix === 'xml') return xmlNamespaceUri;
    const uri = scope.get(prefix);
    if (uri === undefined && required) this.report(offset, `The namespace prefix "${prefix}" is not declared`);
    return uri ?? null;
  }

  private endTag(lt: number): void {
    const { text } = this;
    const nameStop = nameEnd(text, lt + 2);
    const name = text.slice(lt + 2, nameStop);
    let tagEnd = skipSpace(text, nameStop);
    if (text.charCodeAt(tagEnd) === 62) tagEnd++;
    else {
      this.report(tagEnd, name ? `The end tag </${name}> is not closed with ">"` : 'Expected a name after "</"');
      // Skip junk up to a `>`, but never past the next tag: searching the whole file would be quadratic.
      let k = tagEnd;
      while (k < text.length && text.charCodeAt(k) !== 62 && text.charCodeAt(k) !== 60) k++;
      if (text.charCodeAt(k) === 62) tagEnd = k + 1;
    }
    this.pos = Math.max(tagEnd, lt + 2);
    const top = this.top;
    if (!top) {
      this.report(lt, `The end tag </${name}> has no start tag`);
      return;
    }
    if (top.el.name !== name) {
      if (!this.openNames.get(name)) {
        this.report(lt, `The end tag </${name}> does not match <${top.el.name}>`);
        return;
      }
      while (this.top && this.top.el.name !== name) {
        this.report(this.top.el.start, `<${this.top.el.name}> is not closed before </${name}>`);
        this.pop(lt, null);
      }
    }
    this.pop(this.pos, lt);
  }

  private pop(end: number, endTagStart: number | null): void {
    const open = this.stack.pop();
    if (!open) return;
    open.el.end = end;
    open.el.endTagStart = endTagStart;
    const count = this.openNames.get(open.el.name) ?? 1;
    if (count <= 1) this.openNames.delete(open.el.name);
    else this.openNames.set(open.el.name, count - 1);
  }

  private closeRemaining(): void {
    for (const open of this.stack) this.report(open.el.start, `<${open.el.name}> is not closed`);
    while (this.stack.length > 0) this.pop(this.text.length, null);
  }
}
