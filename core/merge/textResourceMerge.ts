/**
 * Text resources (`App/config/texts/resource.<lang>.json`): texts are a keyed list by `id`, and a
 * text's `value` and `variables` merge separately.
 */
import { type MergeRules, keyedByProperty, matchesPath, plainJsonRules, plainPath } from './mergeRules';

const texts = keyedByProperty('id');

/** Merge rules for the text resource file of `language`. */
export function textResourceRules(language: string): MergeRules {
  return {
    keyedList: (path) => (matchesPath(path, ['resources']) ? texts : undefined),
    locate(path) {
      const text = path[1];
      if (path[0] !== 'resources' || typeof text !== 'object') return plainJsonRules.locate(path);
      const property = plainPath(path.slice(2));
      const name = `text "${text.key}" (${language})`;
      return { where: { textKey: text.key, language, property }, label: property.length ? `The ${property.join('.')} of ${name}` : `The ${name}` };
    },
  };
}

/** The language of a text resource file from its name (`resource.nb.json` → `nb`), or null for another file. */
export function textResourceLanguage(path: string): string | null {
  return /(?:^|\/)App\/config\/texts\/resource\.([^/]+)\.json$/.exec(path)?.[1] ?? null;
}
