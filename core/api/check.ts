/** A runtime check of a value that crossed a process or network boundary. */
export type Check<T> = (value: unknown, where: string) => T;

/** Thrown by a check; `where` names the offending argument. */
export class ArgumentError extends Error {
  constructor(
    readonly where: string,
    problem: string,
  ) {
    super(`${where} ${problem}`);
    this.name = 'ArgumentError';
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value}`;
}

/** A string of at most `maxLength` characters (64 KiB by default) without NUL bytes. */
export function str(options: { maxLength?: number; minLength?: number } = {}): Check<string> {
  const maxLength = options.maxLength ?? 65536;
  const minLength = options.minLength ?? 0;
  return (value, where) => {
    if (typeof value !== 'string') throw new ArgumentError(where, `must be a string, got ${describe(value)}`);
    if (value.length > maxLength) throw new ArgumentError(where, `is longer than ${maxLength} characters`);
    if (value.length < minLength) throw new ArgumentError(where, minLength === 1 ? 'must not be empty' : `is shorter than ${minLength} characters`);
    if (value.includes('\0')) throw new ArgumentError(where, 'must not contain NUL characters');
    return value;
  };
}

/** Any string content up to `maxLength` characters (file contents). */
export function text(maxLength: number): Check<string> {
  return (value, where) => {
    if (typeof value !== 'string') throw new ArgumentError(where, `must be a string, got ${describe(value)}`);
    if (value.length > maxLength) throw new ArgumentError(where, `is longer than ${maxLength} characters`);
    return value;
  };
}

/** An array whose items all pass `item`, with at most `maxItems` items. */
export function list<T>(item: Check<T>, maxItems = 10000): Check<T[]> {
  return (value, where) => {
    if (!Array.isArray(value)) throw new ArgumentError(where, `must be an array, got ${describe(value)}`);
    if (value.length > maxItems) throw new ArgumentError(where, `has more than ${maxItems} items`);
    return value.map((v, i) => item(v, `${where}[${i}]`));
  };
}

/** Wraps a check so that `null` passes through. */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, where) => (value === null ? null : check(value, where));
}

/** Wraps a check so that `undefined` passes through. */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, where) => (value === undefined ? undefined : check(value, where));
}

type Shape<T> = { [K in keyof T]-?: Check<T[K]> };

/** A plain object with exactly the given keys (unknown keys are refused). */
export function obj<T extends object>(shape: Shape<T>): Check<T> {
  return (value, where) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ArgumentError(where, `must be an object, got ${describe(value)}`);
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key)) throw new ArgumentError(`${where}.${key}`, 'is not a known argument');
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape) as (keyof T & string)[]) {
      const checked = shape[key](record[key], `${where}.${key}`);
      if (checked !== undefined) out[key] = checked;
    }
    return out as T;
  };
}

/** No arguments: accepts `undefined`, `null` or an empty object. */
export const none: Check<void> = (value, where) => {
  if (value === undefined || value === null) return;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return;
  throw new ArgumentError(where, 'takes no arguments');
};

/** A boolean. */
export const bool: Check<boolean> = (value, where) => {
  if (typeof value !== 'boolean') throw new ArgumentError(where, `must be true or false, got ${describe(value)}`);
  return value;
};

/** A whole number from `min` to `max`. */
export function int(min: number, max: number): Check<number> {
  return (value, where) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new ArgumentError(where, `must be a whole number, got ${describe(value)}`);
    if (value < min || value > max) throw new ArgumentError(where, `must be from ${min} to ${max}, got ${value}`);
    return value;
  };
}

/** A finite number from `min` to `max` (JSON has no NaN or Infinity; this refuses them from any transport). */
export function num(min: number, max: number): Check<number> {
  return (value, where) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new ArgumentError(where, `must be a number, got ${describe(value)}`);
    if (value < min || value > max) throw new ArgumentError(where, `must be from ${min} to ${max}, got ${value}`);
    return value;
  };
}

/** One of the given strings. */
export function oneOf<T extends string>(...values: readonly T[]): Check<T> {
  return (value, where) => {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) throw new ArgumentError(where, `must be one of ${values.map((v) => `"${v}"`).join(', ')}`);
    return value as T;
  };
}
