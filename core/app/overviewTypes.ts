import type { ProcessTask } from './bpmnTasks';

/** How the app declares a layout set: v8 `layout-sets.json`, v9 UI folder, or pre-v4 `ui/layouts`. */
export type LayoutSetKind = 'v8-set' | 'v9-folder' | 'legacy';

export interface LayoutSetOverview {
  readonly id: string;
  /** Folder of the set's Settings.json and layouts/, relative to the app root. */
  readonly folder: string;
  /** The set's default data type; null when none is given. */
  readonly dataType: string | null;
  /** BPMN task ids that show this set; empty for subforms and stateless start pages. */
  readonly tasks: readonly string[];
  /** Page names: Settings.json order first, then page files it does not list. */
  readonly pages: readonly string[];
  readonly kind: LayoutSetKind;
  /** `subform` when the set says so; null otherwise. */
  readonly type: string | null;
}

export interface DataModelOverview {
  readonly id: string;
  /** Files of the model under App/models (schema, xsd, cs, prefill, validation, …). */
  readonly files: readonly string[];
  /** A data type with `appLogic` in applicationmetadata.json, i.e. a form's data model. */
  readonly isFormModel: boolean;
}

export interface AppProblem {
  /** The file the problem is in, relative to the app root. */
  readonly file: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** The stable code of `studio check`, e.g. `page-missing`. */
  readonly code: string;
  readonly line: number;
}

/** What an app consists of, as read from its files; the basis of the Overview area. */
export interface AppOverview {
  readonly org: string;
  /** `id` of applicationmetadata.json, "org/app". */
  readonly appId: string;
  /** App title per language code. */
  readonly title: Readonly<Record<string, string>>;
  readonly layoutSets: readonly LayoutSetOverview[];
  readonly dataModels: readonly DataModelOverview[];
  /** Language codes with a text resource file, nb, nn and en first. */
  readonly languages: readonly string[];
  readonly processTasks: readonly ProcessTask[];
  readonly problems: readonly AppProblem[];
}
