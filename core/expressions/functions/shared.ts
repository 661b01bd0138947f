/**
 * What every function implementation gets: the runtime of the current evaluation and its already
 * cast arguments. Implementations throw `ExprRuntimeError` for the failures the runtimes report.
 */
import type { DataModelLocation, ExprContext, ExprEnvironment } from '../types';

/** The per-evaluation state an implementation reads. */
export interface Runtime {
  readonly ctx: ExprContext;
  readonly env: ExprEnvironment;
  /** The caller's data model location (explicit, else the node's row). */
  readonly location: DataModelLocation | undefined;
}

/** A function implementation: cast arguments in, a value out (cast to the declared return type by the caller). */
export type Implementation = (rt: Runtime, args: readonly unknown[]) => unknown;

/** A failure while evaluating; `path` is filled in by the compiled call that caught it. */
export class ExprRuntimeError extends Error {
  path: readonly number[] | undefined;

  constructor(message: string, path?: readonly number[]) {
    super(message);
    this.path = path;
  }
}

/** JavaScript's loose `==` for the scalar values options hold (the frontend matches option values loosely). */
export function looseEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'boolean') return looseEquals(a ? 1 : 0, b);
  if (typeof b === 'boolean') return looseEquals(a, b ? 1 : 0);
  if (typeof a === 'number' && typeof b === 'string') return a === Number(b);
  if (typeof a === 'string' && typeof b === 'number') return Number(a) === b;
  return false;
}

/** `application/x-www-form-urlencoded` encoding, as `URLSearchParams.toString()` writes it. */
export function formEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}
