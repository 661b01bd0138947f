/**
 * `displayValue`: the text a component shows for its value in summaries and PDFs (option labels,
 * formatted numbers and dates, file names, lookup results), per component type.
 */
import { findComponentType } from '../catalog';
import { dataElementsOf, readLocation } from './contextSources';
import { bindingLocation, readDataPath, transposeDataPath } from './dataPath';
import { parseExprDate, wallClockOf } from './dates';
import { evaluateExpression } from './evaluate';
import { formatDate } from './formatDate';
import type { Runtime } from './functions/shared';
import { looseEquals } from './functions/shared';
import type { ComponentConfig, ComponentNode } from './hierarchy/types';
import { formatNumberText } from './numberFormat';
import { resolveText } from './texts';
import type { OptionItem } from './types';

type DisplayFn = (node: ComponentNode, rt: Runtime) => string | null;

const stringOf = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'object' ? '' : String(value));

/** The value a binding of the node holds in the node's row. */
function bound(node: ComponentNode, rt: Runtime, key = 'simpleBinding'): unknown {
  const bindings = node.config.dataModelBindings as Record<string, unknown> | undefined;
  const raw = bindingLocation(bindings?.[key], rt.env.defaultDataType);
  return raw ? readLocation(rt.env, transposeDataPath(raw, node.location)) : undefined;
}

/** A property that may be an expression, evaluated on the node. */
function property(node: ComponentNode, rt: Runtime, name: string): unknown {
  return evaluateExpression(node.config[name], { env: rt.env, node }, { defaultValue: null });
}

/** The options of a selection component: static `options`, a code list by `optionsId`, or a `source` in the data. */
function optionsOf(config: ComponentConfig, node: ComponentNode, rt: Runtime): readonly OptionItem[] {
  const source = config.source as { group?: unknown; value?: unknown; label?: unknown; dataType?: unknown } | undefined;
  if (source && typeof source.group === 'string' && typeof source.value === 'string') {
    const dataType = typeof source.dataType === 'string' ? source.dataType : rt.env.defaultDataType;
    const group = transposeDataPath({ dataType, field: source.group }, node.location);
    const rows = readLocation(rt.env, group);
    if (!Array.isArray(rows)) return [];
    return rows.map((_row, i) => {
      const location = { dataType, field: `${group.field}[${i}]` };
      const label = evaluateExpression(source.label, { env: rt.env, node, location }, { returnType: 'string', defaultValue: '' });
      const valuePath = (source.value as string).replace('{0}', String(i));
      return { value: readDataPath(rt.env.dataModels[dataType], valuePath), label: resolveText(String(label), rt.env, location) };
    });
  }
  if (typeof config.optionsId === 'string') return rt.env.codeLists?.[config.optionsId] ?? [];
  return Array.isArray(config.options) ? (config.options as OptionItem[]) : [];
}

function labelOf(value: unknown, node: ComponentNode, rt: Runtime): string {
  const option = optionsOf(node.config, node, rt).find((o) => looseEquals(String(o.value), String(value)));
  return option ? resolveText(String(option.label ?? ''), rt.env, node.location) : '';
}

function dateText(value: unknown, format: unknown, rt: Runtime): string {
  if (typeof value !== 'string' || value === '') return '';
  // Without a format the component shows the locale's date (date-fns `P`): dd.MM.yyyy, or MM/dd/yyyy in English.
  const pattern = typeof format === 'string' && format ? format : rt.env.language === 'en' ? 'MM/dd/yyyy' : 'dd.MM.yyyy';
  try {
    const date = parseExprDate(value);
    return date ? formatDate(date, pattern, rt.env.language ?? 'nb', rt.env.timeZone) : '';
  } catch {
    return value;
  }
}

/** A TimePicker value; with `timeStamp`, a full date-time shown as its time (12-hour when the format has `a`). */
function timeText(node: ComponentNode, rt: Runtime): string {
  const value = stringOf(bound(node, rt));
  const format = typeof node.config.format === 'string' ? node.config.format : 'HH:mm';
  if (!value || node.config.timeStamp !== true || !value.includes('T')) return value;
  try {
    const date = parseExprDate(value);
    if (!date) return value;
    const clock = wallClockOf(date, rt.env.timeZone);
    const two = (n: number) => String(n).padStart(2, '0');
    const hours = format.includes('a') ? (clock.hour % 12 === 0 ? 12 : clock.hour % 12) : clock.hour;
    const seconds = format.includes('ss') ? `:${two(clock.second)}` : '';
    return `${two(hours)}:${two(clock.minute)}${seconds}${format.includes('a') ? (clock.hour >= 12 ? ' PM' : ' AM') : ''}`;
  } catch {
    return value;
  }
}

