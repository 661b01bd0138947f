/**
 * Which rows of a long repeating-group table are in the DOM. Designsystemet's stylesheet has many
 * `:has()` rules, so every row added to a page re-styles everything around it; with 1,000 rows in
 * the DOM that alone takes a couple of hundred milliseconds. Long tables therefore render the rows
 * near the viewport (plus the open row) and stand-in spacer rows for the rest, with the real row
 * count and positions given to assistive technology (`aria-rowcount`, `aria-rowindex`).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';

/** Tables with more rows than this are windowed. */
export const windowThreshold = 100;
/** Rows rendered above and below the visible ones. */
const overscan = 20;
/** The row height assumed until a row has been measured. */
const defaultRowHeight = 41;

/** A run of rendered row positions, or a spacer standing in for `count` rows. */
export type WindowPart = { readonly kind: 'rows'; readonly from: number; readonly to: number } | { readonly kind: 'spacer'; readonly count: number };

/**
 * The parts of a table of `total` rows when rows `first..last` (inclusive positions) are in view,
 * and `pinned` positions (the open row) must be rendered wherever they are.
 */
export function windowParts(total: number, first: number, last: number, pinned: readonly number[]): WindowPart[] {
  const from = Math.max(0, first - overscan);
  const to = Math.min(total - 1, last + overscan);
  const shown = new Set<number>();
  for (let i = from; i <= to; i++) shown.add(i);
  for (const p of pinned) if (p >= 0 && p < total) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const parts: WindowPart[] = [];
  let next = 0;
  for (const position of sorted) {
    if (position > next) parts.push({ kind: 'spacer', count: position - next });
    const lastPart = parts.at(-1);
    if (lastPart?.kind === 'rows' && lastPart.to === position - 1) parts[parts.length - 1] = { kind: 'rows', from: lastPart.from, to: position };
    else parts.push({ kind: 'rows', from: position, to: position });
    next = position + 1;
  }
  if (next < total) parts.push({ kind: 'spacer', count: total - next });
  return parts;
}

/** The row positions in view of a table body, from where it is on the page and the row height. */
export function visibleRange(bodyTop: number, viewportHeight: number, rowHeight: number, total: number): [number, number] {
  const first = Math.floor(Math.max(0, -bodyTop) / rowHeight);
  const last = Math.ceil(Math.max(0, viewportHeight - bodyTop) / rowHeight);
  return [Math.min(first, Math.max(0, total - 1)), Math.min(Math.max(last, first), Math.max(0, total - 1))];
}

/**
 * Follows the window's scrolling for a table body: returns the rendered parts and the row height
 * the spacers use. Short tables get one part with every row.
 */
export function useRowWindow(body: RefObject<HTMLElement | null>, total: number, pinned: readonly number[]): { parts: WindowPart[]; rowHeight: number } {
  const windowed = total > windowThreshold;
  const [range, setRange] = useState<[number, number]>([0, Math.min(total, 60) - 1]);
  const [rowHeight, setRowHeight] = useState(defaultRowHeight);
  // Read by the scroll handler; a new row must not re-subscribe (and force a layout) on its own.
  const totalRef = useRef(total);
  totalRef.current = total;

  useEffect(() => {
    if (!windowed) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const element = body.current;
      if (!element) return;
      const measured = element.querySelector<HTMLElement>('tr[data-rowindex]')?.getBoundingClientRect().height;
      const height = measured && measured > 0 ? measured : defaultRowHeight;
      setRowHeight((h) => (Math.abs(h - height) > 0.5 ? height : h));
      const next = visibleRange(element.getBoundingClientRect().top, window.innerHeight, height, totalRef.current);
      setRange((r) => (r[0] === next[0] && r[1] === next[1] ? r : next));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [body, windowed]);

  if (!windowed) return { parts: total > 0 ? [{ kind: 'rows', from: 0, to: total - 1 }] : [], rowHeight };
  return { parts: windowParts(total, range[0], range[1], pinned), rowHeight };
}
