/**
 * Search across the app's text files (the Code area's search box): case-insensitive, plain text or a
 * regular expression, results grouped by file with the line around each match. Pure, so it is tested
 * without a DOM.
 */

/** One match: 1-based line and column (UTF-16 code units, as Monaco counts), its length and the line. */
export interface SearchMatch {
  readonly line: number;
  readonly column: number;
  readonly length: number;
  /** The line, shortened around the match when long. */
  readonly preview: string;
  /** Where the match starts in `preview`. */
  readonly previewStart: number;
}

export interface FileMatches {
  readonly path: string;
  readonly matches: readonly SearchMatch[];
}

export type SearchResult =
  | { readonly ok: true; readonly files: readonly FileMatches[]; readonly count: number; readonly truncated: boolean }
  | { readonly ok: false; readonly error: string };

export interface SearchOptions {
  /** Read `query` as a regular expression (JavaScript syntax). */
  readonly regex?: boolean;
  /** Stop after this many matches (the result says it was cut). */
  readonly maxMatches?: number;
}

const previewRoom = 60;

/** The regular expression for `query`, or the reason it is not one. */
export function searchPattern(query: string, regex: boolean): RegExp | { readonly error: string } {
  if (!regex) return new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  try {
    return new RegExp(query, 'gi');
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function previewOf(line: string, start: number, length: number): { preview: string; previewStart: number } {
  const from = Math.max(0, start - previewRoom);
  const to = Math.min(line.length, start + length + previewRoom * 2);
  const head = from > 0 ? '…' : '';
  const tail = to < line.length ? '…' : '';
  const body = line.slice(from, to);
  const trimmed = body.replace(/^\s+/, '');
  const cut = body.length - trimmed.length;
  return { preview: head + trimmed.trimEnd() + tail, previewStart: head.length + start - from - cut };
}

/** Every match of `query` in `texts` (path → text), files in path order, lines in order. */
export function searchFiles(texts: ReadonlyMap<string, string>, query: string, options: SearchOptions = {}): SearchResult {
  if (query === '') return { ok: true, files: [], count: 0, truncated: false };
  const pattern = searchPattern(query, options.regex ?? false);
  if (!(pattern instanceof RegExp)) return { ok: false, error: pattern.error };
  const max = options.maxMatches ?? 2000;
  const files: FileMatches[] = [];
  let count = 0;
  for (const path of [...texts.keys()].sort()) {
    const lines = texts.get(path)!.split(/\r\n|\r|\n/);
    const matches: SearchMatch[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(line); m !== null; m = pattern.exec(line)) {
        // An empty match (`^`, `a*`) finds nothing to show; step past it so the loop ends.
        if (m[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        if (count === max) {
          if (matches.length > 0) files.push({ path, matches });
          return { ok: true, files, count, truncated: true };
        }
        matches.push({ line: i + 1, column: m.index + 1, length: m[0].length, ...previewOf(line, m.index, m[0].length) });
        count++;
      }
    }
    if (matches.length > 0) files.push({ path, matches });
  }
  return { ok: true, files, count, truncated: false };
}
