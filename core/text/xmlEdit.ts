/**
 * Minimal, format-preserving edits of a parsed XML file. Each edit replaces only the bytes that carry
 * the change, written in the file's own style (quote character, line ending, indentation), so a
 * visual edit shows up in a diff as exactly the line a person would have changed by hand.
 */
import { lineEndingOf } from './textPosition';
import { type XmlDocument, type XmlElement, parseXml } from './xmlDocument';
import {
  detectIndentUnit,
  indentBefore,
  isBlank,
  lineBreakBefore,
  lineBreakLength,
  lineEndOf,
  lineIndentOf,
  lineStartOf,
  reindent,
} from './xmlLayout';
import { lookupNamespaceUri } from './xmlQuery';
import { cdataOf, escapeAttribute, escapeText, isNameStart, isQualifiedName, isXmlSpace } from './xmlTokenizer';

/** One replacement: `text.slice(start, end)` of the text before the edit becomes `insert`. */
export interface XmlChange {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

/** The outcome of an edit: the new text, the changes that made it (none when nothing changed), and its parse. */
export interface XmlEdit {
  readonly text: string;
  readonly changes: readonly XmlChange[];
  /** Parses the new text (once; later calls return the same document). */
  reparse(): XmlDocument;
}

/** Applies non-overlapping changes, given with offsets into `text`, in any order. */
export function applyXmlChanges(text: string, changes: readonly XmlChange[]): string {
  const ordered = [...changes].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const change of ordered) {
    out += text.slice(at, change.start) + change.insert;
    at = change.end;
  }
  return out + text.slice(at);
}

function editOf(doc: XmlDocument, changes: readonly XmlChange[]): XmlEdit {
  const text = changes.length === 0 ? doc.text : applyXmlChanges(doc.text, changes);
  let parsed: XmlDocument | null = changes.length === 0 ? doc : null;
  return { text, changes, reparse: () => (parsed ??= parseXml(text)) };
}

/** Edits need offsets that belong to `doc`: an element from an older parse would corrupt the text. */
function assertCurrent(doc: XmlDocument, el: XmlElement): void {
  if (el.end > doc.text.length || !doc.text.startsWith(`<${el.name}`, el.start)) {
    throw new Error(`<${el.name}> is not part of this document; re-parse after each edit and look the element up again`);
  }
}

/** An element without its end tag has a guessed extent; editing it could swallow the text after it. */
function assertClosed(el: XmlElement): void {
  if (!el.selfClosing && el.endTagStart === null) throw new Error(`<${el.name}> has no end tag; fix the file before editing it`);
}

/** End of the last name or attribute in a start tag, i.e. where `/>` or `>` may be preceded by spaces. */
function startTagContentEnd(el: XmlElement): number {
  return el.attributes[el.attributes.length - 1]?.end ?? el.start + 1 + el.name.length;
}

/** Sets (or adds) an attribute, keeping the quote style and the tag's layout. */
export function setAttribute(doc: XmlDocument, el: XmlElement, name: string, value: string): XmlEdit {
  assertCurrent(doc, el);
  if (!isQualifiedName(name)) throw new Error(`"${name}" is not a valid attribute name`);
  const { text } = doc;
  const existing = el.attributes.find((a) => a.name === name);
  if (existing) {
    if (existing.quote !== null) {
      if (text[existing.valueEnd] !== existing.quote) throw new Error(`The value of "${name}" is not closed; fix the file before editing it`);
      if (existing.value === value) return editOf(doc, []);
      return editOf(doc, [{ start: existing.valueStart, end: existing.valueEnd, insert: escapeAttribute(value, existing.quote) }]);
    }
    const hasEquals = text.slice(existing.start, existing.valueStart).includes('=');
    const quoted = `"${escapeAttribute(value, '"')}"`;
    return editOf(doc, [{ start: existing.valueStart, end: existing.valueEnd, insert: hasEquals ? quoted : `=${quoted}` }]);
  }
  const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : null;
  if (prefix !== null && prefix !== 'xmlns' && lookupNamespaceUri(el, prefix) === null) {
    throw new Error(`The namespace prefix "${prefix}" is not declared where <${el.name}> stands`);
  }
  const attributes = el.attributes;
  const last = attributes[attributes.length - 1];
  const quote = last?.quote ?? '"';
  const written = `${name}=${quote}${escapeAttribute(value, quote)}${quote}`;
  if (!last) return editOf(doc, [{ start: el.start + 1 + el.name.length, end: el.start + 1 + el.name.length, insert: ` ${written}` }]);
  const before = attributes[attributes.length - 2]?.end ?? el.start + 1 + el.name.length;
  const gap = text.slice(before, last.start);
  const onOwnLines = /[\r\n]/.test(gap);
  const separator = onOwnLines ? lineEndingOf(text) + gap.slice(Math.max(gap.lastIndexOf('\n'), gap.lastIndexOf('\r')) + 1) : ' ';
  return editOf(doc, [{ start: last.end, end: last.end, insert: separator + written }]);
}

