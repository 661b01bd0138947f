/**
 * The app model: every file of an Altinn app repository, read once, with the structure the editors and
 * the reference index need. Files keep their exact text; edits are text edits (core/text), so an
 * unedited file is written back byte for byte and an edit changes only the lines that carry it.
 */
import type { Diagnostic } from '../../refs/diagnostic';
import type { JsonDocument, JsonPath } from '../../text/jsonDocument';
import type { XmlDocument } from '../../text/xmlDocument';

/** A JSON file of the app. `doc.value` is its (tolerantly) parsed value. */
export interface JsonFile {
  readonly path: string;
  readonly doc: JsonDocument;
}

/** An XML file of the app (BPMN, policy, XSD). */
export interface XmlFile {
  readonly path: string;
  readonly doc: XmlDocument;
}

/** One component of a layout page, as written; nesting is by id reference, as in Altinn. */
export interface ComponentNode {
  readonly id: string;
  /** The catalogue's name for the type when known (case-insensitive match, e.g. `Radiobuttons` → `RadioButtons`), else as written. */
  readonly type: string;
  readonly typeAsWritten: string;
  readonly folderId: string;
  readonly pageName: string;
  /** The page file. */
  readonly file: string;
  /** Index in `data.layout`. */
  readonly index: number;
  /** Path of the component object in the page file: `['data', 'layout', index]`. */
  readonly jsonPath: JsonPath;
  /** The component object as written, unknown properties included. */
  readonly props: Readonly<Record<string, unknown>>;
}

export interface LayoutPage {
  /** File name without `.json`. */
  readonly name: string;
  readonly file: JsonFile;
  readonly components: readonly ComponentNode[];
}

/** How a UI folder is declared: v8 `layout-sets.json`, v9 folder per task, or pre-v4 `ui/layouts`. */
export type UiFolderKind = 'v8-set' | 'v9-folder' | 'legacy';

/** A layout set (v8) or task folder (v9): its settings and pages. */
export interface UiFolder {
  readonly id: string;
  /** Folder relative to the app root, e.g. `App/ui/form`. */
  readonly folder: string;
  readonly kind: UiFolderKind;
  readonly taskIds: readonly string[];
  readonly defaultDataType: string | null;
  /** `subform` or another declared type; null when none. */
  readonly type: string | null;
  readonly settings: JsonFile | null;
  /** Page names in Settings.json order (order or groups), as written. */
  readonly pageOrder: readonly string[];
  /** Every page file of the folder, in pageOrder first, then the rest by name. */
  readonly pages: readonly LayoutPage[];
}

export interface TextResource {
  readonly id: string;
  readonly value: string;
  readonly index: number;
  readonly variables?: readonly unknown[];
}

export interface TextFile {
  readonly language: string;
  readonly file: JsonFile;
  readonly resources: readonly TextResource[];
}

/** The files of one data model under `App/models`, by role. */
export interface DataModelFiles {
  readonly id: string;
  readonly schema: JsonFile | null;
  readonly xsd: XmlFile | null;
  readonly prefill: JsonFile | null;
  readonly validation: JsonFile | null;
  readonly calculation: JsonFile | null;
  /** Other files of the model (`.cs`, `.metadata.json`), by path. */
  readonly otherFiles: readonly string[];
}

export interface OptionsFile {
  readonly id: string;
  readonly file: JsonFile;
}

export interface AppModel {
  /** Every file of the app read as text, by path: exactly what is on disk. */
  readonly texts: ReadonlyMap<string, string>;
  /** Every file path of the app (text or not). */
  readonly filePaths: readonly string[];
  /** Every JSON file of the app (all `.json` outside `App/wwwroot`), parsed, by path. */
  readonly jsonFiles: ReadonlyMap<string, JsonFile>;
  /** The XML files the model gives a role (process, policy, XSD models), parsed, by path. */
  readonly xmlFiles: ReadonlyMap<string, XmlFile>;
  readonly metadata: JsonFile | null;
  readonly layoutSets: JsonFile | null;
  /** v9 `App/ui/Settings.json` (global page settings). */
  readonly globalSettings: JsonFile | null;
  readonly uiFolders: readonly UiFolder[];
  readonly textFiles: readonly TextFile[];
  readonly models: readonly DataModelFiles[];
  readonly options: readonly OptionsFile[];
  readonly footer: JsonFile | null;
  readonly process: XmlFile | null;
  readonly policy: XmlFile | null;
  /** `App/appsettings*.json`. */
  readonly appSettings: readonly JsonFile[];
  /** Files that could not be read or parsed: syntax errors with their positions. */
  readonly problems: readonly Diagnostic[];
}
