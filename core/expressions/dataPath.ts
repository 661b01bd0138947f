/**
 * Dot paths into form data (`people[1].pets[0].name`): splitting, reading, index removal and the
 * row transposition of §3.5 that makes `people.name` mean "this row's name" inside a repeating group.
 */
import { stripIndexes } from '../datamodel/fieldTree';
import type { DataModelLocation } from './types';

/** The path with every `[n]` removed (one definition, in core/datamodel). */
export { stripIndexes };

/** One segment of a dot path: a property name and the array indexes written after it. */
export interface PathSegment {
  readonly name: string;
  readonly indexes: readonly number[];
}

const segmentPattern = /^(.*?)((?:\[\d+\])*)$/;
const splitCache = new Map<string, readonly PathSegment[]>();
const transposeCache = new Map<string, string>();

/** The segments of a dot path (cached: the same binding strings are split over and over). */
export function splitDataPath(field: string): readonly PathSegment[] {
  const cached = splitCache.get(field);
  if (cached) return cached;
  const segments = field.split('.').map((raw): PathSegment => {
    const match = segmentPattern.exec(raw);
    const indexText = match?.[2] ?? '';
    const indexes = indexText ? indexText.slice(1, -1).split('][').map(Number) : [];
    return { name: match?.[1] ?? raw, indexes };
  });
  // The cache only bounds repeated work; a hostile stream of distinct paths must not grow it forever.
  if (splitCache.size > 10_000) splitCache.clear();
  splitCache.set(field, segments);
  return segments;
}


function joinSegments(segments: readonly PathSegment[]): string {
  return segments.map((s) => s.name + s.indexes.map((i) => `[${i}]`).join('')).join('.');
}

/**
 * Reads the value at a path. A name segment on an array (a missing row index) or on a scalar finds
 * nothing; so does an index on a non-array. Returns undefined when nothing is there.
 */
export function readSegments(data: unknown, segments: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment.name)) return undefined;
    current = (current as Record<string, unknown>)[segment.name];
    for (const index of segment.indexes) {
      if (!Array.isArray(current)) return undefined;
      current = current[index];
    }
  }
  return current;
}

/** The value at a dot path in `data`, or undefined. */
export function readDataPath(data: unknown, field: string): unknown {
  return readSegments(data, splitDataPath(field));
}

/**
 * Moves `subject` into the row of `location` (§3.5): walking both from the root while the segment
 * names match, the location's row index is copied onto the subject, unless the subject already has
 * an explicit index there (then it stops: a row inside another explicit row makes no sense).
 */
export function transposeSegments(subject: readonly PathSegment[], location: readonly PathSegment[]): readonly PathSegment[] {
  let out: PathSegment[] | undefined;
  const count = Math.min(subject.length, location.length);
  for (let i = 0; i < count; i++) {
    const ours = location[i]!;
    const theirs = subject[i]!;
    if (ours.name !== theirs.name) break;
    // Bindings carry at most one index per segment; the last one is the row.
    const rowIndex = ours.indexes[ours.indexes.length - 1];
    if (rowIndex === undefined) continue;
    if (theirs.indexes.length > 0) break;
    out ??= subject.slice();
    out[i] = { name: theirs.name, indexes: [rowIndex] };
  }
  return out ?? subject;
}

/** `subject` transposed into the row of `location`, when both are in the same data type. */
export function transposeDataPath(subject: DataModelLocation, location: DataModelLocation | undefined): DataModelLocation {
  if (!location || location.dataType !== subject.dataType || !location.field.includes('[')) return subject;
  // Rows evaluate the same bindings over and over; the pair (row, path) decides the result.
  const key = `${location.field}\u0000${subject.field}`;
  let field = transposeCache.get(key);
  if (field === undefined) {
    field = joinSegments(transposeSegments(splitDataPath(subject.field), splitDataPath(location.field)));
    if (transposeCache.size > 10_000) transposeCache.clear();
    transposeCache.set(key, field);
  }
  return { dataType: subject.dataType, field };
}

/** Every row index written in a path, outermost first. */
export function indexesOf(field: string): number[] {
  return splitDataPath(field).flatMap((s) => s.indexes);
}

/** A binding value (`"a.b"` or `{dataType, field}`) as a location, or undefined when malformed. */
export function bindingLocation(binding: unknown, defaultDataType: string): DataModelLocation | undefined {
  if (typeof binding === 'string') return binding ? { dataType: defaultDataType, field: binding } : undefined;
  if (binding !== null && typeof binding === 'object') {
    const { dataType, field } = binding as { dataType?: unknown; field?: unknown };
    if (typeof field === 'string' && field) return { dataType: typeof dataType === 'string' && dataType ? dataType : defaultDataType, field };
  }
  return undefined;
}

/**
 * Every concrete path a binding-style path names in `data`: `people.age` with two people gives
 * `people[0].age` and `people[1].age` (what expression validations run once each for). Explicit
 * indexes are kept; a missing last property is listed when the object that would hold it exists.
 */
export function concretePaths(data: unknown, field: string): string[] {
  const out: string[] = [];
  const walk = (value: unknown, segments: readonly PathSegment[], prefix: string) => {
    const [segment, ...rest] = segments;
    if (!segment) {
      out.push(prefix);
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    let here = prefix ? `${prefix}.${segment.name}` : segment.name;
    let child = (value as Record<string, unknown>)[segment.name];
    for (const index of segment.indexes) {
      here += `[${index}]`;
      child = Array.isArray(child) ? child[index] : undefined;
    }
    if (Array.isArray(child) && segment.indexes.length === 0 && rest.length > 0) {
      child.forEach((row, i) => walk(row, rest, `${here}[${i}]`));
    } else {
      walk(child, rest, here);
    }
  };
  walk(data, splitDataPath(field), '');
  return out;
}
