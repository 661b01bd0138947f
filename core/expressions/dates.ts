/**
 * The `date` type of the expression language: the strict ISO-8601 subset both runtimes accept
 * (§3.2), kept with its wall-clock fields and its zone designator, because comparisons depend on
 * whether a zone was written and `isSameDay` on which.
 */

/** A parsed date value. */
export interface ExprDate {
  readonly kind: 'date';
  /** The text as parsed (upper-cased, like the frontend reports it). */
  readonly raw: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Minutes east of UTC, or null when no zone was written (local time). */
  readonly offsetMinutes: number | null;
  /** `local`, `utc` (Z, +00:00, -00:00) or the written offset, e.g. `+02:00`. */
  readonly timeZone: string;
  /** Milliseconds since the epoch, taking a local time as if it were UTC (only compared with other local times). */
  readonly epoch: number;
}

/** Why a text is not a date; the message is what both runtimes report. */
export class ExprDateError extends Error {}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for values made by `parseExprDate`. */
export function isExprDate(value: unknown): value is ExprDate {
  return value !== null && typeof value === 'object' && (value as { kind?: unknown }).kind === 'date';
}

/**
 * Parses a date text, or returns null for an empty one. Only `YYYY-MM-DD`, optionally with
 * `[T ]hh:mm[:ss[.fraction]]` and `Z`/`±hh:mm`, is a date; anything else is an error (§3.2).
 */
export function parseExprDate(text: string): ExprDate | null {
  const raw = text.toUpperCase();
  const match = datePattern.exec(raw);
  if (!match) {
    if (raw.trim() === '') return null;
    throw new ExprDateError(`Unable to parse date "${raw}": Unknown format`);
  }
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  // Digits past milliseconds are dropped, not rounded (both runtimes keep millisecond precision).
  const millisecond = fraction ? Number(fraction.slice(1, 4).padEnd(3, '0')) : 0;
  let offsetMinutes: number | null = null;
  let zoneValid = true;
  if (zone === 'Z') offsetMinutes = 0;
  else if (zone) {
    const zoneHours = Number(zone.slice(1, 3));
    const zoneMinutes = Number(zone.slice(4, 6));
    zoneValid = zoneHours < 24 && zoneMinutes < 60;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  }
  const valid = zoneValid && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour < 24 && minute < 60 && second < 60;
  if (!valid) throw new ExprDateError(`Unable to parse date "${raw}": Format was recognized, but the date/time is invalid`);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear puts them back.
  const wallDate = new Date(wall);
  if (year < 100) wallDate.setUTCFullYear(year);
  const epoch = wallDate.getTime() - (offsetMinutes ?? 0) * 60_000;
  const timeZone = offsetMinutes === null ? 'local' : offsetMinutes === 0 ? 'utc' : (zone ?? 'local');
  return { kind: 'date', raw, year, month, day, hour, minute, second, millisecond, offsetMinutes, timeZone, epoch };
}

/** The wall-clock fields of a date shown in a time zone (dates without a zone keep their own fields). */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** 0 = Sunday. */
  readonly weekday: number;
}

function wallFromUtc(ms: number): WallClock {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/** Minutes east of UTC of an IANA zone at an instant (via Intl, which browsers and Node both have). */
function zoneOffsetMinutes(timeZone: string, epoch: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(epoch));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - (epoch - (epoch % 1000))) / 60_000);
}

/** The wall clock a user in `timeZone` sees for a date; a date without a zone is shown as written. */
export function wallClockOf(date: ExprDate, timeZone = 'UTC'): WallClock {
  if (date.offsetMinutes === null) return wallFromUtc(date.epoch);
  const offset = timeZone.toUpperCase() === 'UTC' ? 0 : zoneOffsetMinutes(timeZone, date.epoch);
  return wallFromUtc(date.epoch + offset * 60_000);
}

/** The calendar day of a date in its own zone (what `isSameDay` compares, as the backend does). */
export function dayOf(date: ExprDate): string {
  return `${date.year}-${date.month}-${date.day}`;
}
