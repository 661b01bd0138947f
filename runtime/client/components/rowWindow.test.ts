// Windowing of long repeating-group tables: the parts rendered for a view, and the rows in view.
import { describe, expect, it } from 'vitest';
import { visibleRange, windowParts } from './rowWindow';

describe('windowParts', () => {
  it('renders the rows in view with overscan and a spacer for each gap', () => {
    expect(windowParts(1000, 100, 110, [])).toEqual([
      { kind: 'spacer', count: 80 },
      { kind: 'rows', from: 80, to: 130 },
      { kind: 'spacer', count: 869 },
    ]);
  });

  it('keeps a pinned row (the open one) rendered wherever it is', () => {
    expect(windowParts(1000, 0, 10, [999])).toEqual([
      { kind: 'rows', from: 0, to: 30 },
      { kind: 'spacer', count: 968 },
      { kind: 'rows', from: 999, to: 999 },
    ]);
    expect(windowParts(1000, 0, 10, [25])).toEqual([{ kind: 'rows', from: 0, to: 30 }, { kind: 'spacer', count: 969 }]);
  });

  it('accounts for every row exactly once', () => {
    for (const [first, last, pinned] of [[0, 0, 500], [990, 999, 3], [400, 450, 420]] as const) {
      const parts = windowParts(1000, first, last, [pinned]);
      const covered = parts.reduce((n, p) => n + (p.kind === 'spacer' ? p.count : p.to - p.from + 1), 0);
      expect(covered).toBe(1000);
    }
  });
});

describe('visibleRange', () => {
  it('finds the rows in view from where the table body is', () => {
    expect(visibleRange(200, 800, 40, 1000)).toEqual([0, 15]);
    expect(visibleRange(-4000, 800, 40, 1000)).toEqual([100, 120]);
    expect(visibleRange(-400000, 800, 40, 1000)).toEqual([999, 999]);
  });
});
