/**
 * Options of selection components (§2.4, §7.2): the source (`source` > `optionsId` > `options`),
 * labels resolved as text keys, `optionFilter` per option with `["value"]`, `sortOrder`, and the
 * stale-value cleanup the runtime does when the stored value is no longer an option.
 */
import {
  evaluateExpression,
  readDataPath,
  resolveText,
  type ComponentNode,
  type ExprEnvironment,
  type OptionItem,
} from '../../../core/expressions';

export interface ResolvedOption {
  readonly value: string;
  readonly label: string;
  readonly description?: string;
  readonly helpText?: string;
}

/** Undefined while a code list is still loading (so stale cleanup waits for it). */
export type OptionList = readonly ResolvedOption[] | undefined;

interface OptionSource {
  readonly group?: string;
  readonly value?: string;
  readonly label?: string;
  readonly dataType?: string;
}

/** Option values are strings internally, whatever the list holds. */
export function optionValue(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Items from the `source` repeating structure: `value` `people[{0}].id` read per row. */
function sourceItems(source: OptionSource, env: ExprEnvironment): { item: OptionItem; row: string }[] {
  if (!source.group || !source.value) return [];
  const dataType = source.dataType ?? env.defaultDataType;
  const rows = readDataPath(env.dataModels[dataType], source.group);
  if (!Array.isArray(rows)) return [];
  return rows.map((_, i) => ({
    row: `${source.group}[${i}]`,
    item: { value: readDataPath(env.dataModels[dataType], source.value!.replace('{0}', String(i))), label: source.label },
  }));
}

/** The raw items of a component, or undefined while its code list loads. */
export function rawOptions(config: Readonly<Record<string, unknown>>, env: ExprEnvironment, codeLists: Readonly<Record<string, readonly OptionItem[]>>): { item: OptionItem; row?: string }[] | undefined {
  if (config.source && typeof config.source === 'object') return sourceItems(config.source as OptionSource, env);
  if (typeof config.optionsId === 'string') {
    const list = codeLists[config.optionsId];
    return list ? list.map((item) => ({ item })) : undefined;
  }
  return Array.isArray(config.options) ? (config.options as OptionItem[]).map((item) => ({ item })) : [];
}

/** Resolves, filters and sorts a component's options in its row context. */
export function resolveOptions(node: ComponentNode, env: ExprEnvironment, codeLists: Readonly<Record<string, readonly OptionItem[]>>): OptionList {
  const raw = rawOptions(node.config, env, codeLists);
  if (!raw) return undefined;
  const text = (key: unknown, row?: string) =>
    typeof key === 'string' ? resolveText(key, env, row ? { dataType: env.defaultDataType, field: row } : node.location) : undefined;
  let out: ResolvedOption[] = raw.map(({ item, row }) => ({
    value: optionValue(item.value),
    label: text(item.label, row) ?? optionValue(item.value),
    ...(item.description ? { description: text(item.description, row) } : {}),
    ...(item.helpText ? { helpText: text(item.helpText, row) } : {}),
  }));
  const filter = node.config.optionFilter;
  if (filter !== undefined && filter !== null) {
    out = out.filter((option) => {
      const data = { value: option.value, label: option.label, description: option.description ?? null, helpText: option.helpText ?? null };
      // A failing filter keeps the option: hiding choices silently would be worse than showing one too many.
      return evaluateExpression(filter, { env, node, valueArguments: { data, defaultKey: 'value' } }, { returnType: 'boolean', defaultValue: true }) !== false;
    });
  }
  const order = node.config.sortOrder;
  if (order === 'asc' || order === 'desc') {
    const collator = new Intl.Collator(env.language ?? 'nb', { numeric: true });
    out = [...out].sort((a, b) => (order === 'asc' ? 1 : -1) * collator.compare(a.label, b.label));
  }
  return out;
}

/** Multi-select values are stored as a comma-separated string. */
export function splitValues(stored: unknown): string[] {
  const text = optionValue(stored);
  return text === '' ? [] : text.split(',');
}

/**
 * The value after removing stale choices, or `undefined` when nothing changes. Waits (undefined)
 * while the options are loading, so a slow code list never wipes data.
 */
export function withoutStale(stored: unknown, options: OptionList, multiple: boolean): { value: string | undefined } | undefined {
  if (!options || stored === undefined || stored === null || stored === '') return undefined;
  const known = new Set(options.map((o) => o.value));
  if (!multiple) return known.has(optionValue(stored)) ? undefined : { value: undefined };
  const values = splitValues(stored);
  const kept = values.filter((v) => known.has(v));
  if (kept.length === values.length) return undefined;
  return { value: kept.length > 0 ? kept.join(',') : undefined };
}

/** The label(s) of the selected value(s), for `dataModelBindings.label`. */
export function selectedLabel(stored: unknown, options: OptionList, multiple: boolean): string | undefined {
  if (!options) return undefined;
  const values = multiple ? splitValues(stored) : [optionValue(stored)];
  const labels = values.map((v) => options.find((o) => o.value === v)?.label).filter((l): l is string => l !== undefined);
  return labels.length > 0 ? labels.join(', ') : undefined;
}
