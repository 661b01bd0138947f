/**
 * The changed values of two JSON objects by path, as a reviewer reads them: objects are compared key
 * by key, lists and expressions as whole values, and each change is told what it is (a text binding,
 * a data binding, an expression or another property). Expressions are written as calls.
 */
import { isExpression } from '../expressions/compile';
import { isJsonObject, jsonEqual } from '../merge/jsonValue';
import type { PropertyChange, ValueChangeKind } from './types';

/** An expression as a call: `["equals", ["component", "name"], ""]` → `equals(component("name"), "")`. */
export function expressionText(value: unknown): string {
  if (isExpression(value)) return `${value[0]}(${value.slice(1).map(expressionText).join(', ')})`;
  return JSON.stringify(value) ?? 'undefined';
}

/** A value as one readable line: strings as they are, expressions as calls, the rest as JSON. */
export function readableValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isExpression(value)) return expressionText(value);
  return JSON.stringify(value) ?? 'undefined';
}

/** A path of keys and indexes written `a.b[0].c`. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function kindOf(path: readonly (string | number)[], before: unknown, after: unknown): ValueChangeKind {
  if (isExpression(before) || isExpression(after)) return 'expression';
  if (path[0] === 'textResourceBindings') return 'text';
  if (path[0] === 'dataModelBindings') return 'binding';
  return 'property';
}

/** Every value that differs between `before` and `after` (objects), by path; keys in `ignore` are left out at the top. */
export function valueChanges(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, ignore: ReadonlySet<string> = new Set()): PropertyChange[] {
  const out: PropertyChange[] = [];
  const walk = (a: unknown, b: unknown, path: (string | number)[]) => {
    if (jsonEqual(a, b)) return;
    if (isJsonObject(a) && isJsonObject(b)) {
      const keys = [...Object.keys(a), ...Object.keys(b).filter((key) => !Object.prototype.hasOwnProperty.call(a, key))];
      for (const key of keys) {
        if (path.length === 0 && ignore.has(key)) continue;
        const own = (o: Record<string, unknown>) => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);
        walk(own(a), own(b), [...path, key]);
      }
      return;
    }
    out.push({
      path: pathText(path),
      kind: kindOf(path, a, b),
      ...(a === undefined ? {} : { before: readableValue(a) }),
      ...(b === undefined ? {} : { after: readableValue(b) }),
    });
  };
  walk(before, after, []);
  return out;
}