/** Removes an attribute and the whitespace before it; nothing changes when it is absent. */
export function removeAttribute(doc: XmlDocument, el: XmlElement, name: string): XmlEdit {
  assertCurrent(doc, el);
  const { text } = doc;
  const index = el.attributes.findIndex((a) => a.name === name);
  const target = el.attributes[index];
  if (!target) return editOf(doc, []);
  const floor = el.attributes[index - 1]?.end ?? el.start + 1 + el.name.length;
  let start = target.start;
  while (start > floor && isXmlSpace(text.charCodeAt(start - 1))) start--;
  // Without whitespace after it, the space before is all that keeps the neighbours apart.
  if (isNameStart(text.charCodeAt(target.end))) start = target.start;
  return editOf(doc, [{ start, end: target.end, insert: '' }]);
}

interface Segment {
  readonly start: number;
  readonly end: number;
  readonly kind: 'text' | 'cdata' | 'other';
}

/** Markup that can stand in the content of an element without child elements; a stray `<` is text. */
const contentMarkup: readonly (readonly [string, string, Segment['kind']])[] = [
  ['<![CDATA[', ']]>', 'cdata'],
  ['<!--', '-->', 'other'],
  ['<?', '?>', 'other'],
  ['</', '>', 'other'],
  ['<!', '>', 'other'],
];

/** Splits the content of an element without child elements into text, CDATA and other markup. */
function contentSegments(text: string, from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let textStart = from;
  let i = from;
  const flush = (end: number): void => {
    if (end > textStart) segments.push({ start: textStart, end, kind: 'text' });
  };
  while (i < to) {
    const lt = text.indexOf('<', i);
    if (lt === -1 || lt >= to) break;
    const markup = contentMarkup.find(([open]) => text.startsWith(open, lt));
    if (!markup) {
      i = lt + 1;
      continue;
    }
    const [open, close, kind] = markup;
    const found = text.indexOf(close, lt + open.length);
    const end = found === -1 || found + close.length > to ? to : found + close.length;
    flush(lt);
    segments.push({ start: lt, end, kind });
    textStart = i = end;
  }
  flush(to);
  return segments;
}

/**
 * Replaces the text content of an element without child elements (comments in it are kept); a
 * self-closing element is expanded to `<x>text</x>`. Content written as one CDATA section stays CDATA.
 */
export function setText(doc: XmlDocument, el: XmlElement, value: string): XmlEdit {
  assertCurrent(doc, el);
  assertClosed(el);
  if (el.children.length > 0) throw new Error(`<${el.name}> has child elements; setText only replaces the text of an element without them`);
  if (el.text === value) return editOf(doc, []);
  const { text } = doc;
  const lineEnding = lineEndingOf(text);
  const escaped = escapeText(value, lineEnding);
  if (el.selfClosing) {
    let start = el.end - 2;
    while (start > startTagContentEnd(el) && isXmlSpace(text.charCodeAt(start - 1))) start--;
    return editOf(doc, [{ start, end: el.end, insert: `>${escaped}</${el.name}>` }]);
  }
  const contentEnd = el.endTagStart ?? el.end;
  const segments = contentSegments(text, el.startTagEnd, contentEnd);
  const written = (segment: Segment | undefined): string => (segment?.kind === 'cdata' ? (cdataOf(value, lineEnding) ?? escaped) : escaped);
  if (!segments.some((s) => s.kind === 'other')) {
    const only = segments.length === 1 ? segments[0] : undefined;
    return editOf(doc, [{ start: el.startTagEnd, end: contentEnd, insert: written(only) }]);
  }
  const textual = segments.filter((s) => s.kind !== 'other');
  const first = textual[0];
  if (!first) return editOf(doc, [{ start: el.startTagEnd, end: el.startTagEnd, insert: escaped }]);
  return editOf(doc, [
    { start: first.start, end: first.end, insert: written(first) },
    ...textual.slice(1).map((s) => ({ start: s.start, end: s.end, insert: '' })),
  ]);
}

