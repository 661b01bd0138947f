/**
 * What a write to form data really changed, in the terms FormExpressions.update and the runtime's
 * re-render tracking take: writing a list whose rows are the same objects except some (a row added,
 * removed or replaced) changes only those rows, so expressions and components of the rows that
 * stayed are left alone.
 */
import { readDataPath } from './dataPath';
import type { DataModelLocation } from './types';

/** The locations `written` changed between `before` and `after` (row by row for lists). */
export function narrowChanges(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, written: readonly DataModelLocation[]): DataModelLocation[] {
  return written.flatMap((location) => {
    const old = readDataPath(before[location.dataType], location.field);
    const now = readDataPath(after[location.dataType], location.field);
    if (!Array.isArray(old) || !Array.isArray(now)) return [location];
    const rows: DataModelLocation[] = [];
    for (let i = 0; i < Math.max(old.length, now.length); i++) if (old[i] !== now[i]) rows.push({ dataType: location.dataType, field: `${location.field}[${i}]` });
    return rows;
  });
}
