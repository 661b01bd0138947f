import { describe, expect, it } from 'vitest';
import { isStateless, layoutSetFor, pageOrderOf, pagesCovered, setAtPath } from './formModel';

describe('form model helpers', () => {
  it('writes dot paths with row indexes immutably and removes on undefined', () => {
    const data = { a: { b: [{ c: 1 }] }, keep: true };
    const next = setAtPath(data, 'a.b[1].c', 2) as typeof data;
    expect(next).toEqual({ a: { b: [{ c: 1 }, { c: 2 }] }, keep: true });
    expect(data.a.b).toHaveLength(1);
    expect(setAtPath({ x: 1, y: 2 }, 'x', undefined)).toEqual({ y: 2 });
  });

  it('finds the layout set of a task or of a stateless entry (§1.4)', () => {
    const sets = [{ id: 'form', tasks: ['Task_1'] }, { id: 'start' }];
    expect(layoutSetFor(sets, 'Task_1', {})?.id).toBe('form');
    expect(isStateless({ onEntry: { show: 'start' } }, sets)).toBe(true);
    expect(isStateless({ onEntry: { show: 'new-instance' } }, sets)).toBe(false);
    expect(layoutSetFor(sets, null, { onEntry: { show: 'start' } })?.id).toBe('start');
  });

  it('orders pages by settings (order or groups) and covers pages per validation scope', () => {
    const layouts = { A: {}, B: {}, C: {} };
    expect(pageOrderOf({ pages: { order: ['C', 'A', 'Missing'] } }, layouts)).toEqual(['C', 'A']);
    expect(pageOrderOf({ pages: { groups: [{ order: ['B'] }, { order: ['A'] }] } }, layouts)).toEqual(['B', 'A']);
    expect(pageOrderOf(undefined, layouts)).toEqual(['A', 'B', 'C']);
    expect(pagesCovered({ page: 'currentAndPrevious' }, ['A', 'B', 'C'], 'B')).toEqual(['A', 'B']);
    expect(pagesCovered({ page: 'all' }, ['A', 'B'], 'A')).toEqual(['A', 'B']);
    expect(pagesCovered({}, ['A', 'B'], 'B')).toEqual(['B']);
  });
});
