/**
 * The split view's link from a component on the canvas to its place in the page's JSON text: the
 * `"id"` property of the object in `data.layout` with that id. Read from the editor's own text (which
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

/** The place of the component `id` in a layout page text, or null when it is not there. */
export function componentPlace(text: string, id: string): ComponentPlace | null {
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const layout = child(child(tree, 'data'), 'layout');
  if (layout?.type !== 'array') return null;
  for (const item of layout.children ?? []) {
    if (item.type !== 'object') continue;
    const property = item.children?.find((p) => p.children?.[0]?.value === 'id');
    if (property?.children?.[1]?.value === id) return { idOffset: property.offset, objectOffset: item.offset, objectLength: item.length };
  }
  return null;
}
