/**
 * Where a drag would drop, from boxes measured once per drag (not React state per item): the
 * canvas items (before or after one, by which half the point is in), the child slots of containers
 * (at their end), and the pages of the page list (a component goes to the end of that page; a
 * dragged page goes before or after it). The keyboard walks the same places as a list of stops.
 */
import type { DropTarget } from '../../../../core/app/layoutEdits';
import type { Place } from '../canvas/canvasTree';

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export type HitBox =
  /** A canvas item: `place` is where it sits. */
  | { readonly kind: 'item'; readonly id: string; readonly place: Place; readonly single: boolean; readonly depth: number; readonly rect: Box }
  /** A container's child slot: drops at `place.index` (its end). */
  | { readonly kind: 'zone'; readonly place: Place; readonly depth: number; readonly rect: Box }
  /** A page in the page list. */
  | { readonly kind: 'page'; readonly page: string; readonly index: number; readonly depth: number; readonly rect: Box };

export type Side = 'before' | 'after' | 'inside';

/** A place to drop, with what the indicator shows. */
export type Hover =
  | { readonly kind: 'component'; readonly target: DropTarget; readonly box: HitBox; readonly side: Side }
  | { readonly kind: 'page'; readonly page: string; readonly index: number; readonly box: HitBox; readonly side: Side };

const contains = (r: Box, x: number, y: number) => x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height;

/** The place a box offers for a side (pages: a component drop goes to its end; a page drop before or after it). */
export function hoverOf(box: HitBox, side: Side, folderId: string, page: string, dragging: 'component' | 'page', pageEnds: ReadonlyMap<string, number>): Hover | null {
  if (box.kind === 'page') {
    if (dragging === 'page') return { kind: 'page', page: box.page, index: box.index + (side === 'after' ? 1 : 0), box, side };
    return { kind: 'component', target: { folderId, page: box.page, index: pageEnds.get(box.page) ?? 0 }, box, side: 'inside' };
  }
  if (dragging === 'page') return null;
  const { container, index } = box.place;
  const at = box.kind === 'item' && !box.single && side === 'after' ? index + 1 : index;
  return { kind: 'component', target: { folderId, page, ...(container ? { container } : {}), index: at }, box, side };
}

/**
 * The drop place under a point: the deepest box holding it; an item by the half the point is in.
 * `pageEnds` gives the number of top components of each page (a drop on a page goes at its end).
 */
export function hoverAt(
  x: number,
  y: number,
  boxes: readonly HitBox[],
  folderId: string,
  page: string,
  dragging: 'component' | 'page',
  pageEnds: ReadonlyMap<string, number>,
): Hover | null {
  let best: HitBox | null = null;
  for (const box of boxes) {
    if (dragging === 'page' && box.kind !== 'page') continue;
    if (contains(box.rect, x, y) && (!best || box.depth > best.depth)) best = box;
  }
  if (!best) return null;
  const side: Side = best.kind === 'zone' ? 'inside' : y < best.rect.top + best.rect.height / 2 ? 'before' : 'after';
  return hoverOf(best, side, folderId, page, dragging, pageEnds);
}

export interface Stop {
  readonly box: HitBox;
  readonly side: Side;
}

/**
 * The places the keyboard moves between, top to bottom: before every item, after the last one of
 * each list, inside every empty slot, then each page of the page list (components) or before and
 * after each page (pages). Items inside `excluded` (the dragged ones) are left out.
 */
export function keyboardStops(boxes: readonly HitBox[], dragging: 'component' | 'page', excluded: ReadonlySet<string> = new Set()): Stop[] {
  const canvas: (Stop & { y: number; x: number })[] = [];
  const pages: Stop[] = [];
  const lastOfList = new Map<string, HitBox>();
  const listKey = (place: Place) => (place.container ? `${place.container.id} ${place.container.slot.path} ${(place.container.slot.at ?? []).join(',')}` : '');
  for (const box of boxes) {
    if (box.kind === 'page') {
      if (dragging === 'page') pages.push({ box, side: 'before' });
      else pages.push({ box, side: 'inside' });
      continue;
    }
    if (dragging === 'page') continue;
    if (box.kind === 'item') {
      if (excluded.has(box.id)) continue;
      canvas.push({ box, side: 'before', y: box.rect.top, x: box.rect.left });
      if (!box.single) {
        const key = listKey(box.place);
        const last = lastOfList.get(key);
        if (!last || (last.kind === 'item' && last.place.index < box.place.index)) lastOfList.set(key, box);
      }
    } else if (box.place.index === 0) {
      canvas.push({ box, side: 'inside', y: box.rect.top + box.rect.height / 2, x: box.rect.left });
    }
  }
  for (const box of lastOfList.values()) canvas.push({ box, side: 'after', y: box.rect.top + box.rect.height, x: box.rect.left });
  canvas.sort((a, b) => a.y - b.y || a.x - b.x);
  const lastPage = pages.at(-1);
  if (dragging === 'page' && lastPage) pages.push({ box: lastPage.box, side: 'after' });
  return [...canvas.map(({ box, side }) => ({ box, side })), ...pages];
}

/** A stable key of a hover, so work happens only when the place changes. */
export function hoverKey(hover: Hover | null): string {
  if (!hover) return '';
  if (hover.kind === 'page') return `page:${hover.page}:${hover.index}`;
  const t = hover.target;
  return `${t.page}:${t.container ? `${t.container.id}/${t.container.slot.path}/${(t.container.slot.at ?? []).join(',')}` : ''}:${t.index}`;
}
