/**
 * Comparison and logic functions. Arguments arrive cast to their declared types, so `equals` compares
 * strings, the numeric comparisons numbers; `compare` casts late, by its operator.
 */
import { castValue, ExprCastError } from '../coercion';
import { dayOf, type ExprDate } from '../dates';
import { type ExprType } from '../functionTable';
import { ExprRuntimeError, type Implementation } from './shared';

type NumberTest = (a: number, b: number) => boolean;

const numeric =
  (test: NumberTest): Implementation =>
  (_rt, [a, b]) =>
    a === null || b === null ? false : test(a as number, b as number);

function checkZones(a: ExprDate, b: ExprDate, sameDay: boolean) {
  if (a.timeZone !== b.timeZone && (a.timeZone === 'local' || b.timeZone === 'local')) {
    throw new ExprRuntimeError('Can not compare timestamps where only one specify timezone');
  }
  if (sameDay && a.timeZone !== b.timeZone) {
    throw new ExprRuntimeError('Can not figure out if timestamps in different timezones are in the same day');
  }
}

const dateTest =
  (test: (a: number, b: number) => boolean) =>
  (a: ExprDate, b: ExprDate): boolean => {
    checkZones(a, b, false);
    return test(a.epoch, b.epoch);
  };

interface CompareOperator {
  readonly type: ExprType;
  /** `equals` compares nulls too; every other operator is false when either side is null. */
  readonly nullable: boolean;
  readonly test: (a: never, b: never) => boolean;
}

const operators: Readonly<Record<string, CompareOperator>> = {
  equals: { type: 'string', nullable: true, test: (a: string | null, b: string | null) => a === b },
  greaterThan: { type: 'number', nullable: false, test: (a: number, b: number) => a > b },
  greaterThanEq: { type: 'number', nullable: false, test: (a: number, b: number) => a >= b },
  lessThan: { type: 'number', nullable: false, test: (a: number, b: number) => a < b },
  lessThanEq: { type: 'number', nullable: false, test: (a: number, b: number) => a <= b },
  isBefore: { type: 'date', nullable: false, test: dateTest((a, b) => a < b) },
  isBeforeEq: { type: 'date', nullable: false, test: dateTest((a, b) => a <= b) },
  isAfter: { type: 'date', nullable: false, test: dateTest((a, b) => a > b) },
  isAfterEq: { type: 'date', nullable: false, test: dateTest((a, b) => a >= b) },
  isSameDay: {
    type: 'date',
    nullable: false,
    test: (a: ExprDate, b: ExprDate) => {
      checkZones(a, b, true);
      return dayOf(a) === dayOf(b);
    },
  },
};

function compareWith(operatorName: unknown, left: unknown, right: unknown): boolean {
  const operator = typeof operatorName === 'string' && Object.prototype.hasOwnProperty.call(operators, operatorName) ? operators[operatorName] : undefined;
  if (!operator) throw new ExprRuntimeError(`Invalid operator "${String(operatorName)}"`);
  let a: unknown;
  let b: unknown;
  try {
    a = castValue(left, operator.type);
    b = castValue(right, operator.type);
  } catch (error) {
    if (error instanceof ExprCastError) throw new ExprRuntimeError(error.message);
    throw error;
  }
  if (!operator.nullable && (a === null || b === null)) return false;
  return operator.test(a as never, b as never);
}

/** Implementations of the comparison and logic functions, by name. */
export const logicFunctions: Readonly<Record<string, Implementation>> = {
  equals: (_rt, [a, b]) => a === b,
  notEquals: (_rt, [a, b]) => a !== b,
  greaterThan: numeric((a, b) => a > b),
  greaterThanEq: numeric((a, b) => a >= b),
  lessThan: numeric((a, b) => a < b),
  lessThanEq: numeric((a, b) => a <= b),
  compare: (_rt, args) => (args.length === 4 && args[1] === 'not' ? !compareWith(args[2], args[0], args[3]) : compareWith(args[1], args[0], args[2])),
  not: (_rt, [value]) => !value,
  and: (_rt, args) => args.every((value) => value === true),
  or: (_rt, args) => args.some((value) => value === true),
  if: (_rt, args) => (args[0] === true ? args[1] : args.length === 4 ? args[3] : null),
  contains: (_rt, [s, part]) => (s === null || part === null ? false : (s as string).includes(part as string)),
  notContains: (_rt, [s, part]) => (s === null || part === null ? true : !(s as string).includes(part as string)),
  startsWith: (_rt, [s, part]) => (s === null || part === null ? false : (s as string).startsWith(part as string)),
  endsWith: (_rt, [s, part]) => (s === null || part === null ? false : (s as string).endsWith(part as string)),
  commaContains: (_rt, [list, item]) =>
    list === null || item === null
      ? false
      : (list as string)
          .split(',')
          .map((part) => part.trim())
          .includes(item as string),
};
