/**
 * Static checks of an expression before it runs: known function names, argument counts, literal-only
 * arguments, literal types that can never be cast, and functions the evaluating side does not have.
 * Each problem carries the path inside the expression, so an editor can point at the exact argument.
 */
import { type ExprType, compareOperators, functionSignature } from './functionTable';

export interface ExprProblem {
  /** Indexes from the expression's root array to the offending value. */
  readonly path: readonly number[];
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** Whether the backend evaluates an expression too. */
export type BackendUse = 'only' | 'also' | false;

export interface ExprCheckOptions {
  /**
   * Where the backend evaluates it: `only` (gateway conditions: a frontend-only function is an error),
   * `also` (server-side expression validation: a warning, the frontend still runs it), or not at all.
   */
  readonly backend?: BackendUse;
}

/** True when the value is an expression in Altinn's sense: a non-empty array starting with a string. */
export function looksLikeExpression(value: unknown): value is [string, ...unknown[]] {
  return Array.isArray(value) && value.length > 0 && typeof value[0] === 'string';
}

const numberText = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** Why a literal can never be cast to `type` (§3.2), or null when it can. */
function literalMismatch(value: unknown, type: ExprType): string | null {
  if (value === null || type === 'any' || type === 'list' || type === 'object') return null;
  if (type === 'string') return null;
  if (type === 'number') {
    if (typeof value === 'boolean') return `${value} is a boolean, but a number is expected`;
    if (typeof value === 'string' && value !== 'null' && !numberText.test(value)) return `"${value}" is not a number`;
    return null;
  }
  if (type === 'boolean') {
    if (typeof value === 'number' && value !== 0 && value !== 1) return `${value} is not a boolean (only 0 and 1 cast to one)`;
    if (typeof value === 'string' && !['true', 'false', '1', '0', 'null'].includes(value.toLowerCase())) return `"${value}" is not a boolean`;
    return null;
  }
  if (typeof value === 'boolean' || typeof value === 'number') return `${String(value)} is not a date`;
  if (typeof value === 'string' && value !== '' && !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value)) {
    return `"${value}" is not a date (YYYY-MM-DD, optionally with a time)`;
  }
  return null;
}

interface PathLink {
  readonly parent: PathLink | null;
  readonly index: number;
}

/** The indexes from the root to a linked path position. */
function pathOf(at: PathLink | null): number[] {
  const out: number[] = [];
  for (let link = at; link; link = link.parent) out.unshift(link.index);
  return out;
}

/** The problems of an expression in a slot of type `expected`; an empty list when it is sound. */
export function checkExpression(expression: unknown, expected: ExprType = 'any', options: ExprCheckOptions = {}): ExprProblem[] {
  const problems: ExprProblem[] = [];
  const add = (path: readonly number[], code: string, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ path, code, severity, message });

  // An explicit stack keeps a hostile, deeply nested expression from overflowing the call stack, and
  // paths are parent links, built into arrays only for problems, so depth costs linear time.
  const stack: { node: unknown; at: PathLink | null; type: ExprType }[] = [{ node: expression, at: null, type: expected }];
  while (stack.length > 0) {
    const { node, at, type } = stack.pop()!;
    const path = () => pathOf(at);
    if (!Array.isArray(node)) {
      const mismatch = literalMismatch(node, type);
      if (mismatch && (typeof node !== 'object' || node === null)) add(path(), 'expr-literal-type', mismatch);
      else if (typeof node === 'object' && node !== null) add(path(), 'expr-not-a-value', 'An object is not a value in an expression');
      continue;
    }
    const [name, ...args] = node as unknown[];
    if (typeof name !== 'string') {
      add(path(), 'expr-no-function', 'An expression must start with a function name, e.g. ["equals", …]');
      continue;
    }
    const signature = functionSignature(name);
    if (!signature) {
      add([...path(), 0], 'expr-unknown-function', `"${name}" is not an expression function`);
      continue;
    }
    if (signature.v9) add([...path(), 0], 'expr-v9-function', `"${name}" exists only in the v9 runtime`, 'warning');
    if (options.backend && !signature.backend) {
      add([...path(), 0], 'expr-frontend-only', `"${name}" is not available where the backend evaluates this expression`, options.backend === 'only' ? 'error' : 'warning');
    }
    if ((type === 'boolean' || type === 'number' || type === 'string') && (signature.returns === 'list' || signature.returns === 'object')) {
      add(path(), 'expr-return-type', `"${name}" returns a ${signature.returns}, but a ${type} is expected here`);
    }
    const max = signature.rest ? Infinity : signature.args.length;
    if (args.length < signature.required || args.length > max) {
      const expectedCount = max === Infinity ? `at least ${signature.required}` : signature.required === max ? `${max}` : `${signature.required} to ${max}`;
      add(path(), 'expr-arity', `"${name}" takes ${expectedCount} argument${max === 1 && signature.required === 1 ? '' : 's'}, got ${args.length}`);
      continue;
    }
    if (name === 'if' && args.length !== 2 && !(args.length === 4 && args[2] === 'else')) {
      add(path(), 'expr-if-form', '"if" takes a condition and a value, optionally followed by "else" and another value');
      continue;
    }
    if (name === 'compare' && !checkCompare(args, path(), add)) continue;
    for (const position of signature.literalArgs ?? []) {
      if (Array.isArray(args[position])) add([...path(), position + 1], 'expr-literal-only', `Argument ${position + 1} of "${name}" must be a literal, not an expression`);
    }
    args.forEach((arg, i) => {
      if (name === 'if' && i === 2) return;
      const argType = name === 'compare' ? 'any' : (signature.args[i] ?? signature.rest ?? 'any');
      stack.push({ node: arg, at: { parent: at, index: i + 1 }, type: argType });
    });
  }
  return problems.sort((a, b) => a.path.join('.').localeCompare(b.path.join('.')));
}

function checkCompare(args: unknown[], path: readonly number[], add: (path: readonly number[], code: string, message: string) => void): boolean {
  const negated = args.length === 4;
  if (negated && args[1] !== 'not') {
    add([...path, 2], 'expr-compare-form', 'The 4-argument form of "compare" is [a, "not", operator, b]');
    return false;
  }
  const operator = args[negated ? 2 : 1];
  if (typeof operator !== 'string' || !Object.prototype.hasOwnProperty.call(compareOperators, operator)) {
    add([...path, negated ? 3 : 2], 'expr-compare-operator', `"compare" needs one of the operators ${Object.keys(compareOperators).join(', ')}`);
    return false;
  }
  return true;
}

/**
 * The type an expression (or literal) yields, as far as it is known without running it: the declared
 * return type of its function, the common type of both `if` branches, or `any`.
 */
export function inferReturnType(expression: unknown): ExprType {
  if (typeof expression === 'string') return 'string';
  if (typeof expression === 'number') return 'number';
  if (typeof expression === 'boolean') return 'boolean';
  if (!looksLikeExpression(expression)) return 'any';
  const [name, ...args] = expression;
  if (name === 'if') {
    const branches = args.length === 4 ? [args[1], args[3]] : [args[1]];
    const types = new Set(branches.map((branch) => (branch === null ? 'null' : inferReturnType(branch))));
    types.delete('null');
    return types.size === 1 ? ([...types][0] as ExprType) : 'any';
  }
  return functionSignature(name)?.returns ?? 'any';
}
