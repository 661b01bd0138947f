/** Three-way merge of Altinn app files: the API the git services and the conflict view use. */
export { mergeFile, mergeRulesFor, resolveConflict } from './mergeFile';
export type { Conflict, ConflictChoice, ConflictLocation, LineRanges, MergeResult } from './conflicts';
