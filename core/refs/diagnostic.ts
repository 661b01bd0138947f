/** How bad a finding is: errors break the app, warnings are likely mistakes, info is advice. */
export type Severity = 'error' | 'warning' | 'info';

/** One finding about an app, at a place in a file. Lines and columns are 1-based. */
export interface Diagnostic {
  /** Path relative to the app root, forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  /** Stable code, e.g. `json-syntax`, `component-id-duplicate`. */
  readonly code: string;
  /** What is wrong and what to do about it. */
  readonly message: string;
}

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** True when `severity` is at least as severe as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return rank[severity] <= rank[threshold];
}

/** Sorts by file, line, column, then severity: the order a person reads them in. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || rank[a.severity] - rank[b.severity]));
}
