/**
 * String and number functions: concatenation, slicing, casing, decimal-safe arithmetic, rounding and
 * date formatting. Null handling follows the frontend implementation case by case (§3.3).
 */
import type { ExprDate } from '../dates';
import { decimalAdd, decimalDivide, decimalMultiply, decimalSubtract } from '../decimal';
import { formatDate, UnsupportedDateToken } from '../formatDate';
import { ExprRuntimeError, type Implementation } from './shared';

const str = (value: unknown) => value as string;
const num = (value: unknown) => (value === null || value === undefined ? 0 : (value as number));

/** Implementations of the string, number and date functions, by name. */
export const stringFunctions: Readonly<Record<string, Implementation>> = {
  concat: (_rt, args) => args.map((a) => (a === null ? '' : str(a))).join(''),
  stringLength: (_rt, [s]) => (s === null ? 0 : str(s).length),
  stringIndexOf: (_rt, [s, search]) => {
    if (!s || !search) return null;
    const index = str(s).indexOf(str(search));
    return index === -1 ? null : index;
  },
  stringSlice: (_rt, args) => {
    const [s, start, end] = args;
    if (start === null || (args.length > 2 && end === null)) {
      throw new ExprRuntimeError('Start/end index cannot be null (if you used an expression like stringIndexOf here, make sure to guard against null)');
    }
    if (s === null) return null;
    return str(s).slice(start as number, args.length > 2 ? (end as number) : undefined);
  },
  stringReplace: (_rt, [s, search, replacement]) => {
    if (!s || !search) return null;
    return str(s).replaceAll(str(search), replacement === null ? '' : str(replacement));
  },
  upperCase: (_rt, [s]) => (s === null ? null : str(s).toUpperCase()),
  lowerCase: (_rt, [s]) => (s === null ? null : str(s).toLowerCase()),
  upperCaseFirst: (_rt, [s]) => (s === null ? null : str(s).charAt(0).toUpperCase() + str(s).slice(1)),
  lowerCaseFirst: (_rt, [s]) => (s === null ? null : str(s).charAt(0).toLowerCase() + str(s).slice(1)),
  plus: (_rt, args) => args.slice(1).reduce<number>((sum, n) => decimalAdd(sum, num(n)), num(args[0])),
  minus: (_rt, [a, b]) => decimalSubtract(num(a), num(b)),
  multiply: (_rt, args) => args.slice(1).reduce<number>((product, n) => decimalMultiply(product, num(n)), num(args[0])),
  divide: (_rt, [a, b]) => {
    if (num(b) === 0) throw new ExprRuntimeError('The second argument is 0, cannot divide by 0');
    return decimalDivide(num(a), num(b));
  },
  round: (_rt, [n, decimals]) => {
    const places = decimals === null || decimals === undefined ? 0 : (decimals as number);
    if (!Number.isInteger(places) || places < 0 || places > 100) throw new ExprRuntimeError(`Cannot round to ${places} decimals`);
    return parseFloat(String(num(n))).toFixed(places);
  },
  formatDate: (rt, [date, format]) => {
    if (date === null) return null;
    try {
      return formatDate(date as ExprDate, format as string | null | undefined, rt.env.language ?? 'nb', rt.env.timeZone);
    } catch (error) {
      if (error instanceof UnsupportedDateToken) throw new ExprRuntimeError(error.message);
      throw error;
    }
  },
};
