/**
 * Static code lists (`App/options/<id>.json`): an array of options keyed by `value`; an option's
 * label, description and help text merge separately.
 */
import { type MergeRules, keyedByProperty, matchesPath, plainJsonRules, plainPath } from './mergeRules';

const options = keyedByProperty('value');

/** Merge rules for a code list file. */
export const optionsRules: MergeRules = {
  keyedList: (path) => (matchesPath(path, []) ? options : undefined),
  locate(path) {
    const option = path[0];
    if (typeof option !== 'object') return plainJsonRules.locate(path);
    const property = plainPath(path.slice(1));
    const name = `option with value ${option.key}`;
    return { where: { optionValue: option.key, property }, label: property.length ? `The ${property.join('.')} of the ${name}` : `The ${name}` };
  },
};
