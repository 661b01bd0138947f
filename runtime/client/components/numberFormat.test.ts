import { describe, expect, it } from 'vitest';
import { formatNumber, numberFormatOf, parseNumber } from './numberFormat';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('number formatting', () => {
  const kg = numberFormatOf({ number: { thousandSeparator: ' ', suffix: ' kg', allowNegative: false } }, 'nb')!;

  it('groups thousands and adds the suffix', () => {
    expect(formatNumber('1234567', kg)).toBe('1 234 567 kg');
    expect(formatNumber(12, kg)).toBe('12 kg');
    expect(formatNumber('', kg)).toBe('');
  });

  it('parses what the user typed back to the canonical value', () => {
    expect(parseNumber('1 234 567 kg', kg)).toBe('1234567');
    expect(parseNumber('-5', kg)).toBe('5');
    expect(parseNumber('abc', kg)).toBe('');
  });

  it('uses the decimal separator and prefix, and keeps negatives when allowed', () => {
    const f = numberFormatOf({ number: { thousandSeparator: '.', decimalSeparator: ',', prefix: 'NOK ', decimalScale: 2 } }, 'nb')!;
    expect(formatNumber('-1234.567', f)).toBe('-NOK 1.234,56');
    expect(parseNumber('NOK 1.234,5', f)).toBe('1234.5');
    expect(parseNumber('-12,75', f)).toBe('-12.75');
  });

  it('takes separators and the symbol of a currency from Intl', () => {
    const nok = numberFormatOf({ currency: 'NOK' }, 'nb')!;
    expect(plain(formatNumber('1234.5', nok))).toBe('1 234,5 kr');
    expect(parseNumber(formatNumber('1234.5', nok), nok)).toBe('1234.5');
    const usd = numberFormatOf({ currency: 'USD' }, 'en')!;
    expect(formatNumber('1234.5', usd)).toBe('US$1,234.5');
  });

  it('supports units and an explicit position', () => {
    const m = numberFormatOf({ unit: 'meter' }, 'en')!;
    expect(formatNumber('1500', m)).toBe('1,500 m');
    const pre = numberFormatOf({ currency: 'EUR', position: 'prefix' }, 'nb')!;
    expect(plain(formatNumber('10', pre))).toBe('€ 10');
  });

  it('leaves pattern formats and missing formatting to plain text', () => {
    expect(numberFormatOf({ number: { format: '### ## ###' } }, 'nb')).toBeNull();
    expect(numberFormatOf(undefined, 'nb')).toBeNull();
    expect(formatNumber('abc', kg)).toBe('abc');
  });
});
