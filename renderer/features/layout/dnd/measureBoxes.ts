/**
 * Measures the drop places of the Layout area once per drag: canvas items and slots, and the pages
 * of the page list, clipped to the scrolling panel they are in (what is scrolled away cannot be hit).
 */
import type { Place } from '../canvas/canvasTree';
import type { Box, HitBox } from './dropTargets';

export interface Measured {
  readonly boxes: HitBox[];
  readonly elements: Map<HitBox, HTMLElement>;
}

function clip(rect: DOMRect, to: DOMRect | undefined): Box | null {
  if (!to) return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
  const left = Math.max(rect.left, to.left);
  const top = Math.max(rect.top, to.top);
  const right = Math.min(rect.right, to.right);
  const bottom = Math.min(rect.bottom, to.bottom);
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : null;
}

/** Every drop place under `root` with its rectangle now. */
export function measureBoxes(root: ParentNode): Measured {
  const boxes: HitBox[] = [];
  const elements = new Map<HitBox, HTMLElement>();
  const clips = new Map<Element, DOMRect>();
  for (const el of root.querySelectorAll<HTMLElement>('[data-lc-item], [data-lc-zone], [data-lc-page]')) {
    const clipper = el.closest('[data-lc-clip]');
    if (clipper && !clips.has(clipper)) clips.set(clipper, clipper.getBoundingClientRect());
    const rect = clip(el.getBoundingClientRect(), clipper ? clips.get(clipper) : undefined);
    if (!rect) continue;
    const depth = Number(el.dataset.lcDepth ?? 0);
    let box: HitBox;
    if (el.dataset.lcPage !== undefined) box = { kind: 'page', page: el.dataset.lcPage, index: Number(el.dataset.lcIndex ?? 0), depth, rect };
    else {
      const place = JSON.parse(el.dataset.lcPlace ?? '{"index":0}') as Place;
      box = el.dataset.lcItem !== undefined ? { kind: 'item', id: el.dataset.lcItem, place, single: el.dataset.lcSingle !== undefined, depth, rect } : { kind: 'zone', place, depth, rect };
    }
    boxes.push(box);
    elements.set(box, el);
  }
  return { boxes, elements };
}
