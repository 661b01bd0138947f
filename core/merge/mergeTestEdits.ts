/** Test helper: random edits of a keyed list (components, texts) for the merge's property tests. */
import fc from 'fast-check';

/** An item of a keyed list: a component or a text resource. */
export interface Item {
  readonly id: string;
  readonly [property: string]: unknown;
}

/** One edit of one item; `property` may be a dotted path into the item. */
export type KeyedEdit =
  | { readonly kind: 'set'; readonly id: string; readonly property: string; readonly value: unknown }
  | { readonly kind: 'unset'; readonly id: string; readonly property: string }
  | { readonly kind: 'remove'; readonly id: string }
  | { readonly kind: 'add'; readonly id: string; readonly at: number; readonly item: Item }
  | { readonly kind: 'move'; readonly id: string; readonly to: number };

const properties = ['value', 'required', 'readOnly', 'hidden', 'textResourceBindings.title', 'grid.xs'];

/** Up to `maxLength` random edits of items of `seed` (and of new items, whose ids may collide across calls). */
export function keyedEdits(seed: readonly Item[], maxLength = 4): fc.Arbitrary<KeyedEdit[]> {
  const id = fc.constantFrom(...seed.map((item) => item.id));
  const property = fc.constantFrom(...properties);
  const value = fc.oneof(fc.boolean(), fc.string({ maxLength: 4 }), fc.integer({ min: 0, max: 12 }));
  const edit: fc.Arbitrary<KeyedEdit> = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), id, property, value }),
    fc.record({ kind: fc.constant('unset' as const), id, property }),
    fc.record({ kind: fc.constant('remove' as const), id }),
    fc.record({ kind: fc.constant('move' as const), id, to: fc.nat(seed.length) }),
    fc
      .record({ id: fc.constantFrom('new1', 'new2', 'new3'), at: fc.nat(seed.length), text: fc.string({ maxLength: 4 }) })
      .map(({ id: newId, at, text }) => ({ kind: 'add' as const, id: newId, at, item: { id: newId, type: 'Paragraph', value: text } })),
  );
  return fc.array(edit, { maxLength });
}

function withProperty(item: Item, path: readonly string[], value: unknown): Item {
  const [head, ...rest] = path as [string, ...string[]];
  const inner = item[head];
  const next = rest.length === 0 ? value : withProperty((typeof inner === 'object' && inner !== null ? inner : {}) as Item, rest, value);
  const copy: Record<string, unknown> = { ...item };
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy as Item;
}

/** The items after the edits; edits of items that are not there are skipped. */
export function editKeyedList(items: readonly Item[], edits: readonly KeyedEdit[]): Item[] {
  let out = [...items];
  for (const edit of edits) {
    const index = out.findIndex((item) => item.id === edit.id);
    if (edit.kind === 'add') {
      if (index < 0) out.splice(Math.min(edit.at, out.length), 0, edit.item);
    } else if (index >= 0) {
      if (edit.kind === 'remove') out = out.filter((item) => item.id !== edit.id);
      else if (edit.kind === 'move') out.splice(Math.min(edit.to, out.length - 1), 0, ...out.splice(index, 1));
      else out[index] = withProperty(out[index]!, edit.property.split('.'), edit.kind === 'set' ? edit.value : undefined);
    }
  }
  return out;
}
