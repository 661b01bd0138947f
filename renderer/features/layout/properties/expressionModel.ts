/**
 * The expression builder's tree and its exact translation to and from expression JSON. Every JSON
 * value has one tree and back (`toJson(toBuilder(x))` equals `x`): shapes the builder has no form for
 * (unknown functions, objects, malformed calls) become `raw` nodes that keep the JSON as written.
 */
import { functionSignature } from '../../../../core/expressions';

export type Literal = string | number | boolean | null;

/** Comparisons shown as "left — operator — right". */
export const comparisonNames = [
  'equals',
  'notEquals',
  'greaterThan',
  'greaterThanEq',
  'lessThan',
  'lessThanEq',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'commaContains',
] as const;
export type ComparisonName = (typeof comparisonNames)[number];

export type BuilderNode =
  | { readonly kind: 'group'; readonly op: 'and' | 'or'; readonly items: readonly BuilderNode[] }
  | { readonly kind: 'not'; readonly item: BuilderNode }
  | { readonly kind: 'compare'; readonly op: ComparisonName; readonly left: BuilderNode; readonly right: BuilderNode }
  | { readonly kind: 'dataModel'; readonly path: string; readonly dataType?: string }
  | { readonly kind: 'component'; readonly id: string }
  | { readonly kind: 'literal'; readonly value: Literal }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly BuilderNode[] }
  | { readonly kind: 'raw'; readonly json: unknown };

export type BuilderKind = BuilderNode['kind'];

const isComparison = (name: string): name is ComparisonName => (comparisonNames as readonly string[]).includes(name);

/** The builder tree of an expression or literal. */
export function toBuilder(json: unknown): BuilderNode {
  if (json === null || typeof json === 'string' || typeof json === 'number' || typeof json === 'boolean') return { kind: 'literal', value: json };
  if (!Array.isArray(json) || json.length === 0 || typeof json[0] !== 'string' || !functionSignature(json[0])) return { kind: 'raw', json };
  const [name, ...args] = json as [string, ...unknown[]];
  if (name === 'and' || name === 'or') return { kind: 'group', op: name, items: args.map(toBuilder) };
  if (name === 'not' && args.length === 1) return { kind: 'not', item: toBuilder(args[0]) };
  if (isComparison(name) && args.length === 2) return { kind: 'compare', op: name, left: toBuilder(args[0]), right: toBuilder(args[1]) };
  if (name === 'dataModel' && typeof args[0] === 'string' && (args.length === 1 || (args.length === 2 && typeof args[1] === 'string'))) {
    return args.length === 2 ? { kind: 'dataModel', path: args[0], dataType: args[1] as string } : { kind: 'dataModel', path: args[0] };
  }
  if (name === 'component' && args.length === 1 && typeof args[0] === 'string') return { kind: 'component', id: args[0] };
  return { kind: 'call', name, args: args.map(toBuilder) };
}

/** The expression JSON of a builder tree. */
export function toJson(node: BuilderNode): unknown {
  switch (node.kind) {
    case 'group':
      return [node.op, ...node.items.map(toJson)];
    case 'not':
      return ['not', toJson(node.item)];
    case 'compare':
      return [node.op, toJson(node.left), toJson(node.right)];
    case 'dataModel':
      return node.dataType === undefined ? ['dataModel', node.path] : ['dataModel', node.path, node.dataType];
    case 'component':
      return ['component', node.id];
    case 'literal':
      return node.value;
    case 'call':
      return [node.name, ...node.args.map(toJson)];
    case 'raw':
      return node.json;
  }
}

/** True when the value is an expression (an array naming a function) rather than a literal. */
export function isExpressionValue(value: unknown): boolean {
  return Array.isArray(value);
}

/** A new node of `kind`, keeping what it can of `from` (switching an operand's kind keeps its text). */
export function nodeOfKind(kind: BuilderKind, from?: BuilderNode): BuilderNode {
  switch (kind) {
    case 'group':
      return { kind, op: 'and', items: from && (from.kind === 'compare' || from.kind === 'not') ? [from] : [emptyComparison()] };
    case 'not':
      return { kind, item: from && from.kind !== 'literal' ? from : emptyComparison() };
    case 'compare':
      return emptyComparison();
    case 'dataModel':
      return { kind, path: '' };
    case 'component':
      return { kind, id: '' };
    case 'literal':
      return { kind, value: from?.kind === 'literal' ? from.value : '' };
    case 'call':
      return { kind, name: 'concat', args: [] };
    case 'raw':
      return { kind, json: from ? toJson(from) : null };
  }
}

/** `field = ""`: what "add condition" starts with. */
export function emptyComparison(): BuilderNode {
  return { kind: 'compare', op: 'equals', left: { kind: 'dataModel', path: '' }, right: { kind: 'literal', value: '' } };
}

/** The arguments a call to `name` starts with: one empty literal per required argument. */
export function defaultArgs(name: string): BuilderNode[] {
  const signature = functionSignature(name);
  return Array.from({ length: signature?.required ?? 0 }, (_, i) => {
    const type = signature?.args[i];
    return { kind: 'literal', value: type === 'number' ? 0 : type === 'boolean' ? true : '' } as BuilderNode;
  });
}

/** Parses the text of a raw JSON field; an error message in plain words when it is not JSON. */
export function parseRawJson(text: string): { ok: true; json: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
