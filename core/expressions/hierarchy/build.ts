/**
 * Builds the runtime hierarchy (§2.7) from a layout set's pages and its form data: containers claim
 * their children (the catalogue knows every child slot), repeating components are expanded into one
 * instance of each child per data row with generated ids, and every instance knows its row location.
 */
import { childReferencesOf, findComponentType, type ChildReference } from '../../catalog';
import { bindingLocation, readDataPath, transposeDataPath } from '../dataPath';
import type { DataModelLocation } from '../types';
import type { ComponentConfig, ComponentDefinition, ComponentNode, Hierarchy, PageFile, PageNode, RowInfo } from './types';

export interface BuildHierarchyOptions {
  /** The data type bindings without `dataType` use. */
  readonly defaultDataType: string;
  /** `Settings.json → pages.order`; pages not listed still get nodes, after the listed ones. */
  readonly pageOrder?: readonly string[];
}

interface Claim {
  readonly parentId: string;
  /** Whether the child is repeated once per row of the parent (the `children` slot of a repeating parent). */
  readonly repeated: boolean;
}

export interface Definitions {
  readonly configs: Map<string, { config: ComponentConfig; pageId: string }>;
  readonly claims: Map<string, Claim>;
  readonly childrenOf: Map<string, string[]>;
  readonly problems: string[];
}

/** The repeating binding of a component, if it repeats: RepeatingGroup `group`, Likert `questions`, v3 Group with `maxCount > 1`. */
export function repeatingBindingOf(config: ComponentConfig, defaultDataType: string): DataModelLocation | undefined {
  const bindings = config.dataModelBindings as Record<string, unknown> | undefined;
  if (!bindings || typeof bindings !== 'object') return undefined;
  const type = findComponentType(config.type);
  if (type === 'RepeatingGroup') return bindingLocation(bindings.group, defaultDataType);
  if (type === 'Likert') return bindingLocation(bindings.questions, defaultDataType);
  if (type === 'Group' && typeof config.maxCount === 'number' && config.maxCount > 1) return bindingLocation(bindings.group, defaultDataType);
  return undefined;
}

function isComponentConfig(value: unknown): value is ComponentConfig {
  if (value === null || typeof value !== 'object') return false;
  const { id, type } = value as { id?: unknown; type?: unknown };
  return typeof id === 'string' && id !== '' && typeof type === 'string';
}

/** The page names in order: the given order (when the page exists), then every other page. */
function orderedPages(layouts: Readonly<Record<string, PageFile>>, order: readonly string[] | undefined): string[] {
  const names = Object.keys(layouts);
  const listed = (order ?? []).filter((name, i, all) => Object.prototype.hasOwnProperty.call(layouts, name) && all.indexOf(name) === i);
  return [...listed, ...names.filter((name) => !listed.includes(name))];
}

/** A child reference's id; v3 multi-page groups write `<page>:<id>` even where the catalogue does not say so. */
function referencedId(ref: ChildReference, configs: Definitions['configs']): string {
  if (configs.has(ref.id)) return ref.id;
  const prefixed = /^\d+:(.+)$/.exec(ref.id);
  return prefixed?.[1] ?? ref.id;
}

function collectDefinitions(layouts: Readonly<Record<string, PageFile>>, pages: readonly string[], defaultDataType: string): Definitions {
  const defs: Definitions = { configs: new Map(), claims: new Map(), childrenOf: new Map(), problems: [] };
  for (const pageId of pages) {
    for (const item of layouts[pageId]?.data?.layout ?? []) {
      if (!isComponentConfig(item)) continue;
      if (defs.configs.has(item.id)) defs.problems.push(`Component id "${item.id}" on page "${pageId}" is already used; the second one is ignored`);
      else defs.configs.set(item.id, { config: item, pageId });
    }
  }
  for (const [parentId, { config, pageId }] of defs.configs) {
    const repeats = repeatingBindingOf(config, defaultDataType) !== undefined;
    const children: string[] = [];
    for (const ref of childReferencesOf(config)) {
      const childId = referencedId(ref, defs.configs);
      const child = defs.configs.get(childId);
      if (!child || child.pageId !== pageId || childId === parentId) {
        defs.problems.push(`"${parentId}" refers to "${childId}", which is not a component on page "${pageId}"`);
      } else if (defs.claims.has(childId)) {
        defs.problems.push(`"${childId}" is claimed by both "${defs.claims.get(childId)?.parentId}" and "${parentId}"; the second claim is ignored`);
      } else {
        defs.claims.set(childId, { parentId, repeated: repeats && ref.slot.path === 'children[]' });
        children.push(childId);
      }
    }
    defs.childrenOf.set(parentId, children);
  }
  return defs;
}

