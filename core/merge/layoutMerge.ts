/**
 * Layout pages (`App/ui/<set>/layouts/<page>.json`): components are a keyed list by `id`, so adds,
 * removes and moves merge, and a component's properties merge path by path inside it.
 */
import { type MergeRules, keyedByProperty, matchesPath, plainJsonRules, plainPath } from './mergeRules';

const components = keyedByProperty('id');

/** Merge rules for a layout page. */
export const layoutRules: MergeRules = {
  keyedList: (path) => (matchesPath(path, ['data', 'layout']) ? components : undefined),
  locate(path) {
    const component = path[2];
    if (path[0] !== 'data' || path[1] !== 'layout' || typeof component !== 'object') return plainJsonRules.locate(path);
    const property = plainPath(path.slice(3));
    const label = property.length ? `Property "${property.join('.')}" of component "${component.key}"` : `Component "${component.key}"`;
    return { where: { componentId: component.key, property }, label };
  },
};
