/**
 * The split view's links between a component on the canvas and its place in the page's JSON text: the
 * `"id"` property of the object in `data.layout` with that id, and the object the cursor is in. Read from the editor's own text (which
 * may be ahead of the model), tolerantly, so a half-typed file still finds what it can.
 */
import { parseTree, type Node } from 'jsonc-parser';

/** Where a component's `"id"` key starts and where its object spans, as offsets in `text`. */
export interface ComponentPlace {
  readonly idOffset: number;
  readonly objectOffset: number;
  readonly objectLength: number;
}

const child = (node: Node | undefined, key: string): Node | undefined =>
  node?.type === 'object' ? node.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined;

/** Each component object of a layout page text with its id (when it has a string one). */
function components(text: string): { id: string | null; place: ComponentPlace | null; offset: number; length: number }[] {
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const layout = child(child(tree, 'data'), 'layout');
  if (layout?.type !== 'array') return [];
  return (layout.children ?? []).flatMap((item) => {
    if (item.type !== 'object') return [];
    const property = item.children?.find((p) => p.children?.[0]?.value === 'id');
    const value = property?.children?.[1]?.value;
    const id = typeof value === 'string' ? value : null;
    return [{ id, place: property ? { idOffset: property.offset, objectOffset: item.offset, objectLength: item.length } : null, offset: item.offset, length: item.length }];
  });
}

/** The place of the component `id` in a layout page text, or null when it is not there. */
export function componentPlace(text: string, id: string): ComponentPlace | null {
  return components(text).find((c) => c.id === id)?.place ?? null;
}

/** The id of the component whose object holds `offset` in a layout page text, or null (outside any, or no id). */
export function componentAt(text: string, offset: number): string | null {
  return components(text).find((c) => offset > c.offset && offset < c.offset + c.length)?.id ?? null;
}
