/**
 * Minimal text edits on a JSON syntax tree. jsonc-parser's own `modify` re-formats whole lines around
 * an insertion (a compact sibling object on the line before gets expanded), so insertions and
 * replacements are rendered here in the file's own style, and only deletions use jsonc-parser.
 */
import { type FormattingOptions, type Node, applyEdits, findNodeAtLocation, modify } from 'jsonc-parser';

export type Path = readonly (string | number)[];

interface Edit {
  readonly offset: number;
  readonly length: number;
  readonly content: string;
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The whitespace before `offset` on its line, when only whitespace precedes it there. */
function indentAt(text: string, offset: number): string | null {
  const before = text.slice(lineStart(text, offset), offset);
  return /^[ \t]*$/.test(before) ? before : null;
}

function unitOf(format: FormattingOptions): string {
  return format.insertSpaces ? ' '.repeat(format.tabSize ?? 2) : '\t';
}

/** `value` as JSON: on one line (`{ "a": 1 }`) or indented from `base` in the file's unit and line ending. */
function render(value: unknown, base: string, format: FormattingOptions, oneLine: boolean): string {
  if (oneLine) return oneLineJson(value);
  return JSON.stringify(value, null, unitOf(format)).split('\n').join(`${format.eol}${base}`);
}

/** One-line JSON in the style Altinn files use: `["a", "b"]` and `{ "a": 1 }`. */
function oneLineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => oneLineJson(v === undefined ? null : v)).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLineJson(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

function separatorOf(text: string, objectNode: Node): string {
  const first = objectNode.children?.[0];
  const key = first?.children?.[0];
  const value = first?.children?.[1];
  if (!key || !value) return ': ';
  return text.slice(key.offset + key.length, value.offset);
}

/** Inserts `entry` (already rendered, one line or with indentation) into a container node at `index`. */
function insertIntoContainer(text: string, container: Node, index: number, entryFor: (indent: string, oneLine: boolean) => string, format: FormattingOptions): Edit {
  const children = container.children ?? [];
  const close = container.offset + container.length - 1;
  if (children.length === 0) {
    const inner = text.slice(container.offset + 1, close);
    const oneLine = !/[\r\n]/.test(inner) && indentAt(text, container.offset) === null;
    if (oneLine) return { offset: container.offset + 1, length: close - container.offset - 1, content: entryFor('', true) };
    const base = indentAt(text, lineStart(text, container.offset)) ?? '';
    const outer = text.slice(lineStart(text, container.offset), container.offset).match(/^[ \t]*/)?.[0] ?? base;
    const childIndent = outer + unitOf(format);
    return {
      offset: container.offset + 1,
      length: close - container.offset - 1,
      content: `${format.eol}${childIndent}${entryFor(childIndent, false)}${format.eol}${outer}`,
    };
  }
  const multiLine = /[\r\n]/.test(text.slice(container.offset, children[0]!.offset));
  const anchor = children[Math.min(index, children.length - 1)]!;
  const childIndent = multiLine ? (indentAt(text, anchor.offset) ?? '') : '';
  const glue = multiLine ? `,${format.eol}${childIndent}` : ', ';
  // Items written one to a line (`{ "id": "a", "value": "A" },` in a text file) get a new one like them.
  const compactItems = !multiLine || (container.type === 'array' && children.every((c) => (c.type !== 'object' && c.type !== 'array') || !/[\r\n]/.test(text.slice(c.offset, c.offset + c.length))));
  if (index >= children.length) {
    const last = children[children.length - 1]!;
    return { offset: last.offset + last.length, length: 0, content: `${glue}${entryFor(childIndent, compactItems)}` };
  }
  return { offset: anchor.offset, length: 0, content: `${entryFor(childIndent, compactItems)}${glue}` };
}

function nest(rest: Path, value: unknown): unknown {
  let out = value;
  for (let i = rest.length - 1; i >= 0; i--) {
    const segment = rest[i]!;
    out = typeof segment === 'number' ? [out] : { [segment]: out };
  }
  return out;
}

/** The edit that sets `path` to `value` in `text` (tree = its parse tree); creates what is missing. */
export function setEdit(text: string, tree: Node | undefined, path: Path, value: unknown, format: FormattingOptions): Edit {
  if (!tree) return { offset: 0, length: text.length, content: render(nest(path, value), '', format, false) };
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? tree : findNodeAtLocation(tree, [...path.slice(0, depth)]);
    if (!node) continue;
    const rest = path.slice(depth);
    if (rest.length === 0) {
      const oneLine = !/[\r\n]/.test(text.slice(node.offset, node.offset + node.length));
      const base = text.slice(lineStart(text, node.offset)).match(/^[ \t]*/)?.[0] ?? '';
      return { offset: node.offset, length: node.length, content: render(value, base, format, oneLine) };
    }
    const [head, ...tail] = rest as [string | number, ...(string | number)[]];
    const inner = nest(tail, value);
    if (typeof head === 'string' && node.type === 'object') {
      const sep = separatorOf(text, node);
      return insertIntoContainer(text, node, node.children?.length ?? 0, (indent, oneLine) => `${JSON.stringify(head)}${sep}${render(inner, indent, format, oneLine)}`, format);
    }
    if (typeof head === 'number' && node.type === 'array') {
      return insertIntoContainer(text, node, head, (indent, oneLine) => render(inner, indent, format, oneLine), format);
    }
    // The parent exists but is of another kind: replace it with a container holding the value.
    return setEdit(text, tree, path.slice(0, depth), nest(rest, value), format);
  }
  return { offset: 0, length: text.length, content: render(nest(path, value), '', format, false) };
}

/** The edit that inserts `value` into the array at `arrayPath` before `index`. */
export function insertEdit(text: string, tree: Node | undefined, arrayPath: Path, index: number, value: unknown, format: FormattingOptions): Edit {
  const array = tree && (arrayPath.length === 0 ? tree : findNodeAtLocation(tree, [...arrayPath]));
  if (!array || array.type !== 'array') return setEdit(text, tree, arrayPath, [value], format);
  return insertIntoContainer(text, array, index, (indent, oneLine) => render(value, indent, format, oneLine), format);
}

/** The text without the value at `path`, its separator and its line when it stood alone. */
export function removeText(text: string, path: Path): string {
  return applyEdits(text, modify(text, [...path], undefined, {}));
}

/** Applies one edit. */
export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.offset) + edit.content + text.slice(edit.offset + edit.length);
}
