/**
 * What a three-way merge reports: the merged text, the conflicts that remain, and the choices already
 * made. A conflict's id is derived from where it is, so running the same merge again with a choice for
 * one conflict gives the others the same ids; that is how a choice is applied (see `resolveConflict`).
 */
import type { JsonPath } from '../text/jsonDocument';

/** How a conflict is settled: one side's version, or a value of one's own (text for lines; order conflicts take a side). */
export type ConflictChoice = 'ours' | 'theirs' | { readonly value: unknown };

/** Line ranges (1-based, inclusive; an empty range has end = start - 1) of a line conflict on each side. */
export interface LineRanges {
  readonly base: readonly [number, number];
  readonly ours: readonly [number, number];
  readonly theirs: readonly [number, number];
}

/** Where a conflict is; which fields are present depends on the kind of file. */
export interface ConflictLocation {
  /** A readable path, e.g. `data.layout[id=name].readOnly`; empty for the whole file. */
  readonly path: string;
  /** Layouts: the component. */
  readonly componentId?: string;
  /** Layouts: the JSON path inside the component (empty for the component as a whole). */
  readonly property?: JsonPath;
  /** Text resources: the text key and the file's language. */
  readonly textKey?: string;
  readonly language?: string;
  /** Options: the option's value as text (`1` for the number 1). */
  readonly optionValue?: string;
  /** Page order (Settings.json): the page placed differently. */
  readonly page?: string;
  /** Line merges: the conflicting lines on each side. */
  readonly lines?: LineRanges;
}

/** A change both sides made differently. `undefined` stands for "absent" (deleted, or never there). */
export interface Conflict {
  readonly id: string;
  readonly file: string;
  readonly kind: 'file' | 'value' | 'order' | 'lines';
  readonly where: ConflictLocation;
  readonly base: unknown;
  readonly ours: unknown;
  readonly theirs: unknown;
  readonly description: string;
  /** Only keeping one side settles it (a file against a folder): a value of one's own cannot stand for it. */
  readonly sidesOnly?: boolean;
}

/** The merge of one file: `text` null means the file is absent in the result. */
export interface MergeResult {
  readonly path: string;
  readonly text: string | null;
  readonly conflicts: readonly Conflict[];
  /** The inputs and the choices made so far, so that more choices can be applied later. */
  readonly inputs: { readonly base: string | null; readonly ours: string | null; readonly theirs: string | null };
  readonly choices: Readonly<Record<string, ConflictChoice>>;
}

/**
 * Collects the conflicts of one merge and answers, for each place where both sides changed, which
 * value to use: a choice made for that place, or ours (recording a conflict) when there is none.
 */
export class ConflictLog {
  readonly conflicts: Conflict[] = [];

  constructor(
    readonly file: string,
    private readonly choices: Readonly<Record<string, ConflictChoice>>,
  ) {}

  /** The value to use at a conflicting place: its choice, or else `unresolved` (ours), recording the conflict. */
  settle(conflict: Omit<Conflict, 'file'>, ours: unknown, theirs: unknown, unresolved: unknown = ours): unknown {
    const choice = this.choices[conflict.id];
    if (choice === undefined) {
      this.conflicts.push({ ...conflict, file: this.file });
      return unresolved;
    }
    if (choice === 'ours') return ours;
    if (choice === 'theirs') return theirs;
    return choice.value;
  }
}

/** A short readable form of a value for a conflict's description. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'removed';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
