/**
 * `formatDate`: LDML tokens (`dd.MM.yyyy`, `EEEE d. MMMM`, `HH:mm`) rendered in nb, nn or en. The
 * format is read the way the frontend reads it: runs of letters and digits are tokens, everything
 * else is kept as separator text, and a token it does not know is an error.
 */
import { dateLocale, type DateLocale } from './dateLocales';
import { type ExprDate, wallClockOf, type WallClock } from './dates';

/** A format token the runtime cannot render. */
export class UnsupportedDateToken extends Error {}

const pad = (value: number, length: number) => String(value).padStart(length, '0');

type TokenRenderer = (clock: WallClock, locale: DateLocale) => string;

// Years are written in the era (year 0 is 1 BC), as Intl does for the y tokens.
const eraYear = (c: WallClock) => (c.year > 0 ? c.year : 1 - c.year);
const era = (c: WallClock) => (c.year > 0 ? 1 : 0);
const hour12 = (c: WallClock) => (c.hour % 12 === 0 ? 12 : c.hour % 12);
const signedYear = (c: WallClock, length: number) => (c.year > 0 ? pad(c.year, length) : `-${pad(-c.year, length)}`);
const fraction = (c: WallClock, digits: number) => pad(c.millisecond, 3).slice(0, digits);
const shortWeekday = (c: WallClock, l: DateLocale) => (l.weekdaysShort[c.weekday] ?? '').replace(/\.$/, '');

const renderers: Readonly<Record<string, TokenRenderer>> = {
  G: (c, l) => l.eraShort[era(c)],
  GG: (c, l) => l.eraShort[era(c)],
  GGG: (c, l) => l.eraShort[era(c)],
  GGGG: (c, l) => l.eraLong[era(c)],
  GGGGG: (c, l) => l.eraNarrow[era(c)],
  y: (c) => String(eraYear(c)),
  yy: (c) => pad(eraYear(c) % 100, 2),
  yyy: (c) => pad(eraYear(c), 3),
  yyyy: (c) => pad(eraYear(c), 4),
  u: (c) => signedYear(c, 1),
  uu: (c) => signedYear(c, 2),
  uuu: (c) => signedYear(c, 3),
  uuuu: (c) => signedYear(c, 4),
  M: (c) => String(c.month),
  MM: (c) => pad(c.month, 2),
  MMM: (c, l) => l.monthsShort[c.month - 1] ?? '',
  MMMM: (c, l) => l.monthsLong[c.month - 1] ?? '',
  MMMMM: (c, l) => l.monthsNarrow[c.month - 1] ?? '',
  d: (c) => String(c.day),
  dd: (c) => pad(c.day, 2),
  E: shortWeekday,
  EE: shortWeekday,
  EEE: shortWeekday,
  EEEE: (c, l) => l.weekdaysLong[c.weekday] ?? '',
  EEEEE: (c, l) => l.weekdaysNarrow[c.weekday] ?? '',
  a: (c, l) => l.dayPeriods[c.hour < 12 ? 0 : 1],
  h: (c) => String(hour12(c)),
  hh: (c) => pad(hour12(c), 2),
  H: (c) => String(c.hour),
  HH: (c) => pad(c.hour, 2),
  m: (c) => String(c.minute),
  mm: (c) => pad(c.minute, 2),
  s: (c) => String(c.second),
  ss: (c) => pad(c.second, 2),
  S: (c) => fraction(c, 1),
  SS: (c) => fraction(c, 2),
  SSS: (c) => fraction(c, 3),
};

const separatorPattern = /[^a-zA-Z0-9]+/g;

/**
 * Renders a date with an LDML format in a language; without a format, the language's short date
 * (`dd.MM.yyyy` in nb/nn, `M/d/yy` in en). Dates with a zone are shown in `timeZone` (default UTC).
 */
export function formatDate(date: ExprDate, format: string | null | undefined, language: string | undefined, timeZone?: string): string {
  const locale = dateLocale(language);
  const pattern = format || locale.shortDate;
  const clock = wallClockOf(date, timeZone);
  const tokens = pattern.split(separatorPattern);
  const separators = pattern.match(separatorPattern) ?? [];
  let out = '';
  tokens.forEach((token, i) => {
    const render = Object.prototype.hasOwnProperty.call(renderers, token) ? renderers[token] : undefined;
    // An empty token (a format starting or ending with a separator) is unsupported too, as in the frontend.
    if (!render) throw new UnsupportedDateToken(`Unsupported date format token in '${pattern}'`);
    out += render(clock, locale) + (separators[i] ?? '');
  });
  return out;
}
