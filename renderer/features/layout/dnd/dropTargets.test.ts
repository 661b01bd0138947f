import { describe, expect, it } from 'vitest';
import { type HitBox, hoverAt, hoverKey, keyboardStops } from './dropTargets';

const rect = (top: number, height: number, left = 0, width = 400) => ({ left, top, width, height });
const group = { id: 'group', slot: { path: 'children[]' } };
// A page: heading (0–40), a group (50–250) whose slot (90–240) holds two inputs, then a button (260–300).
const boxes: HitBox[] = [
  { kind: 'zone', place: { index: 3 }, depth: -1, rect: rect(0, 400) },
  { kind: 'item', id: 'heading', place: { index: 0 }, single: false, depth: 0, rect: rect(0, 40) },
  { kind: 'item', id: 'group', place: { index: 1 }, single: false, depth: 0, rect: rect(50, 200) },
  { kind: 'zone', place: { container: group, index: 2 }, depth: 1, rect: rect(90, 150, 10, 380) },
  { kind: 'item', id: 'a', place: { container: group, index: 0 }, single: false, depth: 2, rect: rect(95, 60, 20, 360) },
  { kind: 'item', id: 'b', place: { container: group, index: 1 }, single: false, depth: 2, rect: rect(160, 60, 20, 360) },
  { kind: 'item', id: 'button', place: { index: 2 }, single: false, depth: 0, rect: rect(260, 40) },
  { kind: 'page', page: 'Side1', index: 0, depth: 0, rect: rect(0, 30, -300, 200) },
  { kind: 'page', page: 'Side2', index: 1, depth: 0, rect: rect(30, 30, -300, 200) },
];
const ends = new Map([
  ['Side1', 3],
  ['Side2', 5],
]);
const at = (x: number, y: number, dragging: 'component' | 'page' = 'component') => hoverAt(x, y, boxes, 'form', 'Side1', dragging, ends);

describe('hoverAt', () => {
  it('drops before or after a top component by the half the point is in', () => {
    expect(at(100, 10)).toMatchObject({ kind: 'component', side: 'before', target: { folderId: 'form', page: 'Side1', index: 0 } });
    expect(at(100, 290)).toMatchObject({ side: 'after', target: { index: 3 } });
  });

  it('takes the innermost place: inside the group before or after its children', () => {
    expect(at(100, 100)).toMatchObject({ side: 'before', target: { container: group, index: 0 } });
    expect(at(100, 210)).toMatchObject({ side: 'after', target: { container: group, index: 2 } });
  });

  it('drops at the end of a slot in its empty space, and at the end of the page outside any item', () => {
    expect(at(15, 235)).toMatchObject({ side: 'inside', target: { container: group, index: 2 } });
    expect(at(100, 350)).toMatchObject({ side: 'inside', target: { index: 3 } });
    expect(hoverKey(at(100, 350))).toBe('Side1::3');
  });

  it('sends a component to the end of a page of the page list; a dragged page goes before or after one', () => {
    expect(at(-250, 40)).toMatchObject({ kind: 'component', target: { page: 'Side2', index: 5 } });
    expect(at(-250, 55, 'page')).toMatchObject({ kind: 'page', page: 'Side2', index: 2 });
    expect(at(-250, 35, 'page')).toMatchObject({ kind: 'page', index: 1 });
    expect(at(100, 10, 'page')).toBeNull();
  });

  it('finds nothing outside every box', () => {
    expect(at(900, 900)).toBeNull();
    expect(hoverKey(null)).toBe('');
  });
});

describe('keyboardStops', () => {
  it('walks top to bottom: before each item, after the last of each list, then the pages', () => {
    const stops = keyboardStops(boxes, 'component').map((s) => `${s.side}:${s.box.kind === 'item' ? s.box.id : s.box.kind === 'page' ? s.box.page : 'zone'}`);
    expect(stops).toEqual(['before:heading', 'before:group', 'before:a', 'before:b', 'after:b', 'before:button', 'after:button', 'inside:Side1', 'inside:Side2']);
  });

  it('leaves out the dragged components and offers empty slots', () => {
    const empty: HitBox[] = [{ kind: 'zone', place: { container: group, index: 0 }, depth: 1, rect: rect(10, 40) }];
    expect(keyboardStops([...empty, boxes[1]!], 'component', new Set(['heading'])).map((s) => s.side)).toEqual(['inside']);
  });

  it('moves a page before each page and after the last', () => {
    expect(keyboardStops(boxes, 'page').map((s) => `${s.side}:${s.box.kind === 'page' ? s.box.page : ''}`)).toEqual(['before:Side1', 'before:Side2', 'after:Side2']);
  });
});