/** The generated LikertItem of a Likert: one per question row, answering into the Likert's `answer` binding. */
function likertItemConfig(likert: ComponentConfig): ComponentConfig {
  const bindings = (likert.dataModelBindings ?? {}) as Record<string, unknown>;
  const texts = (likert.textResourceBindings ?? {}) as Record<string, unknown>;
  const copied = ['options', 'optionsId', 'mapping', 'required', 'secure', 'queryParameters', 'readOnly', 'sortOrder', 'showValidations', 'source', 'hidden', 'columns'];
  const item: Record<string, unknown> = {
    id: `${likert.id}-item`,
    type: 'LikertItem',
    textResourceBindings: { title: texts.questions },
    dataModelBindings: { simpleBinding: bindings.answer ?? bindings.simpleBinding },
  };
  for (const key of copied) if (likert[key] !== undefined) item[key] = likert[key];
  return item as ComponentConfig;
}

/** The rows of a Likert shown after its `filter` (start/stop, 1-based like the frontend's). */
function likertRowRange(config: ComponentConfig, count: number): [number, number] {
  let start = 0;
  let stop = count - 1;
  for (const entry of Array.isArray(config.filter) ? (config.filter as unknown[]) : []) {
    const { key, value } = (entry ?? {}) as { key?: unknown; value?: unknown };
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    if (!Number.isInteger(n)) continue;
    if (key === 'start') start = Math.max(0, n - 1);
    if (key === 'stop') stop = Math.min(count - 1, n - 1);
  }
  return [start, stop];
}

/**
 * What building needs beyond one pass: the definitions of the layout set, the registries being
 * filled, and the data. Kept with the hierarchy (see rows.ts) so rows can be added or removed later
 * without rebuilding the rest.
 */
export interface HierarchyBuilder {
  readonly defs: Definitions;
  readonly options: BuildHierarchyOptions;
  readonly nodes: Map<string, ComponentNode>;
  readonly instancesOf: Map<string, ComponentNode[]>;
  readonly definitions: Map<string, ComponentDefinition>;
  dataModels: Readonly<Record<string, unknown>>;
  /** Builds one row of a repeating node (its row children, registered), appending them to the node. */
  buildRow(owner: ComponentNode, index: number): void;
  /** The rows a repeating node should have for the current data: `[first, last]` (inclusive) and the row field. */
  rowRange(owner: ComponentNode): { first: number; last: number; groupField: string; dataType: string } | undefined;
}

const builders = new WeakMap<ReadonlyMap<string, ComponentNode>, HierarchyBuilder>();

/** The builder a hierarchy was made with (shared by hierarchies updated from it). */
export function builderOf(hierarchy: Hierarchy): HierarchyBuilder | undefined {
  return builders.get(hierarchy.nodes);
}

