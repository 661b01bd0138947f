/**
 * Evaluating expressions where the runtime does: on a node (component props, page `hidden`), at a
 * concrete data path (expression validations, calculations), or with no context at all (gateways).
 * Compiled forms are cached per expression array, so evaluating the same layout value again is cheap.
 */
import { compileExpression } from './compile';
import type { ExprType } from './functionTable';
import type { HierarchyNode } from './hierarchy/types';
import type { CompiledExpression, DataModelLocation, EvalResult, EvaluateOptions, ExprContext, ExprEnvironment, ExprValue, ValueArguments } from './types';

const compiledCache = new WeakMap<object, CompiledExpression>();

function compiled(expression: unknown): CompiledExpression {
  if (!Array.isArray(expression)) return compileExpression(expression);
  let found = compiledCache.get(expression);
  if (!found) {
    found = compileExpression(expression);
    compiledCache.set(expression, found);
  }
  return found;
}

/** Evaluates an expression or literal in a context; failures and null give the default value (as the runtime does). */
export function evaluateExpression(expression: unknown, context: ExprContext, options?: EvaluateOptions): ExprValue {
  if (!Array.isArray(expression)) {
    // Literals are used as written (a `hidden: true`); only null falls back to the default.
    return expression === null || expression === undefined ? (options?.defaultValue ?? null) : (expression as ExprValue);
  }
  return compiled(expression).evaluate(context, options);
}

/** Evaluates an expression and reports a failure instead of recovering from it. */
export function runExpression(expression: unknown, context: ExprContext, returnType: ExprType = 'any'): EvalResult {
  return compiled(expression).run(context, returnType);
}

const derivedEnvs = new WeakMap<ExprEnvironment, Map<string, ExprEnvironment>>();
const originals = new WeakMap<ExprEnvironment, ExprEnvironment>();

/** The environment layout properties are evaluated in: the one a data-path evaluation derived its own from. */
export function layoutEnvironment(env: ExprEnvironment): ExprEnvironment {
  return originals.get(env) ?? env;
}

/** The environment with another default data type, kept per environment so hidden-state caches survive. */
function withDefaultDataType(env: ExprEnvironment, dataType: string): ExprEnvironment {
  if (env.defaultDataType === dataType) return env;
  let byType = derivedEnvs.get(env);
  if (!byType) {
    byType = new Map();
    derivedEnvs.set(env, byType);
  }
  let derived = byType.get(dataType);
  if (!derived) {
    derived = { ...env, defaultDataType: dataType };
    byType.set(dataType, derived);
    originals.set(derived, env);
  }
  return derived;
}

/** Caller arguments of an evaluation at a data path. */
export interface DataPathArguments {
  /** `["argv", i]`; defaults to `[location.field]` (what expression validations pass). */
  readonly positionalArguments?: readonly unknown[];
  /** `["value", key]`; defaults to `{ field: location.field }` with `field` as the default key. */
  readonly valueArguments?: ValueArguments;
}

/**
 * Evaluates an expression for a concrete data path, as `*.validation.json` and calculations do:
 * no component, the location is the path itself (so `dataModel` of a sibling field resolves in the
 * same row), its data type is the default one for relative paths.
 */
export function evaluateForDataPath(
  expression: unknown,
  env: ExprEnvironment,
  location: DataModelLocation,
  args: DataPathArguments = {},
  options?: EvaluateOptions,
): ExprValue {
  const context: ExprContext = {
    env: withDefaultDataType(env, location.dataType),
    location,
    positionalArguments: args.positionalArguments ?? [location.field],
    valueArguments: args.valueArguments ?? { data: { field: location.field }, defaultKey: 'field' },
  };
  return evaluateExpression(expression, context, options);
}

/** Evaluates a property value of a node (component instance or page) in the node's row context. */
export function evaluateForNode(expression: unknown, env: ExprEnvironment, node: HierarchyNode, options?: EvaluateOptions): ExprValue {
  return evaluateExpression(expression, { env, node }, options);
}
