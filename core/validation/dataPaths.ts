/**
 * Data paths as the runtime writes them: dot separated, row indexes in brackets (`people[1].age`).
 * Issues are keyed by these concrete paths; configuration (validation keys, bindings) is written
 * without indexes and expanded against the data.
 */

export interface PathSegment {
  readonly name: string;
  readonly index?: number;
}

const segmentPattern = /^([^[\]]*)(?:\[\s*(\d+)\s*\])?$/;

/** `a.b[1].c` → segments; undefined for paths that are not dot/bracket paths. */
export function parsePath(path: string): PathSegment[] | undefined {
  if (path === '') return [];
  const out: PathSegment[] = [];
  for (const part of path.split('.')) {
    const match = segmentPattern.exec(part.trim());
    if (!match || match[1] === '') return undefined;
    out.push(match[2] === undefined ? { name: match[1]! } : { name: match[1]!, index: Number(match[2]) });
  }
  return out;
}

/** Segments → `a.b[1].c`. */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments.map((s) => (s.index === undefined ? s.name : `${s.name}[${s.index}]`)).join('.');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The value at a path, or undefined when the path does not reach one. A list is only crossed at an
 * explicit index (the runtime's `dataModel` on `people.name` from page level gives nothing either).
 */
export function valueAtPath(data: unknown, path: string): unknown {
  const segments = parsePath(path);
  if (!segments) return undefined;
  let current = data;
  for (let i = 0; i < segments.length; i++) {
    const { name, index } = segments[i]!;
    if (!isRecord(current)) return undefined;
    current = current[name];
    if (index !== undefined) current = Array.isArray(current) ? current[index] : undefined;
    else if (Array.isArray(current) && i < segments.length - 1) return undefined;
  }
  return current;
}

/**
 * Every concrete path of `key` in the data: lists in the middle of the path are expanded over their
 * rows (explicit indexes are kept), a list at the end is the list itself. Paths whose value is
 * missing or null are left out, as the backend's key resolution does (nothing to validate there).
 */
export function expandPath(data: unknown, key: string): string[] {
  const segments = parsePath(key);
  if (!segments || segments.length === 0) return [];
  const out: string[] = [];
  const walk = (value: unknown, at: number, prefix: string) => {
    if (value === null || value === undefined) return;
    if (at === segments.length) {
      out.push(prefix);
      return;
    }
    if (!isRecord(value)) return;
    const { name, index } = segments[at]!;
    const child = value[name];
    const path = prefix === '' ? name : `${prefix}.${name}`;
    if (index !== undefined) {
      if (Array.isArray(child)) walk(child[index], at + 1, `${path}[${index}]`);
    } else if (Array.isArray(child) && at < segments.length - 1) {
      child.forEach((row, i) => walk(row, at + 1, `${path}[${i}]`));
    } else {
      walk(child, at + 1, path);
    }
  };
  walk(data, 0, '');
  return out;
}

/** A JSON pointer (`/a/0/b`, as ajv reports) → a data path (`a[0].b`); the data tells list indexes from keys. */
export function pointerToPath(pointer: string, data: unknown): string {
  if (pointer === '') return '';
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  let current = data;
  for (const part of parts) {
    if (Array.isArray(current) && /^\d+$/.test(part)) {
      out += `[${part}]`;
      current = current[Number(part)];
    } else {
      out += out === '' ? part : `.${part}`;
      current = isRecord(current) ? current[part] : undefined;
    }
  }
  return out;
}

/** Whether `path` is `prefix` or lies under it (`a[1]` holds `a[1].b`, not `a[10].b`). */
export function isPathWithin(path: string, prefix: string): boolean {
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}

/** `a[1].b[2].c` → [1, 2]. */
export function rowIndexesOf(path: string): number[] {
  return [...path.matchAll(/\[\s*(\d+)\s*\]/g)].map((m) => Number(m[1]));
}

