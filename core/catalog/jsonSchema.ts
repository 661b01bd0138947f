// Spec nodes to JSON Schema (draft-07). Unknown properties stay allowed: real apps carry extra ones.
import type { ExprResult, SpecNode } from './spec';

export type JsonSchema = { [keyword: string]: unknown };

export const draft07 = 'http://json-schema.org/draft-07/schema#';

/** Where the expression definition lives in every generated schema. */
export const expressionRef = '#/definitions/expression';

/** `definitions` name of "a value of this type, or an expression returning it". */
export const exprOrName = (result: ExprResult) => `${result}OrExpression`;

/** The expression definitions every generated schema carries. */
export function expressionDefinitions(): Record<string, JsonSchema> {
  const exprOr = (result: ExprResult) => ({ anyOf: [{ type: result }, { $ref: expressionRef }] });
  return {
    expression: expressionDefinition(),
    [exprOrName('boolean')]: exprOr('boolean'),
    [exprOrName('string')]: exprOr('string'),
    [exprOrName('number')]: exprOr('number'),
  };
}

/** An expression is a JSON array whose first item is a string (the function name). */
export function expressionDefinition(): JsonSchema {
  return {
    type: 'array',
    minItems: 1,
    items: [{ type: 'string' }],
    additionalItems: true,
    description: 'An expression: ["functionName", ...arguments]',
  };
}

function withMeta(node: SpecNode, schema: JsonSchema): JsonSchema {
  if (node.description !== undefined) schema.description = node.description;
  if (node.default !== undefined) schema.default = node.default;
  return schema;
}

/**
 * Nodes written once under `definitions` and referenced elsewhere. Shared nodes (formatting, grid
 * rows, option lists…) would otherwise be copied into every component type, which makes the
 * layout schema several times larger and slower to compile.
 */
export type SharedNodes = ReadonlyMap<SpecNode, string>;

/** The `definitions` entries for the shared nodes. */
export function sharedDefinitions(shared: SharedNodes): Record<string, JsonSchema> {
  return Object.fromEntries([...shared].map(([node, name]) => [name, nodeToSchema(node, shared, true)]));
}

/** The JSON Schema of the values a node accepts; shared nodes become `$ref`s. */
export function nodeToSchema(node: SpecNode, shared?: SharedNodes, isDefinition = false): JsonSchema {
  const name = isDefinition ? undefined : shared?.get(node);
  if (name !== undefined) return { $ref: `#/definitions/${name}` };
  const sub = (n: SpecNode) => nodeToSchema(n, shared);
  switch (node.kind) {
    case 'string':
      return withMeta(node, {
        type: 'string',
        ...(node.pattern !== undefined ? { pattern: node.pattern } : {}),
        ...(node.minLength !== undefined ? { minLength: node.minLength } : {}),
      });
    case 'number':
      return withMeta(node, {
        type: node.integer ? 'integer' : 'number',
        ...(node.minimum !== undefined ? { minimum: node.minimum } : {}),
        ...(node.maximum !== undefined ? { maximum: node.maximum } : {}),
      });
    case 'boolean':
      return withMeta(node, { type: 'boolean' });
    case 'null':
      return withMeta(node, { type: 'null' });
    case 'enum':
      return withMeta(node, { enum: [...node.values] });
    case 'const':
      return withMeta(node, { const: node.value });
    case 'array':
      return withMeta(node, { type: 'array', items: sub(node.items) });
    case 'object':
      return withMeta(node, objectSchema(node.properties, node.additional, shared));
    case 'union':
      return withMeta(node, { anyOf: node.anyOf.map(sub) });
    case 'expr':
      return withMeta(node, { $ref: `#/definitions/${exprOrName(node.result)}` });
    case 'any':
      return withMeta(node, {});
  }
}

/** An object schema from a property map; `required` comes from the nodes' `required` flags. */
export function objectSchema(properties: Readonly<Record<string, SpecNode>>, additional?: SpecNode, shared?: SharedNodes): JsonSchema {
  const entries = Object.entries(properties);
  const required = entries.filter(([, n]) => n.required === true).map(([name]) => name);
  return {
    type: 'object',
    ...(entries.length > 0 ? { properties: Object.fromEntries(entries.map(([name, n]) => [name, nodeToSchema(n, shared)])) } : {}),
    ...(required.length > 0 ? { required } : {}),
    ...(additional ? { additionalProperties: nodeToSchema(additional, shared) } : {}),
  };
}

/** A pattern matching `name` in any letter case (the runtime compares types case-insensitively). */
export function caseInsensitivePattern(names: readonly string[]): string {
  const one = (name: string) =>
    [...name]
      .map((ch) => {
        const lower = ch.toLowerCase();
        const upper = ch.toUpperCase();
        if (lower !== upper) return `[${upper}${lower}]`;
        return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      })
      .join('');
  return `^(${names.map(one).join('|')})$`;
}
