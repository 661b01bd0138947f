/**
 * Keyed lists (components by id, pages by name, options by value): reading their keys, and merging the
 * order of their items. The order starts from ours; items theirs added or moved (and ours did not
 * move) are placed after the item that precedes them in theirs, so two sides inserting different items
 * at the same place both land, ours first.
 */
import type { KeyOf } from './mergeRules';
import { matchSequences } from './sequenceDiff';

/** The items of a keyed list by key, in order; null when an item has no key or a key repeats. */
export function keyedItems(items: readonly unknown[], keyOf: KeyOf): Map<string, unknown> | null {
  const out = new Map<string, unknown>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined || out.has(key)) return null;
    out.set(key, item);
  }
  return out;
}

/**
 * The keys `side` moved: kept from `base` but out of their base order (by a common subsequence), or
 * with both neighbours changed. The second test catches what the first leaves ambiguous: in a swap
 * either item may be the one out of order.
 */
function movedKeys(base: readonly string[], side: readonly string[]): Set<string> {
  const inSide = new Set(side);
  const inBase = new Set(base);
  const kept = base.filter((key) => inSide.has(key));
  const sideKept = side.filter((key) => inBase.has(key));
  const match = matchSequences(kept, sideKept);
  const moved = new Set(kept.filter((_, i) => match[i]! < 0));
  const sideIndex = new Map(sideKept.map((key, i) => [key, i]));
  kept.forEach((key, i) => {
    const j = sideIndex.get(key)!;
    if (kept[i - 1] !== sideKept[j - 1] && kept[i + 1] !== sideKept[j + 1]) moved.add(key);
  });
  return moved;
}

/**
 * The place in `list` of the first of `before` (theirs' keys before an item, nearest first) that is
 * in it, preferring keys ours did not move (ours moved those away from theirs' neighbourhood); -1 when
 * none is.
 */
function anchorIndex(list: readonly string[], before: readonly string[], oursMoved: ReadonlySet<string>): number {
  const steady = before.find((key) => !oursMoved.has(key) && list.includes(key)) ?? before.find((key) => list.includes(key));
  return steady === undefined ? -1 : list.indexOf(steady);
}

/** The key before `key` in `order` among the keys `among` holds; null when it comes first. */
function predecessorOf(order: readonly string[], key: string, among: ReadonlySet<string>): string | null {
  let previous: string | null = null;
  for (const other of order) {
    if (other === key) return previous;
    if (among.has(other)) previous = other;
  }
  return previous;
}

/** The merged order of the keys in `present`; `movedBoth` says whether theirs places an item both moved apart. */
// `movedBoth` gets the key before the item in ours and in theirs (null: first), and is asked only when they differ.
export function mergeKeyedOrder(
  base: readonly string[],
  ours: readonly string[],
  theirs: readonly string[],
  present: ReadonlySet<string>,
  movedBoth: (key: string, oursAfter: string | null, theirsAfter: string | null) => boolean,
): string[] {
  const oursMoved = movedKeys(base, ours);
  const theirsMoved = movedKeys(base, theirs);
  const [inBase, inOurs, inTheirs] = [new Set(base), new Set(ours), new Set(theirs)];
  const common = new Set(ours.filter((key) => inTheirs.has(key)));
  const theirsPlaces = (key: string) => {
    if (!inOurs.has(key)) return true;
    if (!theirsMoved.has(key)) return false;
    if (!oursMoved.has(key)) return true;
    const [oursAfter, theirsAfter] = [predecessorOf(ours, key, common), predecessorOf(theirs, key, common)];
    return oursAfter !== theirsAfter && movedBoth(key, oursAfter, theirsAfter);
  };
  const placedByTheirs = new Set(theirs.filter((key) => present.has(key) && theirsPlaces(key)));
  const list = ours.filter((key) => present.has(key) && !placedByTheirs.has(key));
  theirs.forEach((key, index) => {
    if (!placedByTheirs.has(key)) return;
    let at = anchorIndex(list, theirs.slice(0, index).reverse(), oursMoved) + 1;
    while (at < list.length && !inBase.has(list[at]!) && !inTheirs.has(list[at]!)) at++;
    list.splice(at, 0, key);
  });
  // A key neither side has (a value chosen for a conflict) goes last.
  for (const key of present) if (!list.includes(key)) list.push(key);
  return list;
}
