/**
 * Display formatting of numbers for `Input.formatting` / `Number.formatting` (§2.5): the
 * react-number-format props (numeric: separators, prefix/suffix, decimal scale; pattern: `### ## ###`)
 * and the newer `currency`/`unit` options (rendered with Intl in the current language).
 */

interface NumberProps {
  readonly thousandSeparator?: unknown;
  readonly decimalSeparator?: unknown;
  readonly prefix?: unknown;
  readonly suffix?: unknown;
  readonly decimalScale?: unknown;
  readonly fixedDecimalScale?: unknown;
  readonly format?: unknown;
  readonly mask?: unknown;
  readonly patternChar?: unknown;
}

const text = (value: unknown, fallback = '') => (typeof value === 'string' ? value : fallback);

function groupThousands(digits: string, separator: string): string {
  return separator ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator) : digits;
}

function numeric(value: string, props: NumberProps): string {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value);
  if (!match) return value;
  const [, sign = '', whole = '', fractionRaw = ''] = match;
  let fraction = fractionRaw;
  const scale = typeof props.decimalScale === 'number' ? props.decimalScale : undefined;
  if (scale !== undefined) {
    fraction = fraction.slice(0, scale);
    if (props.fixedDecimalScale === true) fraction = fraction.padEnd(scale, '0');
  }
  const thousands = props.thousandSeparator === true ? ',' : text(props.thousandSeparator);
  const decimal = text(props.decimalSeparator, '.');
  const hasFraction = fraction !== '' || (value.includes('.') && scale !== 0);
  return `${sign}${text(props.prefix)}${groupThousands(whole, thousands)}${hasFraction ? decimal + fraction : ''}${text(props.suffix)}`;
}

function pattern(value: string, props: NumberProps): string {
  const format = text(props.format);
  const placeholder = text(props.patternChar, '#');
  const digits = value.replace(/\D/g, '').split('');
  const mask = text(props.mask, ' ');
  let out = '';
  for (const char of format) out += char === placeholder ? (digits.shift() ?? mask) : char;
  return out;
}

function withIntl(value: string, formatting: Record<string, unknown>, language: string | undefined): string {
  const number = Number(value);
  if (!Number.isFinite(number)) return value;
  const locale = language === 'en' ? 'en' : 'nb';
  try {
    if (typeof formatting.currency === 'string') return new Intl.NumberFormat(locale, { style: 'currency', currency: formatting.currency }).format(number);
    if (typeof formatting.unit === 'string') return new Intl.NumberFormat(locale, { style: 'unit', unit: formatting.unit }).format(number);
  } catch {
    // An unknown currency or unit shows the plain value rather than failing the expression.
  }
  return value;
}

/** A stored number text as the component shows it. */
export function formatNumberText(value: string, formatting: unknown, language: string | undefined): string {
  if (value === '' || formatting === null || typeof formatting !== 'object') return value;
  const config = formatting as Record<string, unknown>;
  const props = (config.number ?? {}) as NumberProps;
  if (typeof props.format === 'string') return pattern(value, props);
  if (config.number) return numeric(value, props);
  return withIntl(value, config, language);
}
