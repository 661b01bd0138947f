/** Review: what changed between two versions of an app, by component, text, field, task and option. */
export type * from './types';
export { isEmptyReview, reviewModels, reviewVersions, versionModel } from './reviewDiff';
export { lineChanges, lineCounts, type LineHunk } from './lineChanges';
export { expressionText, readableValue } from './valueChanges';
