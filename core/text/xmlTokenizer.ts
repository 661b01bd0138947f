/**
 * Character-level pieces of the XML reader: name characters, entity decoding, escaping and a line
 * index. Kept apart from the tree builder so the edit functions can reuse the same rules the parser
 * applies, which is what makes an edit re-parse to exactly the value that was written.
 */
import { type TextProblem } from './textPosition';

/** True for a character that may start an XML name (ASCII letters, `_`, `:` and anything non-ASCII). */
export function isNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 58 || code >= 0x80;
}

/** True for a character that may continue an XML name. */
export function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57) || code === 45 || code === 46;
}

/** True for XML whitespace (space, tab, LF, CR). */
export function isXmlSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** Index of the first character at or after `from` that is not part of a name. */
export function nameEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  return i;
}

/** Index of the first non-whitespace character at or after `from`. */
export function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isXmlSpace(text.charCodeAt(i))) i++;
  return i;
}

/** End of an attribute value written without quotes (malformed, but read as far as it plausibly goes). */
export function unquotedValueEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isXmlSpace(c) || c === 62 || c === 60 || (c === 47 && text.charCodeAt(i + 1) === 62)) break;
    i++;
  }
  return i;
}

/** True when `name` is a well-formed (qualified) XML name: at most one colon, not at either end. */
export function isQualifiedName(name: string): boolean {
  if (name.length === 0 || !isNameStart(name.charCodeAt(0)) || nameEnd(name, 0) !== name.length) return false;
  const colon = name.indexOf(':');
  return colon === -1 || (colon > 0 && colon < name.length - 1 && name.indexOf(':', colon + 1) === -1);
}

/** Splits a qualified name at its colon. */
export function splitName(name: string): { prefix: string | null; localName: string } {
  const colon = name.indexOf(':');
  return colon === -1 ? { prefix: null, localName: name } : { prefix: name.slice(0, colon), localName: name.slice(colon + 1) };
}

const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const referencePattern = /&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/y;

/** Receives a problem found while decoding, at an offset of the whole file. */
export type ProblemSink = (offset: number, message: string) => void;

/**
 * Decodes raw character data the way an XML processor reports it: line endings become `\n`, entity
 * and character references are replaced, and in attribute values whitespace characters become spaces
 * (attribute-value normalisation). `base` is the offset of `raw` in the file, for problem positions.
 */
export function decodeXml(raw: string, base: number, inAttribute: boolean, report: ProblemSink): string {
  const needsWork = raw.includes('&') || raw.includes('\r') || (inAttribute && (raw.includes('\n') || raw.includes('\t')));
  if (!needsWork) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch === '&') {
      referencePattern.lastIndex = i;
      const match = referencePattern.exec(raw);
      const decoded = match ? resolveReference(match[1]!) : null;
      if (match && decoded !== null) {
        out += decoded;
        i += match[0].length;
        continue;
      }
      report(base + i, match ? `Unknown entity "${match[0]}": write & as &amp;` : 'A bare "&" must be written &amp;');
      out += '&';
    } else if (ch === '\r') {
      out += inAttribute ? ' ' : '\n';
      if (raw[i + 1] === '\n') i++;
    } else if (inAttribute && (ch === '\n' || ch === '\t')) {
      out += ' ';
    } else {
      out += ch;
    }
    i++;
  }
  return out;
}

function resolveReference(ref: string): string | null {
  if (ref[0] !== '#') return predefined[ref] ?? null;
  const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return String.fromCodePoint(code);
}

/**
 * Escapes an attribute value for the given quote. Tab, LF and CR are written as character
 * references because a reader would otherwise turn them into spaces.
 */
export function escapeAttribute(value: string, quote: '"' | "'"): string {
  let out = '';
  for (const ch of value) {
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === quote) out += quote === '"' ? '&quot;' : '&apos;';
    else if (ch === '\n') out += '&#10;';
    else if (ch === '\r') out += '&#13;';
    else if (ch === '\t') out += '&#9;';
    else out += ch;
  }
  return out;
}

/**
 * Escapes character data. `>` is escaped only where it would end a CDATA marker; a lone CR becomes a
 * reference (a reader turns a raw one into LF), and LF is written as the file's line ending.
 */
export function escapeText(value: string, lineEnding: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/]]>/g, ']]&gt;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, lineEnding);
}

/** Writes `value` as one or more CDATA sections (a `]]>` inside is split across two sections). */
export function cdataOf(value: string, lineEnding: string): string | null {
  if (value.includes('\r')) return null;
  return `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>').replace(/\n/g, lineEnding)}]]>`;
}

/** Maps offsets to 1-based lines and columns with the same rules as `lineColumnAt`, in O(log n). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) this.starts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** The problem record for `offset`. */
  problem(offset: number, message: string): TextProblem {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { message, offset: at, line: low + 1, column: at - this.starts[low]! + 1 };
  }
}
