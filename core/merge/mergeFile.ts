/**
 * The three-way merge of one file of an Altinn app, picking the strategy from its path: layouts by
 * component, texts by key, Settings.json page order as a list, code lists by value, other JSON by
 * path, and anything else (or JSON that does not parse on some side) line by line.
 */
import { parseJsonDocument } from '../text/jsonDocument';
import { type ConflictChoice, ConflictLog, type MergeResult } from './conflicts';
import { mergeJsonValues } from './jsonMerge';
import { renderMerged } from './jsonRender';
import { layoutRules } from './layoutMerge';
import { mergeLines } from './lineMerge';
import { type MergeRules, plainJsonRules } from './mergeRules';
import { optionsRules } from './optionsMerge';
import { pageOrderRules } from './pageOrderMerge';
import { textResourceLanguage, textResourceRules } from './textResourceMerge';

/** The merge rules for a file path (forward or back slashes), or null when the file is not JSON. */
export function mergeRulesFor(path: string): MergeRules | null {
  const file = path.replace(/\\/g, '/');
  if (!/\.json$/i.test(file)) return null;
  if (/(?:^|\/)App\/ui\/(?:.+\/)?layouts\/[^/]+\.json$/.test(file)) return layoutRules;
  const language = textResourceLanguage(file);
  if (language !== null) return textResourceRules(language);
  if (/(?:^|\/)App\/ui\/(?:.+\/)?Settings\.json$/.test(file)) return pageOrderRules;
  if (/(?:^|\/)App\/options\/[^/]+\.json$/.test(file)) return optionsRules;
  return plainJsonRules;
}

/** Merges one file (null: no such file on that side), settling conflicts by `choices` where made. */
// Unsettled conflicts keep ours in JSON files, the changed side for a file deleted on one side, and
// diff3 markers in other text.
export function mergeFile(
  path: string,
  base: string | null,
  ours: string | null,
  theirs: string | null,
  choices: Readonly<Record<string, ConflictChoice>> = {},
): MergeResult {
  const log = new ConflictLog(path, choices);
  const text = mergeTexts(path, base, ours, theirs, log);
  return { path, text, conflicts: log.conflicts, inputs: { base, ours, theirs }, choices };
}

/** The same merge with the conflict `conflictId` settled by `choice` (other choices already made stay). */
export function resolveConflict(result: MergeResult, conflictId: string, choice: ConflictChoice): MergeResult {
  const { base, ours, theirs } = result.inputs;
  return mergeFile(result.path, base, ours, theirs, { ...result.choices, [conflictId]: choice });
}

function mergeTexts(path: string, base: string | null, ours: string | null, theirs: string | null, log: ConflictLog): string | null {
  if (ours === theirs || base === theirs) return ours;
  if (base === ours) return theirs;
  if (ours === null || theirs === null) return fileConflict(base, ours, theirs, log);
  const rules = mergeRulesFor(path);
  const docs = rules && [base, ours, theirs].map((text) => (text === null ? null : parseJsonDocument(text)));
  if (!rules || !docs || docs.some((doc) => doc !== null && (doc.problems.length > 0 || doc.value === undefined))) {
    return mergeLines(base ?? '', ours, theirs, log);
  }
  const merged = mergeJsonValues(docs[0]?.value, docs[1]!.value, docs[2]!.value, rules, log);
  return merged === undefined ? null : renderMerged(ours, merged, rules);
}

/** One side deleted the file and the other changed it. */
function fileConflict(base: string | null, ours: string | null, theirs: string | null, log: ConflictLog): string | null {
  const description = ours === null ? 'The file was deleted in ours and changed in theirs.' : 'The file was changed in ours and deleted in theirs.';
  const conflict = { id: 'file', kind: 'file' as const, where: { path: '' }, base, ours, theirs, description };
  const chosen = log.settle(conflict, ours, theirs, ours ?? theirs);
  return typeof chosen === 'string' ? chosen : null;
}