/** The prefix → URI bindings in scope at `el`, so a snippet can be checked where it will stand. */
function namespacesInScope(el: XmlElement): Record<string, string> {
  const scope: Record<string, string> = {};
  for (let at: XmlElement | null = el; at; at = at.parent) {
    for (const a of at.attributes) {
      const prefix = a.name === 'xmlns' ? '' : a.prefix === 'xmlns' ? a.localName : null;
      if (prefix !== null && !(prefix in scope)) scope[prefix] = a.value;
    }
  }
  for (const [prefix, uri] of Object.entries(scope)) if (uri === '') delete scope[prefix];
  return scope;
}

/**
 * Inserts one element (given as XML text) as child number `index` (default: last), on its own line
 * with its siblings' indentation, in the file's line ending and indentation unit.
 */
export function insertChild(doc: XmlDocument, parent: XmlElement, xmlSnippet: string, index?: number): XmlEdit {
  assertCurrent(doc, parent);
  assertClosed(parent);
  const checked = parseXml(xmlSnippet.trim(), { namespaces: namespacesInScope(parent) });
  const problem = checked.problems[0];
  if (problem) throw new Error(`The XML to insert is not well-formed: ${problem.message} (line ${problem.line}, column ${problem.column})`);
  const { text } = doc;
  const lineEnding = lineEndingOf(text);
  const unit = detectIndentUnit(text);
  const children = parent.children;
  const at = Math.max(0, Math.min(index ?? children.length, children.length));
  const anchor = children[Math.min(at, children.length - 1)];
  if (anchor) {
    const indent = indentBefore(text, anchor.start);
    if (indent === null) {
      const inline = reindent(xmlSnippet, lineIndentOf(text, anchor.start), unit, lineEnding);
      const offset = at < children.length ? anchor.start : anchor.end;
      return editOf(doc, [{ start: offset, end: offset, insert: inline }]);
    }
    const body = reindent(xmlSnippet, indent, unit, lineEnding);
    if (at < children.length) {
      const lineStart = lineStartOf(text, anchor.start);
      return editOf(doc, [{ start: lineStart, end: lineStart, insert: indent + body + lineEnding }]);
    }
    const lineEnd = lineEndOf(text, anchor.end);
    const after = isBlank(text, anchor.end, lineEnd) ? lineEnd : anchor.end;
    return editOf(doc, [{ start: after, end: after, insert: lineEnding + indent + body }]);
  }
  const parentIndent = lineIndentOf(text, parent.start);
  const childIndent = parentIndent + unit;
  const body = reindent(xmlSnippet, childIndent, unit, lineEnding);
  const block = `${lineEnding}${childIndent}${body}${lineEnding}${parentIndent}`;
  if (parent.selfClosing) {
    let start = parent.end - 2;
    while (start > startTagContentEnd(parent) && isXmlSpace(text.charCodeAt(start - 1))) start--;
    return editOf(doc, [{ start, end: parent.end, insert: `>${block}</${parent.name}>` }]);
  }
  const contentEnd = parent.endTagStart ?? parent.end;
  const endLine = lineStartOf(text, contentEnd);
  if (endLine > parent.startTagEnd && isBlank(text, endLine, contentEnd)) {
    return editOf(doc, [{ start: endLine, end: endLine, insert: childIndent + body + lineEnding }]);
  }
  const blank = text.slice(parent.startTagEnd, contentEnd).trim() === '';
  return editOf(doc, [{ start: blank ? parent.startTagEnd : contentEnd, end: contentEnd, insert: block }]);
}

/** Removes an element, with its whole line when it stood alone on it. The root cannot be removed. */
export function removeElement(doc: XmlDocument, el: XmlElement): XmlEdit {
  assertCurrent(doc, el);
  assertClosed(el);
  if (!el.parent) throw new Error(`<${el.name}> is the root element and cannot be removed`);
  const { text } = doc;
  const start = lineStartOf(text, el.start);
  const end = lineEndOf(text, el.end);
  if (!isBlank(text, start, el.start) || !isBlank(text, el.end, end)) return editOf(doc, [{ start: el.start, end: el.end, insert: '' }]);
  const lineBreak = lineBreakLength(text, end);
  if (lineBreak > 0) return editOf(doc, [{ start, end: end + lineBreak, insert: '' }]);
  return editOf(doc, [{ start: start - lineBreakBefore(text, start), end, insert: '' }]);
}
