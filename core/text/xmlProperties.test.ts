import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type XmlDocument, type XmlElement, parseXml } from './xmlDocument';
import { insertChild, removeAttribute, removeElement, setAttribute, setText } from './xmlEdit';
import { elementByPath, elementPath, findElements } from './xmlQuery';

/** The content of an element, as the properties compare it: no positions, no namespace declarations. */
interface Model {
  name: string;
  attrs: [string, string][];
  /** Text of a leaf; null for an element with children. */
  text: string | null;
  children: Model[];
}

/** A generated element: its model plus how it is written. */
interface Written extends Model {
  children: Written[];
  doubleQuotes: boolean[];
  attrsOnOwnLines: boolean;
  selfClose: boolean;
  spaceBeforeSlash: boolean;
  commentBefore: boolean;
}

interface Format {
  unit: string;
  eol: string;
  declaration: boolean;
  bom: boolean;
}

const namespaces = ' xmlns:p="urn:p" xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"';
const charsOf = (chars: string[]) => fc.string({ unit: fc.constantFrom(...chars), maxLength: 12 });
const valueChars = ['a', 'b', 'Z', ' ', '&', '<', '>', '"', "'", 'æ', '→', ';', '#', '\n', '\t', '\r', ']'];
const attrValue = charsOf(valueChars);
const textValue = charsOf(valueChars.filter((c) => c !== '\t'));
const attrNames = ['id', 'name', 'x', 'p:y', 'bpmn:z'];

const element: fc.Memo<Written> = fc.memo((depth) =>
  fc.record({
    name: fc.constantFrom('a', 'task', 'p:item', 'bpmn:task'),
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom(...attrNames), attrValue), { selector: ([name]) => name, maxLength: 3 }),
    children: depth <= 1 ? fc.constant<Written[]>([]) : fc.array(element(depth - 1), { maxLength: 3 }),
    leafText: textValue,
    doubleQuotes: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    attrsOnOwnLines: fc.boolean(),
    selfClose: fc.boolean(),
    spaceBeforeSlash: fc.boolean(),
    commentBefore: fc.boolean(),
  }).map(({ leafText, ...rest }) => ({ ...rest, text: rest.children.length === 0 ? leafText : null })),
);

const format: fc.Arbitrary<Format> = fc.record({
  unit: fc.constantFrom('  ', '    ', '\t'),
  eol: fc.constantFrom('\n', '\r\n'),
  declaration: fc.boolean(),
  bom: fc.boolean(),
});

