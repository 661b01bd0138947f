/**
 * Layout pages and their components, read from page files. A page is derived from its (immutable)
 * file and the folder it belongs to, so it is built once per file object and reused across edits of
 * other files.
 */
import type { Diagnostic } from '../../refs/diagnostic';
import { findComponentType } from '../../catalog/catalog';
import { isJsonObject } from '../../text/jsonDocument';
import { shapeProblem } from './parsedFiles';
import type { ComponentNode, JsonFile, LayoutPage } from './types';

interface BuiltPage {
  readonly page: LayoutPage;
  readonly problems: readonly Diagnostic[];
}

const pageCache = new WeakMap<JsonFile, Map<string, BuiltPage>>();

/** The page name of a page file: its file name without `.json`. */
function pageNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).slice(0, -'.json'.length);
}

/**
 * The page of `file` in folder `folderId`, with the problems of its shape. Components are listed as
 * written, even without a string id or type (the reference checks report those).
 */
export function layoutPage(file: JsonFile, folderId: string): BuiltPage {
  let byFolder = pageCache.get(file);
  if (!byFolder) {
    byFolder = new Map();
    pageCache.set(file, byFolder);
  }
  const cached = byFolder.get(folderId);
  if (cached) return cached;
  const built = buildPage(file, folderId);
  byFolder.set(folderId, built);
  return built;
}

function buildPage(file: JsonFile, folderId: string): BuiltPage {
  const name = pageNameOf(file.path);
  const value = file.doc.value;
  const data = isJsonObject(value) ? value.data : undefined;
  const layout = isJsonObject(data) ? data.layout : undefined;
  if (!Array.isArray(layout)) {
    // A syntax error already explains a file that could not be read at all.
    const problems = value === undefined ? [] : [shapeProblem(file, ['data', 'layout'], 'The page has no "data.layout" list of components')];
    return { page: { name, file, components: [] }, problems };
  }
  const components = layout.map((item, index): ComponentNode => {
    const props = isJsonObject(item) ? item : {};
    const typeAsWritten = typeof props.type === 'string' ? props.type : '';
    return {
      id: typeof props.id === 'string' ? props.id : '',
      type: findComponentType(typeAsWritten) ?? typeAsWritten,
      typeAsWritten,
      folderId,
      pageName: name,
      file: file.path,
      index,
      jsonPath: ['data', 'layout', index],
      props,
    };
  });
  return { page: { name, file, components }, problems: [] };
}
