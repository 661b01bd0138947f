/**
 * The string formats and date-limit keywords the app frontend gives ajv (ajv-formats in full mode,
 * the draft 2019 additions, Altinn's own `year` and `year-month`, and `formatMinimum` & co. on
 * dates). They are written here because only ajv itself is a dependency; the checks follow the
 * formats' specifications (RFC 3339 dates and times, RFC 5321-style emails, …).
 */
import type AjvCore from 'ajv/dist/core';
import type { ErrorObject, FormatDefinition, SchemaValidateFunction } from 'ajv';
import { altinnFormatLimitKeywords } from '../datamodel';

const daysInMonth = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** RFC 3339 full-date with a real calendar day. */
export function isValidDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : daysInMonth[month]!);
}

const timePattern = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|([+-])(\d{2})(?::?(\d{2}))?)?$/i;

/** Seconds since midnight UTC for an RFC 3339 time (offset optional, as ajv-formats allows); undefined when invalid. */
function timeSeconds(value: string): number | undefined {
  const match = timePattern.exec(value);
  if (!match) return undefined;
  const [h, m, s] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const offH = Number(match[7] ?? 0);
  const offM = Number(match[8] ?? 0);
  if (h > 23 || m > 59 || offH > 23 || offM > 59) return undefined;
  // A leap second is only valid at the last minute of the UTC day.
  const sign = match[6] === '-' ? -1 : 1;
  const utcMinutes = h * 60 + m - sign * (offH * 60 + offM);
  if (s > 60 || (s === 60 && ((utcMinutes % 1440) + 1440) % 1440 !== 1439)) return undefined;
  return utcMinutes * 60 + s + Number(match[4] ?? 0);
}

function isValidDateTime(value: string): boolean {
  const parts = value.split(/t|\s/i);
  return parts.length === 2 && isValidDate(parts[0]!) && timeSeconds(parts[1]!) !== undefined;
}

function isValidIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(p));
}

function isValidIpv6(value: string): boolean {
  let body = value;
  let groupsLeft = 8;
  const lastColon = body.lastIndexOf(':');
  if (body.includes('.')) {
    if (!isValidIpv4(body.slice(lastColon + 1))) return false;
    body = body.slice(0, lastColon + 1) + '0:0';
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const all = halves.flatMap(groups);
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  if (halves.length === 1) return all.length === groupsLeft;
  groupsLeft -= all.length;
  return groupsLeft >= 1;
}

function isValidRegex(value: string): boolean {
  if (/[^\\]\\Z/.test(value)) return false;
  try {
    new RegExp(value, 'u');
    return true;
  } catch {
    return false;
  }
}

const templateExpression = /^\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\}$/i;

/** RFC 6570: literals without spaces, controls or quotes; every `{…}` a valid expression. */
function isValidUriTemplate(value: string): boolean {
  for (const ch of value) if (ch.charCodeAt(0) <= 0x20) return false;
  const literals = value.replace(/\{[^{}]*\}/g, (expression) => (templateExpression.test(expression) ? '' : '{'));
  return !/["'<>\\^`{|}]/.test(literals);
}

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** Formats by name, as the app frontend registers them. */
const formats: Record<string, RegExp | ((value: string) => boolean) | FormatDefinition<number>> = {
  date: isValidDate,
  time: (v) => timeSeconds(v) !== undefined,
  'date-time': isValidDateTime,
  duration: /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/,
  uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
  'uri-reference': /^[^\s]*$/,
  'uri-template': isValidUriTemplate,
  url: /^(?:https?|ftp):\/\/[^\s/$.?#][^\s]*$/i,
  iri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
  'iri-reference': /^[^\s]*$/u,
  email: /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i,
  'idn-email': /^[^\s@]+@[^\s@]+\.[^\s@]+$/u,
  hostname: /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i,
  'idn-hostname': /^[^\s.]+(?:\.[^\s.]+)*\.?$/u,
  ipv4: isValidIpv4,
  ipv6: isValidIpv6,
  regex: isValidRegex,
  uuid: /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i,
  'json-pointer': /^(?:\/(?:[^~/]|~0|~1)*)*$/,
  'json-pointer-uri-fragment': /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i,
  'relative-json-pointer': /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/,
  byte: /^(?:[a-z0-9+/]{4})*(?:[a-z0-9+/]{2}==|[a-z0-9+/]{3}=)?$/i,
  int32: { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= int32.min && n <= int32.max },
  int64: { type: 'number', validate: (n: number) => Number.isInteger(n) },
  float: { type: 'number', validate: () => true },
  double: { type: 'number', validate: () => true },
  password: () => true,
  binary: () => true,
  year: /^\d{4}$/,
  'year-month': /^\d{4}-(0[1-9]|1[0-2])$/,
};

/** Orders two values of a format; undefined when either is not a valid value of it. */
function compareFormatted(format: unknown, a: string, b: string): number | undefined {
  switch (format) {
    case 'date':
      return isValidDate(a) && isValidDate(b) ? a.localeCompare(b) : undefined;
    case 'time': {
      const [x, y] = [timeSeconds(a), timeSeconds(b)];
      return x === undefined || y === undefined ? undefined : x - y;
    }
    case 'date-time': {
      if (!isValidDateTime(a) || !isValidDateTime(b)) return undefined;
      return Date.parse(a) - Date.parse(b);
    }
    default:
      return undefined;
  }
}

const limitChecks: Record<(typeof altinnFormatLimitKeywords)[number], (order: number) => boolean> = {
  formatMinimum: (order) => order >= 0,
  formatMaximum: (order) => order <= 0,
  formatExclusiveMinimum: (order) => order > 0,
  formatExclusiveMaximum: (order) => order < 0,
};

/** A keyword that compares a formatted string with a limit; values that fail their format are left to `format`. */
function limitKeyword(keyword: (typeof altinnFormatLimitKeywords)[number]): SchemaValidateFunction {
  const validate: SchemaValidateFunction = (limit: unknown, data: unknown, parentSchema?: Record<string, unknown>) => {
    if (typeof data !== 'string' || typeof limit !== 'string') return true;
    const order = compareFormatted(parentSchema?.format, data, limit);
    if (order === undefined || limitChecks[keyword](order)) return true;
    const error: Partial<ErrorObject> = { keyword, params: { limit, comparison: keyword.includes('Min') ? '>=' : '<=' } };
    validate.errors = [error];
    return false;
  };
  return validate;
}

/** Adds the frontend's formats and the date-limit keywords to an ajv instance. */
export function addAltinnFormats(ajv: AjvCore): void {
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  for (const keyword of altinnFormatLimitKeywords) {
    ajv.addKeyword({ keyword, type: 'string', schemaType: 'string', errors: true, validate: limitKeyword(keyword) });
  }
}
