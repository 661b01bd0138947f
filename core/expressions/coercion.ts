/**
 * Casting between the value types (§3.2). Every argument is cast to its declared type before a
 * function runs and every result to the declared return type after; the table here is the one both
 * Altinn runtimes share, down to the error text.
 */
import { type ExprDate, ExprDateError, isExprDate, parseExprDate } from './dates';
import type { ExprType } from './functionTable';
import type { ExprValue } from './types';

/** A value that cannot be cast; the message is the one the runtimes log. */
export class ExprCastError extends Error {}

// Integers, decimals, a leading "+" and exponents (`.5e2`, `+5E2`), but not `55.`, `5e` or `1,5`.
const numberPattern = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a string spells, or undefined when it is not a number in the language's sense. */
export function parseNumber(text: string): number | undefined {
  if (!numberPattern.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** How a value is named in cast errors: JSON text, so strings are quoted and numbers are not. */
export function describeValue(value: unknown): string {
  if (isExprDate(value)) return JSON.stringify(value.raw);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function fail(type: string, value: unknown): never {
  throw new ExprCastError(`Expected ${type}, got value ${describeValue(value)}`);
}

function toStringValue(value: unknown): string | null {
  if (typeof value === 'number') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') {
    // Comparisons are case-insensitive for these words: "TRUE" equals true, "Null" is null.
    const lower = value.length <= 5 ? value.toLowerCase() : '';
    if (lower === 'null') return null;
    if (lower === 'true' || lower === 'false') return lower;
    return value;
  }
  if (isExprDate(value)) return value.raw;
  return fail('string', value);
}

function toNumberValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const parsed = parseNumber(value);
    if (parsed !== undefined) return parsed;
  }
  return fail('number', value);
}

function toBooleanValue(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? parseNumber(value) : undefined;
  if (number === 1) return true;
  if (number === 0) return false;
  return fail('boolean', value);
}

function toDateValue(value: unknown): ExprDate | null {
  if (isExprDate(value)) return value;
  // A number is only ever a year here, which is not a date; parsing it reports that the same way.
  if (typeof value === 'string' || typeof value === 'number') {
    try {
      return parseExprDate(String(value));
    } catch (error) {
      if (error instanceof ExprDateError) throw new ExprCastError(error.message);
      throw error;
    }
  }
  return fail('date', value);
}

/** The result type of `castValue` for each target type. */
export interface CastTargets {
  string: string | null;
  number: number | null;
  boolean: boolean | null;
  date: ExprDate | null;
  any: ExprValue;
  list: readonly ExprValue[] | null;
  object: { readonly [key: string]: ExprValue } | null;
}

/**
 * Casts a value to an expression type, or throws `ExprCastError`. `null`, `undefined` and the
 * string `"null"` are null for every type.
 */
export function castValue<T extends ExprType>(value: unknown, type: T): CastTargets[T] {
  if (value === null || value === undefined || value === 'null') return null as CastTargets[T];
  switch (type) {
    case 'string':
      return toStringValue(value) as CastTargets[T];
    case 'number':
      return toNumberValue(value) as CastTargets[T];
    case 'boolean':
      return toBooleanValue(value) as CastTargets[T];
    case 'date':
      return toDateValue(value) as CastTargets[T];
    case 'list':
      return (Array.isArray(value) ? value : fail('list', value)) as unknown as CastTargets[T];
    case 'object':
      return (typeof value === 'object' && !Array.isArray(value) && !isExprDate(value) ? value : fail('object', value)) as CastTargets[T];
    default:
      return (isExprDate(value) ? value.raw : value) as CastTargets[T];
  }
}

/** The type a value has at run time, as the return-type cast sees it. */
export function typeOfValue(value: unknown): ExprType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'list';
  if (isExprDate(value)) return 'date';
  if (value !== null && typeof value === 'object') return 'object';
  return 'any';
}
