/**
 * What the JSON-schema and XSD readers share: limits against hostile models, the problem list, and
 * turning the finished fields into a tree with its path index.
 */
import type { DataModelField, DataModelProblem, DataModelRestrictions, DataModelTree } from './types';

/** Real models are a handful of levels deep and a few thousand fields; these stop runaway input. */
export const fieldLimits = { maxDepth: 100, maxFields: 20_000, maxProblems: 500 } as const;

/** Field under construction; readonly in the public type, mutable while being built. */
export type FieldDraft = { -readonly [K in keyof DataModelField]: DataModelField[K] } & { children: FieldDraft[]; restrictions: DataModelRestrictions };

/** Collects problems and counts fields so one bad model cannot flood the studio. */
export class FieldCollector {
  readonly problems: DataModelProblem[] = [];
  private count = 0;
  private full = false;

  constructor(initial: readonly DataModelProblem[] = []) {
    for (const p of initial) this.add(p);
  }

  /** Records a problem (a bounded number of them). */
  add(problem: DataModelProblem): void {
    if (this.problems.length < fieldLimits.maxProblems) this.problems.push(problem);
    else if (this.problems.length === fieldLimits.maxProblems) {
      this.problems.push({ message: `More than ${fieldLimits.maxProblems} problems; the rest are not listed`, path: '' });
    }
  }

  /** Records a problem about the field at `path`. */
  problem(path: string, message: string): void {
    this.add({ message, path });
  }

  /** Counts one more field; false once the model is too large to list (reported once). */
  admit(path: string): boolean {
    if (this.count >= fieldLimits.maxFields) {
      if (!this.full) this.problem(path, `The model has more than ${fieldLimits.maxFields} fields; the rest are not listed`);
      this.full = true;
      return false;
    }
    this.count++;
    return true;
  }

  /** False (with a problem) when `depth` is beyond what any real model nests. */
  withinDepth(path: string, depth: number): boolean {
    if (depth < fieldLimits.maxDepth) return true;
    this.problem(path, `The model nests deeper than ${fieldLimits.maxDepth} levels here; deeper fields are not listed`);
    return false;
  }
}

/** `parent.name`, or `name` at the root. */
export function joinPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}.${name}`;
}

/** A new field with the defaults every reader starts from. */
export function newField(name: string, path: string): FieldDraft {
  return { name, path, type: 'unknown', repeating: false, children: [], restrictions: {}, nullable: false };
}

/** Makes `field` a list of what it was: the old type becomes the row type. */
export function makeRepeating(field: FieldDraft): void {
  field.itemType = field.type;
  field.type = 'array';
  field.repeating = true;
}

/** Adds `field` to `list`, replacing an earlier field of the same name (XSD restriction re-declares them). */
export function putField(list: FieldDraft[], field: FieldDraft): boolean {
  const at = list.findIndex((f) => f.name === field.name);
  if (at === -1) {
    list.push(field);
    return true;
  }
  list[at] = field;
  return false;
}

/** The tree for `fields`, with the path index; a path seen twice is a problem and the first one wins. */
export function finishTree(rootName: string, fields: readonly FieldDraft[], collector: FieldCollector): DataModelTree {
  const byPath = new Map<string, DataModelField>();
  const pending: FieldDraft[] = [...fields].reverse();
  while (pending.length > 0) {
    const field = pending.pop()!;
    if (byPath.has(field.path)) collector.problem(field.path, `Two fields have the path "${field.path}"; bindings use the first`);
    else byPath.set(field.path, field);
    for (let i = field.children.length - 1; i >= 0; i--) pending.push(field.children[i]!);
  }
  return { rootName, fields, byPath, problems: collector.problems };
}

/** Combines two sets of limits: both apply, so the stricter one of each kind wins. */
export function combineRestrictions(into: DataModelRestrictions, from: DataModelRestrictions): void {
  const lower = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'fractionDigits'] as const;
  const upper = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'totalDigits'] as const;
  for (const key of lower) {
    const v = from[key];
    if (v !== undefined) into[key] = into[key] === undefined ? v : Math.max(into[key], v);
  }
  for (const key of upper) {
    const v = from[key];
    if (v !== undefined) into[key] = into[key] === undefined ? v : Math.min(into[key], v);
  }
  const firstWins = ['pattern', 'format', 'enum', 'formatMinimum', 'formatMaximum', 'formatExclusiveMinimum', 'formatExclusiveMaximum'] as const;
  for (const key of firstWins) {
    if (into[key] === undefined && from[key] !== undefined) (into as Record<string, unknown>)[key] = from[key];
  }
  if (from.required) into.required = true;
}
