/**
 * Decimal-safe arithmetic for `plus`, `minus`, `multiply` and `divide`: `0.1 + 0.2` is `0.3`, as in
 * the frontend (decimal.js, 20 significant digits, half-up) and the backend (System.Decimal). Numbers
 * are taken by their shortest decimal text, computed exactly with BigInt, rounded to 20 digits.
 */

interface Decimal {
  /** value = coefficient × 10^exponent */
  readonly coefficient: bigint;
  readonly exponent: number;
}

const precision = 20;

function fromNumber(value: number): Decimal {
  const text = String(value);
  const [mantissa = '0', exp = '0'] = text.toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '0', fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = BigInt(whole + fraction);
  return { coefficient: negative ? -digits : digits, exponent: Number(exp) - fraction.length };
}

function digitCount(value: bigint): number {
  return (value < 0n ? -value : value).toString().length;
}

/** Rounds to `precision` significant digits, half away from zero (decimal.js ROUND_HALF_UP). */
function round(value: Decimal): Decimal {
  const excess = digitCount(value.coefficient) - precision;
  if (excess <= 0) return value;
  const divisor = 10n ** BigInt(excess);
  const negative = value.coefficient < 0n;
  const magnitude = negative ? -value.coefficient : value.coefficient;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return { coefficient: negative ? -quotient : quotient, exponent: value.exponent + excess };
}

function toNumber(value: Decimal): number {
  return Number(`${value.coefficient}e${value.exponent}`);
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exponent = Math.min(a.exponent, b.exponent);
  return [a.coefficient * 10n ** BigInt(a.exponent - exponent), b.coefficient * 10n ** BigInt(b.exponent - exponent), exponent];
}

/** a + b without binary floating-point error. */
export function decimalAdd(a: number, b: number): number {
  const [x, y, exponent] = align(fromNumber(a), fromNumber(b));
  return toNumber(round({ coefficient: x + y, exponent }));
}

/** a − b without binary floating-point error. */
export function decimalSubtract(a: number, b: number): number {
  const [x, y, exponent] = align(fromNumber(a), fromNumber(b));
  return toNumber(round({ coefficient: x - y, exponent }));
}

/** a × b without binary floating-point error. */
export function decimalMultiply(a: number, b: number): number {
  const x = fromNumber(a);
  const y = fromNumber(b);
  return toNumber(round({ coefficient: x.coefficient * y.coefficient, exponent: x.exponent + y.exponent }));
}

/** a ÷ b to 20 significant digits; b must not be 0. */
export function decimalDivide(a: number, b: number): number {
  const x = fromNumber(a);
  const y = fromNumber(b);
  if (y.coefficient === 0n) throw new RangeError('division by zero');
  // Scale the dividend so the integer quotient carries more digits than the precision, then round.
  const scale = Math.max(0, precision + 2 - (digitCount(x.coefficient) - digitCount(y.coefficient)));
  const numerator = x.coefficient * 10n ** BigInt(scale);
  const quotient = numerator / y.coefficient;
  const remainder = numerator % y.coefficient;
  // A non-zero remainder only matters for rounding ties; a sticky digit keeps half-up exact.
  const sticky = remainder === 0n ? 0n : quotient < 0n || (quotient === 0n && (numerator < 0n) !== (y.coefficient < 0n)) ? -1n : 1n;
  return toNumber(round({ coefficient: quotient * 10n + sticky, exponent: x.exponent - y.exponent - scale - 1 }));
}