function createBuilder(layouts: Readonly<Record<string, PageFile>>, pageNames: readonly string[], dataModels: Readonly<Record<string, unknown>>, options: BuildHierarchyOptions) {
  const defs = collectDefinitions(layouts, pageNames, options.defaultDataType);
  const nodes = new Map<string, ComponentNode>();
  const instancesOf = new Map<string, ComponentNode[]>();
  const definitions = new Map<string, ComponentDefinition>();

  const define = (config: ComponentConfig, pageId: string, parentId: string | undefined, repeatingAncestors: readonly string[]) => {
    if (!definitions.has(config.id)) definitions.set(config.id, { config, pageId, parentId, repeatingAncestors });
  };

  const register = (node: ComponentNode) => {
    if (nodes.has(node.id)) defs.problems.push(`Generated id "${node.id}" collides with another component; the second one is ignored`);
    else nodes.set(node.id, node);
    const list = instancesOf.get(node.baseId) ?? [];
    list.push(node);
    instancesOf.set(node.baseId, list);
  };

  const rowChildrenOf = (config: ComponentConfig): ComponentConfig[] =>
    findComponentType(config.type) === 'Likert' ? [likertItemConfig(config)] : (defs.childrenOf.get(config.id) ?? []).filter((id) => defs.claims.get(id)?.repeated).map((id) => defs.configs.get(id)!.config);

  // `visiting` guards against containers that claim each other in a cycle.
  const visiting = new Set<string>();
  const build = (
    config: ComponentConfig,
    pageId: string,
    parent: ComponentNode | PageNode,
    rowIndices: readonly number[],
    row: RowInfo | undefined,
    repeatingAncestors: readonly string[],
  ): ComponentNode | undefined => {
    if (visiting.has(config.id)) return undefined;
    visiting.add(config.id);
    define(config, pageId, parent.kind === 'component' ? parent.baseId : undefined, repeatingAncestors);
    const children: ComponentNode[] = [];
    const node: ComponentNode = {
      kind: 'component',
      id: rowIndices.length ? `${config.id}-${rowIndices.join('-')}` : config.id,
      baseId: config.id,
      type: config.type,
      canonicalType: findComponentType(config.type),
      config,
      pageId,
      parent,
      children,
      rowIndices,
      row,
      location: row?.location,
      rows: [],
    };
    register(node);
    const childIds = defs.childrenOf.get(config.id) ?? [];
    const plain = childIds.filter((id) => !defs.claims.get(id)?.repeated);
    for (const id of plain) {
      const child = defs.configs.get(id);
      const built = child && build(child.config, pageId, node, rowIndices, row, repeatingAncestors);
      if (built) children.push(built);
    }
    const range = builder.rowRange(node);
    if (range) {
      for (let index = range.first; index <= range.last; index++) buildRowOf(node, index, range);
      // Definitions of row children must exist even when there are no rows, for lookups and links.
      for (const childConfig of rowChildrenOf(config)) defineSubtree(childConfig, pageId, config.id, [...repeatingAncestors, config.id]);
    }
    visiting.delete(config.id);
    return node;
  };

  const buildRowOf = (node: ComponentNode, index: number, range: { groupField: string; dataType: string }) => {
    const rowInfo: RowInfo = { owner: node, index, location: { dataType: range.dataType, field: `${range.groupField}[${index}]` } };
    (node.rows as RowInfo[]).push(rowInfo);
    const repeatingAncestors = [...(definitions.get(node.baseId)?.repeatingAncestors ?? []), node.baseId];
    const outermost = !visiting.has(node.baseId);
    visiting.add(node.baseId);
    for (const childConfig of rowChildrenOf(node.config)) {
      const built = build(childConfig, node.pageId, node, [...node.rowIndices, index], rowInfo, repeatingAncestors);
      if (built) (node.children as ComponentNode[]).push(built);
    }
    if (outermost) visiting.delete(node.baseId);
  };

  const defineSubtree = (config: ComponentConfig, pageId: string, parentId: string, repeatingAncestors: readonly string[]) => {
    if (definitions.has(config.id) || visiting.has(config.id)) return;
    visiting.add(config.id);
    define(config, pageId, parentId, repeatingAncestors);
    const inner = repeatingBindingOf(config, options.defaultDataType) ? [...repeatingAncestors, config.id] : repeatingAncestors;
    if (findComponentType(config.type) === 'Likert') defineSubtree(likertItemConfig(config), pageId, config.id, inner);
    for (const id of defs.childrenOf.get(config.id) ?? []) {
      const child = defs.configs.get(id);
      if (child) defineSubtree(child.config, pageId, config.id, defs.claims.get(id)?.repeated ? inner : repeatingAncestors);
    }
    visiting.delete(config.id);
  };

  const builder: HierarchyBuilder = {
    defs,
    options,
    nodes,
    instancesOf,
    definitions,
    dataModels,
    buildRow(owner, index) {
      const range = builder.rowRange(owner);
      if (range) buildRowOf(owner, index, range);
    },
    rowRange(owner) {
      const binding = repeatingBindingOf(owner.config, options.defaultDataType);
      if (!binding) return undefined;
      const groupField = transposeDataPath(binding, owner.row?.location).field;
      const data = readDataPath(builder.dataModels[binding.dataType], groupField);
      const count = Array.isArray(data) ? data.length : 0;
      const [first, last] = findComponentType(owner.config.type) === 'Likert' ? likertRowRange(owner.config, count) : [0, count - 1];
      return { first, last, groupField, dataType: binding.dataType };
    },
  };
  return { builder, build, define };
}

/** Builds the hierarchy of a layout set for the current data. */
export function buildHierarchy(
  layouts: Readonly<Record<string, PageFile>>,
  dataModels: Readonly<Record<string, unknown>>,
  options: BuildHierarchyOptions,
): Hierarchy {
  const pageNames = orderedPages(layouts, options.pageOrder);
  const { builder, build, define } = createBuilder(layouts, pageNames, dataModels, options);
  const { defs, nodes, definitions, instancesOf } = builder;

  const pages: PageNode[] = pageNames.map((pageId) => {
    const children: ComponentNode[] = [];
    const page: PageNode = { kind: 'page', id: pageId, pageId, file: layouts[pageId] ?? {}, children, location: undefined };
    for (const item of layouts[pageId]?.data?.layout ?? []) {
      if (!isComponentConfig(item) || defs.claims.has(item.id) || defs.configs.get(item.id)?.config !== item) continue;
      const built = build(item, pageId, page, [], undefined, []);
      if (built) children.push(built);
    }
    return page;
  });

  // Components claimed in a cycle are never reached from a page; they still exist as definitions.
  for (const [id, { config, pageId }] of defs.configs) {
    if (!definitions.has(id)) define(config, pageId, defs.claims.get(id)?.parentId, []);
  }

  builders.set(nodes, builder);
  return { pages, nodes, definitions, instancesOf, problems: defs.problems, defaultDataType: options.defaultDataType };
}
