// The coercion table of §3.2, row by row, as properties over generated values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { castValue, ExprCastError, parseNumber } from './coercion';
import { isExprDate } from './dates';

const caseVariants = (word: string) =>
  fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
const specialWord = (s: string) => ['null', 'true', 'false'].includes(s.toLowerCase());
const integerText = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map(String);
const decimalText = fc.tuple(integerText, fc.nat({ max: 999999 })).map(([i, f]) => `${i}.${f}`);
const exponentText = fc
  .tuple(fc.constantFrom('', '+', '-'), fc.oneof(fc.nat({ max: 9999 }).map(String), fc.nat({ max: 99 }).map((f) => `.${f}`)), fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.nat({ max: 20 }))
  .map(([sign, mantissa, e, expSign, exp]) => `${sign}${mantissa}${e}${expSign}${exp}`);
const notNumberText = fc.string().filter((s) => parseNumber(s) === undefined && s !== 'null');
const throwsCast = (value: unknown, type: Parameters<typeof castValue>[1]) => void expect(() => castValue(value, type)).toThrow(ExprCastError);

describe('null and "null"', () => {
  it('is null for every type', () => {
    for (const type of ['string', 'number', 'boolean', 'date', 'any'] as const) {
      expect(castValue(null, type)).toBeNull();
      expect(castValue(undefined, type)).toBeNull();
      expect(castValue('null', type)).toBeNull();
    }
  });
});

describe('to string', () => {
  it('writes booleans as true/false', () => {
    expect(castValue(true, 'string')).toBe('true');
    expect(castValue(false, 'string')).toBe('false');
  });
  it('writes numbers as JSON text', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => void expect(castValue(n, 'string')).toBe(JSON.stringify(n))));
    expect(castValue(1.5, 'string')).toBe('1.5');
  });
  it('keeps ordinary strings as they are', () => {
    fc.assert(fc.property(fc.string().filter((s) => !specialWord(s)), (s) => void expect(castValue(s, 'string')).toBe(s)));
  });
  it('makes null/true/false words case-insensitive', () => {
    fc.assert(fc.property(caseVariants('null'), (s) => void expect(castValue(s, 'string')).toBeNull()));
    fc.assert(fc.property(caseVariants('true'), (s) => void expect(castValue(s, 'string')).toBe('true')));
    fc.assert(fc.property(caseVariants('false'), (s) => void expect(castValue(s, 'string')).toBe('false')));
  });
});

describe('to number', () => {
  it('refuses booleans', () => {
    throwsCast(true, 'number');
    throwsCast(false, 'number');
  });
  it('keeps numbers', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => void expect(castValue(n, 'number')).toBe(n)));
  });
  it('reads integer, decimal and exponent texts', () => {
    fc.assert(fc.property(integerText, (s) => void expect(castValue(s, 'number')).toBe(parseInt(s, 10))));
    fc.assert(fc.property(decimalText, (s) => void expect(castValue(s, 'number')).toBe(parseFloat(s))));
    fc.assert(fc.property(exponentText, (s) => void expect(castValue(s, 'number')).toBe(Number(s))));
  });
  it('refuses any other text, with the runtime message', () => {
    fc.assert(fc.property(notNumberText, (s) => void throwsCast(s, 'number')));
    for (const s of ['', '12abc', '1,5', '55.', '5e', 'e2', '5-E2', '5+E2', ' 1', 'Infinity']) throwsCast(s, 'number');
    expect(() => castValue('55.', 'number')).toThrow('Expected number, got value "55."');
    expect(() => castValue(true, 'number')).toThrow('Expected number, got value true');
  });
});

describe('to boolean', () => {
  it('keeps booleans and reads 1/0', () => {
    expect(castValue(true, 'boolean')).toBe(true);
    expect(castValue(1, 'boolean')).toBe(true);
    expect(castValue(0, 'boolean')).toBe(false);
    expect(castValue('1', 'boolean')).toBe(true);
    expect(castValue('0', 'boolean')).toBe(false);
    expect(castValue('1.0', 'boolean')).toBe(true);
    expect(castValue('true', 'boolean')).toBe(true);
    expect(castValue('false', 'boolean')).toBe(false);
  });
  it('refuses other numbers and texts', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }).filter((n) => n !== 0 && n !== 1), (n) => void throwsCast(n, 'boolean')));
    fc.assert(fc.property(fc.string().filter((s) => !['true', 'false', 'null'].includes(s) && parseNumber(s) !== 0 && parseNumber(s) !== 1), (s) => void throwsCast(s, 'boolean')));
    expect(() => castValue('', 'boolean')).toThrow('Expected boolean, got value ""');
  });
});

describe('to date', () => {
  const dateText = fc
    .record({
      y: fc.integer({ min: 1000, max: 9999 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
      time: fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.option(fc.integer({ min: 0, max: 59 })))),
      zone: fc.constantFrom('', 'Z', '+02:00', '-08:30'),
    })
    .map(({ y, m, d, time, zone }) => {
      const p = (n: number) => String(n).padStart(2, '0');
      const date = `${y}-${p(m)}-${p(d)}`;
      return time ? `${date}T${p(time[0])}:${p(time[1])}${time[2] === null ? '' : `:${p(time[2])}`}${zone}` : date;
    });
  it('parses the ISO subset', () => {
    fc.assert(
      fc.property(dateText, (s) => {
        const date = castValue(s, 'date');
        expect(isExprDate(date) && date.raw).toBe(s.toUpperCase());
      }),
    );
  });
  it('is null for an empty string, an error for booleans, numbers and anything else', () => {
    expect(castValue('', 'date')).toBeNull();
    throwsCast(true, 'date');
    throwsCast(2020, 'date');
    for (const s of ['2020', '2021-02-29', '2020-13-01', '20230328', '2023-01-01-08:00', '1998-12-31T23:58:60Z', '1990-12-31T15:59:59-24:00']) throwsCast(s, 'date');
  });
  it('tells an unknown format from an impossible date', () => {
    expect(() => castValue('2020', 'date')).toThrow('Unable to parse date "2020": Unknown format');
    expect(() => castValue('2021-02-29', 'date')).toThrow('Format was recognized, but the date/time is invalid');
  });
});

describe('to any', () => {
  it('keeps scalars as they are', () => {
    fc.assert(fc.property(fc.oneof(fc.string().filter((s) => s !== 'null'), fc.double({ noNaN: true }), fc.boolean()), (v) => void expect(castValue(v, 'any')).toBe(v)));
  });
});
