/**
 * Number formatting of Input (§2.5): `formatting.number` (react-number-format's numeric props) and
 * `formatting.currency`/`unit` through Intl. Values are stored canonically ("-1234.5"); the field
 * shows them formatted and parses what the user types back.
 */
export interface NumberFormat {
  readonly thousandSeparator?: string;
  readonly decimalSeparator: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly allowNegative: boolean;
  readonly decimalScale?: number;
}

const locales: Record<string, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** The Intl locale of a form language. */
export const localeOf = (language: string | undefined) => locales[language ?? 'nb'] ?? language ?? 'nb-NO';

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Separators, prefix and suffix Intl uses for a currency or unit in a locale. */
function intlParts(locale: string, options: Intl.NumberFormatOptions): Partial<NumberFormat> | null {
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale, options).formatToParts(12345.5);
  } catch {
    return null;
  }
  const first = parts.findIndex((p) => p.type === 'integer');
  const last = parts.reduce((at, p, i) => (p.type === 'integer' || p.type === 'fraction' ? i : at), -1);
  const join = (ps: Intl.NumberFormatPart[]) => ps.map((p) => p.value).join('');
  return {
    thousandSeparator: parts.find((p) => p.type === 'group')?.value,
    decimalSeparator: parts.find((p) => p.type === 'decimal')?.value ?? ',',
    prefix: join(parts.slice(0, first).filter((p) => p.type !== 'minusSign')),
    suffix: join(parts.slice(last + 1)),
    decimalScale: options.style === 'currency' ? 2 : undefined,
  };
}

/** The number format of an Input's `formatting`, or null when it shows plain text (none, or a pattern format). */
export function numberFormatOf(formatting: unknown, language: string | undefined): NumberFormat | null {
  const f = obj(formatting);
  const number = obj(f.number);
  if (typeof number.format === 'string') return null;
  const currency = str(f.currency);
  const unit = str(f.unit);
  if (!currency && !unit && Object.keys(number).length === 0) return null;
  const locale = localeOf(language);
  const intl = currency
    ? intlParts(locale, { style: 'currency', currency, currencyDisplay: 'symbol' })
    : unit
      ? intlParts(locale, unit === 'percent' ? { style: 'percent' } : { style: 'unit', unit })
      : null;
  let base: Partial<NumberFormat> = intl ?? {};
  if (intl && (f.position === 'prefix' || f.position === 'suffix')) {
    const affix = (intl.prefix || intl.suffix || '').trim();
    base = { ...intl, prefix: f.position === 'prefix' ? `${affix} ` : '', suffix: f.position === 'suffix' ? ` ${affix}` : '' };
  }
  const sep = number.thousandSeparator;
  return {
    thousandSeparator: sep === true ? ',' : typeof sep === 'string' ? sep : sep === false ? undefined : base.thousandSeparator,
    decimalSeparator: str(number.decimalSeparator) ?? base.decimalSeparator ?? '.',
    prefix: str(number.prefix) ?? base.prefix ?? '',
    suffix: str(number.suffix) ?? base.suffix ?? '',
    allowNegative: number.allowNegative !== false,
    decimalScale: typeof number.decimalScale === 'number' ? number.decimalScale : base.decimalScale,
  };
}

/** A stored value as the field shows it ('' for empty; text that is no number is shown as it is). */
export function formatNumber(value: unknown, format: NumberFormat): string {
  if (value === undefined || value === null || value === '') return '';
  const text = String(value).trim();
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && !m[3])) return text;
  const negative = m[1] === '-' && format.allowNegative;
  let integer = m[2] || '0';
  let fraction = m[3] ?? '';
  if (format.decimalScale !== undefined) fraction = fraction.slice(0, format.decimalScale);
  if (format.thousandSeparator) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, format.thousandSeparator);
  const body = fraction ? `${integer}${format.decimalSeparator}${fraction}` : integer;
  return `${negative ? '-' : ''}${format.prefix}${body}${format.suffix}`;
}

/** What the user typed as the canonical stored text ("" when nothing numeric is left). */
export function parseNumber(input: string, format: NumberFormat): string {
  let text = input.trim();
  if (format.prefix.trim() && text.includes(format.prefix.trim())) text = text.replace(format.prefix.trim(), '');
  if (format.suffix.trim() && text.includes(format.suffix.trim())) text = text.replace(format.suffix.trim(), '');
  const negative = format.allowNegative && /^\s*[-−]/.test(text);
  if (format.thousandSeparator) text = text.split(format.thousandSeparator).join('');
  if (format.decimalSeparator !== '.') text = text.split('.').join('').split(format.decimalSeparator).join('.');
  const [integer = '', ...rest] = text.replace(/[^\d.]/g, '').split('.');
  let fraction = rest.join('');
  if (format.decimalScale !== undefined) fraction = fraction.slice(0, format.decimalScale);
  if (integer === '' && fraction === '') return '';
  const hasPoint = rest.length > 0 && format.decimalScale !== 0;
  return `${negative ? '-' : ''}${integer || '0'}${hasPoint ? `.${fraction}` : ''}`;
}
