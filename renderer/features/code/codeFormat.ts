/**
 * Format on demand: a JSON file formatted in its own style (tabs or spaces and their width, its line
 * ending), as edits the editor applies in one undoable step. Pure; the session applies the edits.
 */
import { format, type Edit, type FormattingOptions } from 'jsonc-parser';
import { formattingOf } from '../../../core/text/jsonDocument';

/** The most frequent step between the space indentation of consecutive lines, or null when there is none. */
function commonIndentStep(text: string): number | null {
  const counts = new Map<number, number>();
  let previous = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') continue;
    const indent = /^ */.exec(line)![0].length;
    const step = Math.abs(indent - previous);
    if (step > 0 && step <= 8) counts.set(step, (counts.get(step) ?? 0) + 1);
    previous = indent;
  }
  let best: number | null = null;
  for (const [step, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && step < best)) best = step;
  return best;
}

/** True when more lines are indented with a tab than with spaces. */
function mostlyTabs(text: string): boolean {
  let tabs = 0;
  let spaces = 0;
  for (const match of text.matchAll(/(?:^|\n)([ \t])[ \t]*\S/g)) {
    if (match[1] === '\t') tabs++;
    else spaces++;
  }
  return tabs > spaces;
}

/**
 * The formatting a file already uses: the line ending and indentation as core/text reads them,
 * refined so a few stray lines do not change the file's style (tabs when most lines use tabs; the
 * width as the most common indentation step).
 */
export function formatOptionsOf(text: string): FormattingOptions {
  const base = formattingOf(text);
  if (!base.insertSpaces || mostlyTabs(text)) return { ...base, insertSpaces: false, tabSize: 4 };
  return { ...base, tabSize: commonIndentStep(text) ?? base.tabSize };
}

/** The edits that format `text` as JSON in its own style (empty when it is formatted already). Offsets are in `text`. */
export function formatEdits(text: string): Edit[] {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const options = formatOptionsOf(body);
  // A final line ending is part of the file's style (jsonc-parser drops it unless told).
  const edits = format(body, undefined, { ...options, keepLines: false, insertFinalNewline: /[\r\n]$/.test(body) });
  return bom ? edits.map((e) => ({ ...e, offset: e.offset + bom })) : edits;
}
