/**
 * Files whose line endings are not all the editor's: Monaco gives every line of a model one ending,
 * so a file that mixes CRLF and LF (or uses another ending than the editor picked) would have every
 * line rewritten by the first code edit. Here an edited text gets the file's own endings back
 * everywhere outside the edited span.
 */
import { minimalPatch } from './codeSync';

/** True when every line ending of `text` is `eol`. */
export function usesOnly(text: string, eol: '\n' | '\r\n'): boolean {
  return eol === '\n' ? !text.includes('\r') : !/\r(?!\n)|(?<!\r)\n/.test(text);
}

/** `text` with every line ending (\r\n, \n or \r) made `eol`, as the editor shows it. */
export function withLineEnding(text: string, eol: '\n' | '\r\n'): string {
  return usesOnly(text, eol) ? text : text.replace(/\r\n|\r|\n/g, eol);
}

/** The offset in `original` of `offset` in `withLineEnding(original, eol)`. */
function originalOffset(original: string, eol: '\n' | '\r\n', offset: number): number {
  let i = 0;
  let j = 0;
  while (j < offset && i < original.length) {
    const ch = original.charCodeAt(i);
    if (ch === 13 || ch === 10) {
      i += ch === 13 && original.charCodeAt(i + 1) === 10 ? 2 : 1;
      j += eol.length;
    } else {
      i++;
      j++;
    }
  }
  return i;
}

/**
 * The editor's text `edited` (every ending `eol`) with the endings of `original` kept outside the
 * edited span; `edited` itself when `original` uses only `eol` (or in the rare case where keeping
 * them would join two lines).
 */
export function keepLineEndings(original: string, edited: string, eol: '\n' | '\r\n'): string {
  if (usesOnly(original, eol)) return edited;
  const patch = minimalPatch(withLineEnding(original, eol), edited);
  const kept = original.slice(0, originalOffset(original, eol, patch.start)) + patch.text + original.slice(originalOffset(original, eol, patch.end));
  // A lone \r of the file followed by an inserted \n would read as one ending: then the editor's endings stand.
  return withLineEnding(kept, eol) === edited ? kept : edited;
}