/** Every bound value, in binding order (Custom components). */
function allBound(node: ComponentNode, rt: Runtime): string {
  const keys = Object.keys((node.config.dataModelBindings ?? {}) as Record<string, unknown>);
  return keys
    .map((key) => bound(node, rt, key))
    .filter((value) => value !== undefined)
    .map(stringOf)
    .join(', ');
}

const single: DisplayFn = (node, rt) => {
  const value = bound(node, rt);
  return value === undefined || value === null ? '' : labelOf(value, node, rt);
};

const multiple: DisplayFn = (node, rt) => {
  const value = stringOf(bound(node, rt));
  return value ? value.split(',').map((part) => labelOf(part.trim(), node, rt)).join(', ') : '';
};

const attachments: DisplayFn = (node, rt) =>
  dataElementsOf(rt.env)
    .filter((element) => element.dataType === node.baseId)
    .map((element) => element.filename ?? '')
    .join(', ');

const displayFunctions: Readonly<Record<string, DisplayFn>> = {
  Input: (node, rt) => formatNumberText(stringOf(bound(node, rt)), node.config.formatting, rt.env.language),
  TextArea: (node, rt) => stringOf(bound(node, rt)),
  Checkboxes: multiple,
  MultipleSelect: multiple,
  Dropdown: single,
  RadioButtons: single,
  LikertItem: single,
  // A v3 Likert (inside a repeating Group) answers through its own simpleBinding.
  Likert: single,
  Datepicker: (node, rt) => dateText(bound(node, rt), node.config.format, rt),
  TimePicker: timeText,
  Date: (node, rt) => dateText(property(node, rt, 'value'), node.config.format, rt),
  Text: (node, rt) => stringOf(property(node, rt, 'value')),
  Number: (node, rt) => {
    const value = property(node, rt, 'value');
    return typeof value === 'number' || (typeof value === 'string' && value !== '' && !Number.isNaN(Number(value)))
      ? formatNumberText(String(value), node.config.formatting, rt.env.language)
      : '';
  },
  Option: (node, rt) => {
    const value = property(node, rt, 'value');
    return value === null ? '' : labelOf(value, node, rt);
  },
  List: (node, rt) => {
    // `summaryBinding` names one of the bindings; the legacy `bindingToShowInSummary` is a data path.
    const key = node.config.summaryBinding;
    if (typeof key === 'string') return stringOf(bound(node, rt, key));
    const legacy = node.config.bindingToShowInSummary;
    if (typeof legacy !== 'string') return '';
    return stringOf(readLocation(rt.env, transposeDataPath({ dataType: rt.env.defaultDataType, field: legacy }, node.location)));
  },
  PersonLookup: (node, rt) => [bound(node, rt, 'person_lookup_ssn'), bound(node, rt, 'person_lookup_name')].map(stringOf).filter(Boolean).join(', '),
  OrganisationLookup: (node, rt) =>
    [bound(node, rt, 'organisation_lookup_orgnr'), bound(node, rt, 'organisation_lookup_name')].map(stringOf).filter(Boolean).join(', '),
  Address: (node, rt) => {
    const line = (key: string) => stringOf(bound(node, rt, key));
    const place = [line('zipCode'), line('postPlace')].filter(Boolean).join(' ');
    return [line('careOf'), line('address'), place].filter(Boolean).join(', ');
  },
  FileUpload: attachments,
  FileUploadWithTag: attachments,
  ImageUpload: attachments,
  Map: (node, rt) => {
    const [latitude, longitude] = stringOf(bound(node, rt)).split(',').map((part) => Number(part.trim()));
    return latitude !== undefined && longitude !== undefined && Number.isFinite(latitude) && Number.isFinite(longitude) ? `${latitude}, ${longitude}` : '';
  },
  Custom: allBound,
};

/** Whether a component type has a display value at all (`displayValue` on others is an error). */
export function hasDisplayValue(config: ComponentConfig): boolean {
  const type = findComponentType(config.type);
  return type !== undefined && Object.prototype.hasOwnProperty.call(displayFunctions, type);
}

/** The display value of a component instance. */
export function displayValueOf(node: ComponentNode, rt: Runtime): string | null {
  const type = findComponentType(node.config.type);
  const fn = type ? displayFunctions[type] : undefined;
  return fn ? fn(node, rt) : null;
}
