/**
 * The runtime hierarchy a form has once its layouts meet its data (§2.7): pages, component instances,
 * containers with their children and repeating components expanded into rows with generated ids.
 */
import type { DataModelLocation } from '../types';

/** A page file as stored: `{ data: { layout: [...], hidden? } }`. */
export interface PageFile {
  readonly data?: {
    readonly layout?: readonly unknown[];
    readonly hidden?: unknown;
    readonly [key: string]: unknown;
  };
  readonly [key: string]: unknown;
}

/** A raw component object from a page file (only `id` and `type` are relied upon). */
export interface ComponentConfig {
  readonly id: string;
  readonly type: string;
  readonly [key: string]: unknown;
}

/** One page of the layout set. */
export interface PageNode {
  readonly kind: 'page';
  /** The page name (file name without `.json`). */
  readonly id: string;
  readonly pageId: string;
  readonly file: PageFile;
  readonly children: readonly ComponentNode[];
  /** Pages have no row context. */
  readonly location: undefined;
}

/** A row of a repeating component (RepeatingGroup `group`, Likert `questions`, v3 Group with `maxCount > 1`). */
export interface RowInfo {
  /** The repeating component instance the row belongs to. */
  readonly owner: ComponentNode;
  readonly index: number;
  /** The row's data location, e.g. `{dataType, field: "people[1]"}`. */
  readonly location: DataModelLocation;
}

/** One component instance: a component outside repetition, or one per row inside it (`id-<row>[-<row>]`). */
export interface ComponentNode {
  readonly kind: 'component';
  /** The generated id: `comp`, `comp-1`, `comp-1-0`. */
  readonly id: string;
  /** The id in the layout file. */
  readonly baseId: string;
  /** The type as written in the layout file. */
  readonly type: string;
  /** The canonical catalogue type name, when the type is known. */
  readonly canonicalType: string | undefined;
  readonly config: ComponentConfig;
  readonly pageId: string;
  readonly parent: ComponentNode | PageNode;
  readonly children: readonly ComponentNode[];
  /** The row indexes from the outermost repeating ancestor inwards (empty outside repetition). */
  readonly rowIndices: readonly number[];
  /** The closest row this instance sits in, if any. */
  readonly row: RowInfo | undefined;
  /** The data model location expressions on this node resolve against (the closest row's location). */
  readonly location: DataModelLocation | undefined;
  /** For repeating components: their rows, in data order. */
  readonly rows: readonly RowInfo[];
}

export type HierarchyNode = PageNode | ComponentNode;

/** Static facts about a component id, independent of rows. */
export interface ComponentDefinition {
  readonly config: ComponentConfig;
  readonly pageId: string;
  /** The id of the claiming container, or undefined at page level. */
  readonly parentId: string | undefined;
  /** Ids of the repeating containers around it, outermost first. */
  readonly repeatingAncestors: readonly string[];
}

/** The whole hierarchy of one layout set for one state of the data. */
export interface Hierarchy {
  /** Pages in order (the given order first, then any other page). */
  readonly pages: readonly PageNode[];
  /** Every component instance by generated id. */
  readonly nodes: ReadonlyMap<string, ComponentNode>;
  /** Every component definition by layout id. */
  readonly definitions: ReadonlyMap<string, ComponentDefinition>;
  /** Instances of a layout id (one outside repetition, one per row inside it). */
  readonly instancesOf: ReadonlyMap<string, readonly ComponentNode[]>;
  /** Problems met while building (unknown child ids, double claims); the runtime logs and ignores these. */
  readonly problems: readonly string[];
  /** The default data type bindings without `dataType` refer to. */
  readonly defaultDataType: string;
}
