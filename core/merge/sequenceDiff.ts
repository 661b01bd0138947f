/**
 * A longest common subsequence of two sequences of strings (lines, or the keys of a keyed list), by
 * Myers' O(ND) algorithm after trimming the common start and end. Memory grows with the square of the
 * number of differences, so past `maxDifferences` the middle is treated as wholly changed: the merge
 * stays correct, only coarser.
 */

/** Beyond this many differences the changed middle is not searched for common items. */
export const maxDifferences = 3000;

/** For each item of `a`, the index of the item of `b` it is paired with in a common subsequence, or -1. */
export function matchSequences(a: readonly string[], b: readonly string[]): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  const ids = new Map<string, number>();
  const idOf = (s: string) => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size));
    return id;
  };
  const x = Int32Array.from(a, idOf);
  const y = Int32Array.from(b, idOf);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) match[start] = start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) match[--endX] = --endY;
  myers(x.subarray(start, endX), y.subarray(start, endY), (i, j) => (match[start + i] = start + j));
  return match;
}

/** Myers' greedy forward search keeping each round's furthest points, then a walk back along them. */
function myers(a: Int32Array, b: Int32Array, pair: (i: number, j: number) => void): void {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return;
  const limit = Math.min(n + m, maxDifferences);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= limit && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) found = d;
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  if (found < 0) return;
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const previous = trace[d - 1]!;
    const at = (k: number) => previous[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const snakeStart = down ? previousX : previousX + 1;
    while (x > snakeStart) pair(--x, --y);
    x = previousX;
    y = previousX - previousK;
  }
  while (x > 0) pair(--x, --y);
}
