/**
 * Date names for `formatDate` in the languages Altinn apps ship (nb, nn, en). Written out rather than
 * taken from Intl: ICU versions differ between browsers and Node (nn day periods changed), and the
 * shared tests fix one answer. Other languages use the English table.
 */

export interface DateLocale {
  readonly monthsShort: readonly string[];
  readonly monthsLong: readonly string[];
  readonly monthsNarrow: readonly string[];
  /** Sunday first. */
  readonly weekdaysShort: readonly string[];
  readonly weekdaysLong: readonly string[];
  readonly weekdaysNarrow: readonly string[];
  /** [before Christ, after Christ] per width. */
  readonly eraShort: readonly [string, string];
  readonly eraLong: readonly [string, string];
  readonly eraNarrow: readonly [string, string];
  /** [before noon, after noon] */
  readonly dayPeriods: readonly [string, string];
  /** The pattern used when no format is given (Intl `dateStyle: 'short'`). */
  readonly shortDate: string;
}

const norwegianMonthsLong = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const norwegianMonthsShort = ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'];
const monthsNarrow = ['J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D'];
const norwegianEras = {
  eraShort: ['f.Kr.', 'e.Kr.'],
  eraLong: ['før Kristus', 'etter Kristus'],
  eraNarrow: ['f.Kr.', 'e.Kr.'],
} as const;

const nb: DateLocale = {
  monthsShort: norwegianMonthsShort,
  monthsLong: norwegianMonthsLong,
  monthsNarrow,
  // Intl writes these with a trailing period ("lør."); formatDate drops it for E–EEE like the frontend.
  weekdaysShort: ['søn.', 'man.', 'tir.', 'ons.', 'tor.', 'fre.', 'lør.'],
  weekdaysLong: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'],
  weekdaysNarrow: ['S', 'M', 'T', 'O', 'T', 'F', 'L'],
  ...norwegianEras,
  dayPeriods: ['a.m.', 'p.m.'],
  shortDate: 'dd.MM.yyyy',
};

const nn: DateLocale = {
  ...nb,
  weekdaysShort: ['søn', 'mån', 'tys', 'ons', 'tor', 'fre', 'lau'],
  weekdaysLong: ['søndag', 'måndag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'laurdag'],
  // Newer ICU says "f.m."/"e.m."; both runtimes (and the shared tests) say "a.m."/"p.m.".
  dayPeriods: ['a.m.', 'p.m.'],
};

const en: DateLocale = {
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  monthsLong: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  monthsNarrow,
  weekdaysShort: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  weekdaysLong: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  weekdaysNarrow: ['S', 'M', 'T', 'W', 'T', 'F', 'S'],
  eraShort: ['BC', 'AD'],
  eraLong: ['Before Christ', 'Anno Domini'],
  eraNarrow: ['B', 'A'],
  dayPeriods: ['AM', 'PM'],
  shortDate: 'M/d/yy',
};

const locales: Readonly<Record<string, DateLocale>> = { nb, nn, no: nb, en };

/** The date names of a language (by its primary subtag), English when unknown. */
export function dateLocale(language: string | undefined): DateLocale {
  const primary = (language ?? 'nb').toLowerCase().split(/[-_]/)[0] ?? '';
  return locales[primary] ?? en;
}
