/**
 * The v9 additions (§3.3, optional for v4/v8 apps): lists, objects and aggregates over lists.
 * `jmespath` needs a query engine the preview does not carry; it fails with a clear message.
 */
import { castValue, ExprCastError } from '../coercion';
import { decimalAdd, decimalDivide } from '../decimal';
import type { ExprValue } from '../types';
import { ExprRuntimeError, type Implementation } from './shared';

function numbersOf(list: unknown): number[] {
  if (!Array.isArray(list)) return [];
  try {
    return list.map((item) => castValue(item, 'number')).filter((n): n is number => n !== null);
  } catch (error) {
    if (error instanceof ExprCastError) throw new ExprRuntimeError(error.message);
    throw error;
  }
}

/** Implementations of the v9 list and object functions, by name. */
export const v9Functions: Readonly<Record<string, Implementation>> = {
  list: (_rt, args) => args.map((a) => (a ?? null) as ExprValue),
  object: (_rt, args) => {
    if (args.length % 2 !== 0) throw new ExprRuntimeError('Expected an even number of arguments (key, value, key, value …)');
    const out: Record<string, ExprValue> = {};
    for (let i = 0; i < args.length; i += 2) {
      const key = args[i];
      if (typeof key !== 'string') throw new ExprRuntimeError(`Object keys must be strings, got ${JSON.stringify(key)}`);
      out[key] = (args[i + 1] ?? null) as ExprValue;
    }
    return out;
  },
  count: (_rt, [list]) => (Array.isArray(list) ? list.length : 0),
  sum: (_rt, [list]) => numbersOf(list).reduce((sum, n) => decimalAdd(sum, n), 0),
  average: (_rt, [list]) => {
    const numbers = numbersOf(list);
    return numbers.length === 0 ? null : decimalDivide(numbers.reduce((sum, n) => decimalAdd(sum, n), 0), numbers.length);
  },
  jmespath: () => {
    throw new ExprRuntimeError('jmespath is not supported by this runtime');
  },
};
