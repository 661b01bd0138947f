import { describe, expect, it } from 'vitest';
import { canAddRow, canDeleteRow, newRowId, rowsOf, withRowAdded, withRowRemoved } from './rowActions';

describe('row actions', () => {
  it('appends a row with a fresh altinnRowId without touching the old array', () => {
    const before = [{ altinnRowId: 'a', name: 'Kari' }];
    const { rows, index } = withRowAdded(before, 'b');
    expect(rows).toEqual([{ altinnRowId: 'a', name: 'Kari' }, { altinnRowId: 'b' }]);
    expect(index).toBe(1);
    expect(before).toHaveLength(1);
  });

  it('starts a list when there is none yet and generates uuids', () => {
    const { rows, index } = withRowAdded(undefined);
    expect(index).toBe(0);
    expect((rows[0] as { altinnRowId: string }).altinnRowId).toMatch(/^[0-9a-f-]{36}$/);
    expect(newRowId()).not.toBe(newRowId());
  });

  it('removes one row by index', () => {
    const before = [{ altinnRowId: 'a' }, { altinnRowId: 'b' }, { altinnRowId: 'c' }];
    expect(withRowRemoved(before, 1)).toEqual([{ altinnRowId: 'a' }, { altinnRowId: 'c' }]);
    expect(withRowRemoved(before, 7)).toEqual(before);
    expect(withRowRemoved('x', 0)).toEqual([]);
    expect(rowsOf(null)).toEqual([]);
  });

  it('respects maxCount and minCount', () => {
    expect(canAddRow(2, 3)).toBe(true);
    expect(canAddRow(3, 3)).toBe(false);
    expect(canAddRow(99, undefined)).toBe(true);
    expect(canDeleteRow(1, 1)).toBe(false);
    expect(canDeleteRow(2, 1)).toBe(true);
    expect(canDeleteRow(0, undefined)).toBe(true);
  });
});
