/**
 * What the properties panel knows about the shown layout set: its pages as the runtime reads them,
 * the field tree of its default data type, and where each component sits among repeating groups.
 */
import type { AppModel, ComponentNode, UiFolder } from '../../../../core/app/model/types';
import { componentSpec, findComponentType } from '../../../../core/catalog';
import type { DataModelTree } from '../../../../core/datamodel';
import { buildHierarchy, type Hierarchy, type PageFile } from '../../../../core/expressions';
import { dataModelTrees } from '../../../../core/refs/dataModels';

export interface LayoutSetContext {
  readonly folder: UiFolder;
  /** The field tree of the set's default data type; null when it has none or it cannot be read. */
  readonly tree: DataModelTree | null;
  readonly dataType: string | null;
  /** The set's page files by page name, as the runtime reads them. */
  readonly layouts: Readonly<Record<string, PageFile>>;
  /** Every component id of the set, in page order. */
  readonly componentIds: readonly string[];
}

const trees = new WeakMap<AppModel, Map<string, DataModelTree>>();

/** The field trees of every data type (cached per model: the model is immutable). */
function treesOf(model: AppModel): Map<string, DataModelTree> {
  let found = trees.get(model);
  if (!found) {
    found = dataModelTrees(model);
    trees.set(model, found);
  }
  return found;
}

/** The context of layout set `folderId`; null when the model has no such set. */
export function layoutSetContext(model: AppModel, folderId: string): LayoutSetContext | null {
  const folder = model.uiFolders.find((f) => f.id === folderId);
  if (!folder) return null;
  const layouts: Record<string, PageFile> = {};
  for (const page of folder.pages) layouts[page.name] = (page.file.doc.value ?? {}) as PageFile;
  const dataType = folder.defaultDataType;
  return {
    folder,
    tree: dataType ? (treesOf(model).get(dataType) ?? null) : null,
    dataType,
    layouts,
    componentIds: folder.pages.flatMap((p) => p.components.map((c) => c.id)).filter((id) => id !== ''),
  };
}

/** The runtime hierarchy of the set for `data` (the default data type's form data). */
export function hierarchyOf(context: LayoutSetContext, data: unknown): Hierarchy {
  const defaultDataType = context.dataType ?? 'default';
  return buildHierarchy(context.layouts, { [defaultDataType]: data ?? {} }, { defaultDataType, pageOrder: context.folder.pageOrder });
}

/** A component of the set by id. */
export function componentIn(context: LayoutSetContext, id: string): ComponentNode | undefined {
  for (const page of context.folder.pages) {
    const found = page.components.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

// Repeating ancestors come from the page files alone, so the hierarchy of empty data answers for all.
const emptyHierarchies = new WeakMap<LayoutSetContext, Hierarchy>();

/**
 * The data path the component's rows come from: the repeating binding of its innermost repeating
 * ancestor (RepeatingGroup `group`, Likert `questions`), or null outside any repetition.
 */
export function repeatingScopeOf(context: LayoutSetContext, id: string): string | null {
  let hierarchy = emptyHierarchies.get(context);
  if (!hierarchy) {
    hierarchy = hierarchyOf(context, {});
    emptyHierarchies.set(context, hierarchy);
  }
  const ancestors = hierarchy.definitions.get(id)?.repeatingAncestors ?? [];
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const config = hierarchy.definitions.get(ancestors[i]!)?.config as Record<string, unknown> | undefined;
    const type = typeof config?.type === 'string' ? config.type : '';
    const known = findComponentType(type);
    const over = known ? componentSpec(known).repeatsOver : undefined;
    const bindings = config?.dataModelBindings;
    const path = over && bindings && typeof bindings === 'object' ? (bindings as Record<string, unknown>)[over] : undefined;
    if (typeof path === 'string') return path;
    if (path && typeof path === 'object' && typeof (path as Record<string, unknown>).field === 'string') return (path as { field: string }).field;
  }
  return null;
}
