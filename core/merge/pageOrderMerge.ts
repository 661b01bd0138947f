/**
 * A layout set's `Settings.json`: `pages.order` is a keyed list of page names, so pages both sides
 * insert all land, and a page moved differently on both sides is a conflict; the rest merges by path.
 */
import { type MergeRules, keyedStrings, matchesPath, plainJsonRules } from './mergeRules';

/** Merge rules for a layout set's Settings.json. */
export const pageOrderRules: MergeRules = {
  keyedList: (path) => (matchesPath(path, ['pages', 'order']) ? keyedStrings : undefined),
  locate(path) {
    const page = path[2];
    if (!matchesPath(path, ['pages', 'order', '*']) || typeof page !== 'object') return plainJsonRules.locate(path);
    return { where: { page: page.key, property: ['pages', 'order'] }, label: `Page "${page.key}"` };
  },
};
