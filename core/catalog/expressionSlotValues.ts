/** The values a component holds in its expression slots, found by the catalogue's slot paths. */
import { type ComponentTypeName, findComponentType } from './catalog';
import { expressionSlotsOf } from './queries';
import type { ExprResult } from './spec';

/** One value in an expression slot of a component. */
export interface SlotValue {
  /** The concrete path as text: `hidden`, `textResourceBindings.title`, `tableColumns.name.hidden`. */
  readonly slot: string;
  /** The same path as keys and indexes, for locating it in the file. */
  readonly path: readonly (string | number)[];
  readonly value: unknown;
  /** What the slot's expression must return; `any` where the slot takes several kinds. */
  readonly result: ExprResult | 'any';
}

type Slot = { readonly path: string; readonly result: ExprResult | 'any' };

// Slots by their first key: a component has few of the many keys its type allows, so only the slots
// under keys it has are walked (this runs for every component of every page).
const cache = new Map<ComponentTypeName, ReadonlyMap<string, readonly Slot[]>>();

function slotsOf(type: ComponentTypeName): ReadonlyMap<string, readonly Slot[]> {
  let byKey = cache.get(type);
  if (!byKey) {
    const grouped = new Map<string, Slot[]>();
    for (const s of expressionSlotsOf(type)) {
      const key = s.path.split('.')[0]!.replace(/\[\]$/, '');
      const slot = { path: s.path, result: s.results.length === 1 ? s.results[0]! : ('any' as const) };
      grouped.set(key, [...(grouped.get(key) ?? []), slot]);
    }
    byKey = grouped;
    cache.set(type, byKey);
  }
  return byKey;
}

const unknownTypeSlots: ReadonlyMap<string, readonly Slot[]> = new Map([['hidden', [{ path: 'hidden', result: 'boolean' }]]]);

/** Every value present in an expression slot of `component` (`hidden` only for unknown types); each concrete path once. */
export function expressionSlotValues(component: Readonly<Record<string, unknown>>): SlotValue[] {
  const type = typeof component.type === 'string' ? findComponentType(component.type) : undefined;
  const byKey = type ? slotsOf(type) : unknownTypeSlots;
  const slots = Object.keys(component).flatMap((key) => byKey.get(key) ?? []);
  const out: SlotValue[] = [];
  const seen = new Set<string>();
  for (const { path: slotPath, result } of slots) {
    let found: { path: (string | number)[]; value: unknown }[] = [{ path: [], value: component }];
    for (const segment of slotPath.split('.')) {
      const array = segment.endsWith('[]');
      const key = array ? segment.slice(0, -2) : segment;
      const next: typeof found = [];
      for (const { path, value } of found) {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
        const record = value as Record<string, unknown>;
        for (const k of key === '*' ? Object.keys(record) : [key]) {
          if (!array) next.push({ path: [...path, k], value: record[k] });
          else if (Array.isArray(record[k])) (record[k] as unknown[]).forEach((item, i) => next.push({ path: [...path, k, i], value: item }));
        }
      }
      found = next;
    }
    for (const { path, value } of found) {
      const slot = path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
      if (value === undefined || seen.has(slot)) continue;
      seen.add(slot);
      out.push({ slot, path, value, result });
    }
  }
  return out;
}