function escapeValue(value: string, quote: string): string {
  const refs: Record<string, string> = { '&': '&amp;', '<': '&lt;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };
  return [...value].map((c) => refs[c] ?? (c === quote ? (quote === '"' ? '&quot;' : '&apos;') : c)).join('');
}

function escapeContent(value: string, eol: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;').replace(/\n/g, eol);
}

function write(node: Written, depth: number, f: Format, extra = ''): string {
  const indent = f.unit.repeat(depth);
  const sep = node.attrsOnOwnLines ? f.eol + indent + f.unit : ' ';
  const attrs = node.attrs.map(([name, value], i) => {
    const q = node.doubleQuotes[i] ? '"' : "'";
    return `${sep}${name}=${q}${escapeValue(value, q)}${q}`;
  });
  const open = `<${node.name}${extra}${attrs.join('')}`;
  if (node.children.length === 0) {
    if (node.text === '' && node.selfClose) return `${open}${node.spaceBeforeSlash ? ' ' : ''}/>`;
    return `${open}>${escapeContent(node.text ?? '', f.eol)}</${node.name}>`;
  }
  const inner = node.children.map((child) => {
    const comment = child.commentBefore ? `${indent}${f.unit}<!-- a comment -->${f.eol}` : '';
    return `${comment}${indent}${f.unit}${write(child, depth + 1, f)}${f.eol}`;
  });
  return `${open}>${f.eol}${inner.join('')}${indent}</${node.name}>`;
}

function serialise(root: Written, f: Format): string {
  const prolog = (f.bom ? '\uFEFF' : '') + (f.declaration ? `<?xml version="1.0" encoding="UTF-8"?>${f.eol}` : '');
  return `${prolog}${write(root, 0, f, namespaces)}${f.eol}`;
}

function modelOf(el: XmlElement): Model {
  return {
    name: el.name,
    attrs: el.attributes.filter((a) => a.name !== 'xmlns' && a.prefix !== 'xmlns').map((a) => [a.name, a.value]),
    text: el.children.length === 0 ? el.text : null,
    children: el.children.map(modelOf),
  };
}

function plain(node: Model): Model {
  return { name: node.name, attrs: node.attrs.map(([n, v]) => [n, v]), text: node.text, children: node.children.map(plain) };
}

/** The model with `change` applied to the node at `path`. */
function changed(root: Model, path: readonly number[], change: (node: Model) => void): Model {
  const copy = plain(root);
  let at = copy;
  for (const i of path) at = at.children[i]!;
  change(at);
  return copy;
}

/** How many lines differ: the larger of the removed and added runs between common head and tail. */
function changedLines(before: string, after: string): number {
  const a = before.split(/(?<=\n)/);
  const b = after.split(/(?<=\n)/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return Math.max(a.length - head - tail, b.length - head - tail);
}

const newlines = (s: string): number => s.split('\n').length - 1;

const scenario = fc.record({ root: element(4), format, pick: fc.nat(), attr: fc.constantFrom(...attrNames), value: attrValue, text: textValue });

function setUp(s: { root: Written; format: Format; pick: number }): { doc: XmlDocument; target: XmlElement; path: number[] } {
  const doc = parseXml(serialise(s.root, s.format));
  expect(doc.problems).toEqual([]);
  const all = findElements(doc.root, () => true);
  const target = all[s.pick % all.length]!;
  return { doc, target, path: elementPath(target) };
}

describe('XML edits on generated files (fast-check)', () => {
  it('parses what was written back to the same tree, and leaves the text alone', () => {
    fc.assert(
      fc.property(element(4), format, (root, f) => {
        const text = serialise(root, f);
        const doc = parseXml(text);
        expect(doc.problems).toEqual([]);
        expect(doc.text).toBe(text);
        expect(modelOf(doc.root!)).toEqual(plain(root));
      }),
    );
  });

  it('setAttribute changes just that attribute, on at most one line, and A→B→A restores the bytes', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { doc, target, path } = setUp(s);
        const before = target.attributes.find((a) => a.name === s.attr)?.value;
        const edit = setAttribute(doc, target, s.attr, s.value);
        const after = edit.reparse();
        expect(after.problems).toEqual([]);
        const expected = changed(modelOf(doc.root!), path, (node) => {
          const existing = node.attrs.find(([n]) => n === s.attr);
          if (existing) existing[1] = s.value;
          else node.attrs.push([s.attr, s.value]);
        });
        expect(modelOf(after.root!)).toEqual(expected);
        const last = target.attributes[target.attributes.length - 1];
        const addsOwnLine = before === undefined && last !== undefined && /\n[ \t]*$/.test(doc.text.slice(0, last.start));
        // A new attribute on its own line also moves the tag's `>` (or `/>`) down from the last one's line.
        expect(changedLines(doc.text, edit.text)).toBeLessThanOrEqual(addsOwnLine ? 2 : 1);
        const again = elementByPath(after.root, path)!;
        const back = before === undefined ? removeAttribute(after, again, s.attr) : setAttribute(after, again, s.attr, before);
        expect(back.text).toBe(doc.text);
      }),
      { numRuns: 300 },
    );
  });

  it('removeAttribute removes just that attribute, changing one line (two when `>` moves up)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { doc, target, path } = setUp(s);
        const edit = removeAttribute(doc, target, s.attr);
        const after = edit.reparse();
        expect(after.problems).toEqual([]);
        expect(modelOf(after.root!)).toEqual(changed(modelOf(doc.root!), path, (node) => void (node.attrs = node.attrs.filter(([n]) => n !== s.attr))));
        const removed = target.attributes.find((a) => a.name === s.attr);
        const lastOnOwnLine = removed === target.attributes[target.attributes.length - 1] && /\n[ \t]*$/.test(doc.text.slice(0, removed?.start ?? 0));
        expect(changedLines(doc.text, edit.text)).toBeLessThanOrEqual(lastOnOwnLine ? 2 : 1);
      }),
      { numRuns: 300 },
    );
  });

  it('setText replaces the text of a leaf and changes only the lines of its content', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { doc, target, path } = setUp(s);
        fc.pre(target.children.length === 0);
        const edit = setText(doc, target, s.text);
        const after = edit.reparse();
        expect(after.problems).toEqual([]);
        expect(modelOf(after.root!)).toEqual(changed(modelOf(doc.root!), path, (node) => void (node.text = s.text)));
        const content = doc.text.slice(target.startTagEnd, target.endTagStart ?? target.startTagEnd);
        expect(changedLines(doc.text, edit.text)).toBeLessThanOrEqual(Math.max(newlines(content), newlines(s.text)) + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('insertChild adds one element with the right indentation; removeElement takes it out again', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, index) => {
        const { doc, target, path } = setUp(s);
        fc.pre(target.children.length > 0 || target.text === '');
        const at = index % (target.children.length + 1);
        const edit = insertChild(doc, target, '<p:new id="n"/>', at);
        const after = edit.reparse();
        expect(after.problems).toEqual([]);
        const fresh: Model = { name: 'p:new', attrs: [['id', 'n']], text: '', children: [] };
        const expected = changed(modelOf(doc.root!), path, (node) => {
          node.children.splice(at, 0, fresh);
          node.text = null;
        });
        expect(modelOf(after.root!)).toEqual(expected);
        const inserted = elementByPath(after.root, [...path, at])!;
        // With siblings the indentation is theirs; without, it is the parent's plus the detected unit.
        const head = after.text.slice(0, inserted.start);
        const parentIndent = s.format.unit.repeat(path.length);
        if (target.children.length > 0) expect(head.endsWith(s.format.eol + parentIndent + s.format.unit)).toBe(true);
        else expect(head).toMatch(new RegExp(`${s.format.eol}${parentIndent}[ \t]+$`));
        expect(changedLines(doc.text, edit.text)).toBeLessThanOrEqual(target.children.length > 0 ? 1 : 3);
        if (target.children.length > 0) expect(removeElement(after, inserted).text).toBe(doc.text);
      }),
      { numRuns: 300 },
    );
  });

  it('removeElement removes just that element and, when it stood alone, its lines', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { doc, target, path } = setUp(s);
        fc.pre(target.parent !== null);
        const edit = removeElement(doc, target);
        const after = edit.reparse();
        expect(after.problems).toEqual([]);
        const parentPath = path.slice(0, -1);
        const expected = changed(modelOf(doc.root!), parentPath, (node) => {
          node.children.splice(path[path.length - 1]!, 1);
          node.text = null;
        });
        expect(changed(modelOf(after.root!), parentPath, (node) => void (node.text = null))).toEqual(expected);
        const lines = (text: string): number => newlines(text) + 1;
        expect(lines(edit.text)).toBe(lines(doc.text) - lines(doc.text.slice(target.start, target.end)));
        expect(changedLines(doc.text, edit.text)).toBe(lines(doc.text.slice(target.start, target.end)));
      }),
      { numRuns: 300 },
    );
  });
});
