/**
 * Compiles an expression once into nested closures: static checks first (the frontend refuses to run
 * an invalid expression at all), literals pre-cast, every call casting its arguments and its result
 * (§3.2), and the data paths, components, texts and context kinds it reads collected on the way.
 */
import { castValue, ExprCastError, typeOfValue } from './coercion';
import { DependencyCollector } from './dependencyCollector';
import { compareOperators, type ExprType, functionSignature, type FunctionSignature } from './functionTable';
import { logicFunctions } from './functions/logic';
import { lookupFunctions } from './functions/lookups';
import { ExprRuntimeError, type Implementation, type Runtime } from './functions/shared';
import { stringFunctions } from './functions/strings';
import { v9Functions } from './functions/v9';
import type { CompiledExpression, EvalResult, EvaluateOptions, ExprContext, ExprError, ExprValue } from './types';

const implementations: Readonly<Record<string, Implementation>> = { ...logicFunctions, ...stringFunctions, ...lookupFunctions, ...v9Functions };

type Run = (rt: Runtime) => unknown;

// Deeper nesting than this is not a real expression; refusing it keeps hostile input off the call stack.
const maxDepth = 200;

interface Builder {
  readonly problems: ExprError[];
  readonly deps: DependencyCollector;
}

/** True for a value the runtime treats as an expression: a non-empty array starting with a known function name. */
export function isExpression(value: unknown): value is [string, ...unknown[]] {
  return Array.isArray(value) && value.length > 0 && typeof value[0] === 'string' && functionSignature(value[0]) !== undefined;
}

function problem(b: Builder, path: readonly number[], message: string): Run {
  b.problems.push({ message, path, static: true });
  return () => {
    throw new ExprRuntimeError(message, path);
  };
}

/** A run that casts another run's value to `type`, reporting a failure at `path`. */
function castRun(inner: Run, type: ExprType, path: readonly number[]): Run {
  return (rt) => {
    try {
      return castValue(inner(rt), type);
    } catch (error) {
      if (error instanceof ExprCastError) throw new ExprRuntimeError(error.message, path);
      throw error;
    }
  };
}

function compileLiteral(value: unknown, type: ExprType, path: readonly number[], b: Builder): Run {
  if (value !== null && typeof value === 'object') return problem(b, path, `Invalid type "${Array.isArray(value) ? 'array' : 'object'}"`);
  try {
    const cast = castValue(value, type);
    return () => cast;
  } catch (error) {
    if (!(error instanceof ExprCastError)) throw error;
    // Cast failures are run-time errors: they only surface if the argument is reached.
    const message = error.message;
    return () => {
      throw new ExprRuntimeError(message, path);
    };
  }
}

function arityProblem(name: string, signature: FunctionSignature, count: number): string | undefined {
  if (name === 'if') {
    return undefined; // `if` has its own shape rules (below)
  }
  const max = signature.args.length;
  const min = signature.required;
  if (signature.rest ? count >= min : count >= min && count <= max) return undefined;
  const expected = signature.rest ? `${min}+` : max !== min ? `${min}-${max}` : `${min}`;
  return `Expected ${expected} argument(s), got ${count}`;
}

/** The function-specific rules of the frontend's validator (literal-only arguments, `if` and `compare` shapes). */
function shapeProblems(name: string, args: readonly unknown[]): string[] {
  const out: string[] = [];
  if (name === 'if' && args.length !== 2) {
    if (args.length > 2 && args[2] !== 'else') out.push('Expected third argument to be "else"');
    if (args.length !== 4) out.push(`Expected either 2 arguments (if) or 4 (if + else), got ${args.length}`);
  }
  if (name === 'dataModel' && args.length > 1 && args[1] !== null && typeof args[1] !== 'string') {
    out.push('The data type must be a string (expressions cannot be used here)');
  }
  if (name === 'optionLabel' && typeof args[0] !== 'string') out.push('The first argument must be a string (expressions cannot be used here)');
  if (name === 'compare') {
    if (args.length === 4 && args[1] !== 'not') return ['Second argument must be "not" when providing 4 arguments in total'];
    const operator = args[args.length === 4 ? 2 : 1];
    if (typeof operator !== 'string') out.push('Invalid operator (it cannot be an expression or null)');
    else if (!Object.prototype.hasOwnProperty.call(compareOperators, operator)) {
      out.push(`Invalid operator "${operator}", valid operators are ${Object.keys(compareOperators).map((o) => `"${o}"`).join(', ')}`);
    }
  }
  return out;
}

