/**
 * What changed between two versions of an app, as a reviewer reads it: components by id, page order,
 * texts by key and language, data model fields, process tasks and flows, options by value, and every
 * changed file with its kind and line counts.
 */

/** How the review groups a file. */
export type ReviewFileKind = 'layout' | 'settings' | 'texts' | 'dataModel' | 'process' | 'options' | 'other';

export type FileChangeKind = 'added' | 'removed' | 'modified';

/** One file that differs between the versions. */
export interface ReviewFile {
  /** Relative to the app folder. */
  readonly path: string;
  readonly kind: ReviewFileKind;
  readonly change: FileChangeKind;
  readonly linesAdded: number;
  readonly linesRemoved: number;
}

/** What a changed value is to a reviewer. */
export type ValueChangeKind = 'property' | 'text' | 'expression' | 'binding';

/** One changed value of a component; `before`/`after` are readable (absent: the version has none). */
export interface PropertyChange {
  /** Dotted JSON path inside the component: `textResourceBindings.title`, `grid.xs`, `rows[0]`. */
  readonly path: string;
  readonly kind: ValueChangeKind;
  readonly before?: string;
  readonly after?: string;
  /** For a text value changed behind an unchanged binding: the language of the text. */
  readonly language?: string;
}

/** Where a component is in one version. */
export interface ComponentPlace {
  readonly page: string;
  /** Index in the page's `data.layout`. */
  readonly index: number;
  /** The container that holds it; null at page level. */
  readonly parent: string | null;
  readonly type: string;
}

export type ComponentStatus = 'added' | 'removed' | 'moved' | 'changed';

/** A component that is new, gone, moved or changed. A moved component may also have changes. */
export interface ComponentChange {
  readonly id: string;
  readonly status: ComponentStatus;
  readonly before: ComponentPlace | null;
  readonly after: ComponentPlace | null;
  readonly changes: readonly PropertyChange[];
}

/** A page file of a folder that is new, gone or changed. */
export interface PageChange {
  readonly name: string;
  readonly change: FileChangeKind;
  readonly path: string;
}

/** The changes of one UI folder (layout set). */
export interface FolderChanges {
  readonly folderId: string;
  readonly pages: readonly PageChange[];
  /** Settings.json page order, when it changed. */
  readonly pageOrder: { readonly before: readonly string[]; readonly after: readonly string[] } | null;
  readonly components: readonly ComponentChange[];
}

export interface TextChange {
  readonly language: string;
  readonly key: string;
  /** null: the version has no such text. */
  readonly before: string | null;
  readonly after: string | null;
}

/** A data model field that is new, gone, or has another type or other rules; descriptions are readable. */
export interface FieldChange {
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before?: string;
  readonly after?: string;
}

export interface DataModelChanges {
  readonly modelId: string;
  readonly path: string;
  readonly fields: readonly FieldChange[];
}

export interface TaskChange {
  readonly id: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** `name (type)`. */
  readonly before?: string;
  readonly after?: string;
}

export interface FlowChange {
  readonly id: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** `source → target [condition]`. */
  readonly before?: string;
  readonly after?: string;
}

export interface ProcessChanges {
  readonly tasks: readonly TaskChange[];
  readonly flows: readonly FlowChange[];
}

export interface OptionChange {
  readonly value: string;
  readonly change: 'added' | 'removed' | 'changed' | 'moved';
  /** The option's label (or whole option when the label stayed), readable. */
  readonly before?: string;
  readonly after?: string;
}

export interface OptionsChanges {
  readonly id: string;
  readonly path: string;
  readonly options: readonly OptionChange[];
}

export interface ReviewDiff {
  readonly files: readonly ReviewFile[];
  readonly folders: readonly FolderChanges[];
  readonly texts: readonly TextChange[];
  readonly dataModels: readonly DataModelChanges[];
  readonly process: ProcessChanges | null;
  readonly options: readonly OptionsChanges[];
}

/** The files of one version: path (relative to the app folder) → text; null or absent: no such file. */
export type VersionFiles = ReadonlyMap<string, string | null>;
