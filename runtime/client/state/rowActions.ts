/**
 * Pure row actions of repeating groups: a new row is an object with a fresh `altinnRowId`, appended
 * to the bound array; deleting removes one row. The store writes the result through `setValue`.
 */

/** A random row id (crypto.randomUUID where available). */
export function newRowId(): string {
  return globalThis.crypto.randomUUID();
}

/** The rows of a bound value (anything but an array is no rows). */
export function rowsOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A copy of the rows with one new row `{ altinnRowId }` at the end; also returns its index. */
export function withRowAdded(value: unknown, rowId: string = newRowId()): { rows: unknown[]; index: number } {
  const rows = [...rowsOf(value), { altinnRowId: rowId }];
  return { rows, index: rows.length - 1 };
}

/** A copy of the rows without the row at `index` (out of range: unchanged copy). */
export function withRowRemoved(value: unknown, index: number): unknown[] {
  return rowsOf(value).filter((_, i) => i !== index);
}

/** Whether another row may be added (`maxCount` unset or not reached). */
export function canAddRow(count: number, maxCount: unknown): boolean {
  return typeof maxCount !== 'number' || maxCount <= 0 || count < maxCount;
}

/** Whether a row may be deleted without going under `minCount`. */
export function canDeleteRow(count: number, minCount: unknown): boolean {
  return typeof minCount !== 'number' || count > minCount;
}