function compileCall(node: readonly unknown[], path: readonly number[], b: Builder, depth: number): { run: Run; returns: ExprType } {
  const broken = (message: string) => ({ run: problem(b, path, message), returns: 'any' as ExprType });
  if (depth > maxDepth) return broken('Expression is nested too deeply');
  if (node.length === 0) return broken('Missing function name in expression');
  const [name, ...rawArgs] = node;
  if (typeof name !== 'string') return broken('Function name in expression should be string');
  const signature = functionSignature(name);
  const argRuns = rawArgs.map((arg, i) => {
    const argType = signature ? (signature.args[i] ?? signature.rest ?? 'any') : 'any';
    return compileNode(arg, argType, [...path, i + 1], b, depth + 1);
  });
  const impl = implementations[name];
  if (!signature || !impl) return broken(`Function "${name}" not implemented`);
  const arity = arityProblem(name, signature, rawArgs.length);
  if (arity) return broken(arity);
  const shape = shapeProblems(name, rawArgs);
  if (shape.length) {
    for (const message of shape.slice(1)) b.problems.push({ message, path, static: true });
    return broken(shape[0]!);
  }
  b.deps.addCall(name, rawArgs);
  const returns = signature.returns;
  const finishCall = (rt: Runtime, values: readonly unknown[]): unknown => {
    try {
      const result = impl(rt, values);
      return castValue(result, returns);
    } catch (error) {
      if (error instanceof ExprRuntimeError) {
        error.path ??= path;
        throw error;
      }
      if (error instanceof ExprCastError) throw new ExprRuntimeError(error.message, path);
      throw error;
    }
  };
  // Small arities skip the array map: most calls have one to three arguments, and this runs per evaluation.
  const [a0, a1, a2] = argRuns;
  let run: Run;
  if (argRuns.length === 0) run = (rt) => finishCall(rt, []);
  else if (argRuns.length === 1) run = (rt) => finishCall(rt, [a0!(rt)]);
  else if (argRuns.length === 2) run = (rt) => finishCall(rt, [a0!(rt), a1!(rt)]);
  else if (argRuns.length === 3) run = (rt) => finishCall(rt, [a0!(rt), a1!(rt), a2!(rt)]);
  else run = (rt) => finishCall(rt, argRuns.map((arg) => arg(rt)));
  return { run, returns };
}

function compileNode(node: unknown, type: ExprType, path: readonly number[], b: Builder, depth: number): Run {
  if (!Array.isArray(node)) return compileLiteral(node, type, path, b);
  const call = compileCall(node, path, b, depth);
  // A call already returns its declared type; only a different target type needs another cast.
  return type === 'any' || type === call.returns ? call.run : castRun(call.run, type, path);
}

function failure(error: unknown, fallbackPath: readonly number[]): ExprError {
  if (error instanceof ExprRuntimeError) return { message: error.message, path: error.path ?? fallbackPath, static: false };
  const message = error instanceof Error ? error.message : String(error);
  return { message: `Internal error while evaluating: ${message}`, path: fallbackPath, static: false };
}

function finish(value: unknown, returnType: ExprType): ExprValue {
  if (returnType === 'any' || value === null || typeOfValue(value) === returnType) return castValue(value, 'any');
  return castValue(value, returnType) as ExprValue;
}

/** Compiles an expression (or a literal in an expression slot) once; evaluate it as often as needed. */
export function compileExpression(expression: unknown): CompiledExpression {
  const builder: Builder = { problems: [], deps: new DependencyCollector() };
  let run: Run;
  let returns: ExprType = 'any';
  if (Array.isArray(expression)) {
    const call = compileCall(expression, [], builder, 0);
    run = call.run;
    returns = call.returns;
  } else {
    const literal = expression === undefined ? null : expression;
    run = () => literal;
  }
  const problems = builder.problems;
  const valid = problems.length === 0;
  // The frontend refuses to run an invalid expression and logs every problem at once.
  const staticError: ExprError | undefined = valid
    ? undefined
    : { message: `Invalid expression: ${problems.map((p) => p.message).join('; ')}`, path: problems[0]!.path, static: true };

  /** Runs the closure and casts to the slot type; throws on failure. */
  const execute = (context: ExprContext, returnType: ExprType): ExprValue => {
    const rt: Runtime = { ctx: context, env: context.env, location: context.location ?? context.node?.location };
    return finish(run(rt), returnType);
  };
  const asError = (error: unknown): ExprError => {
    if (error instanceof ExprCastError) return { message: error.message, path: [], static: false };
    return failure(error, []);
  };
  const runResult = (context: ExprContext, returnType: ExprType = 'any'): EvalResult => {
    if (staticError) return { ok: false, error: staticError };
    try {
      return { ok: true, value: execute(context, returnType) };
    } catch (error) {
      return { ok: false, error: asError(error) };
    }
  };

  return {
    expression,
    valid,
    problems,
    dependencies: builder.deps.result(),
    returns,
    run: runResult,
    evaluate(context: ExprContext, options?: EvaluateOptions): ExprValue {
      const fallback = options?.defaultValue ?? null;
      if (staticError) {
        options?.onError?.(staticError);
        return fallback;
      }
      try {
        const value = execute(context, options?.returnType ?? 'any');
        return value === null ? fallback : value;
      } catch (error) {
        options?.onError?.(asError(error));
        return fallback;
      }
    },
  };
}
