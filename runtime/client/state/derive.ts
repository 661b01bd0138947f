/**
 * What the form state derives from definitions + data: the expression environment (a new object per
 * change, since hidden-state caches are per environment), the hierarchy (rebuilt only when rows
 * change), the incremental expressions and the validation result.
 */
import { buildHierarchy, FormExpressions, narrowChanges, readDataPath, updateRows, type DataModelLocation, type ExprEnvironment, type Hierarchy, type OptionItem, type PageFile, type ProcessInfo, type TextResource } from '../../../core/expressions';
import { resolveExpressionValidationConfig, validateLayoutSet, type FormDataModel, type FormValidationResult, type SchemaError } from '../../../core/validation';
import { builtInTextsFor } from '../text/builtInTexts';
import { changedNodes, type NodeWatch, watchOf } from './nodeChanges';

export interface Definitions {
  readonly layouts: Readonly<Record<string, PageFile>>;
  readonly pageOrder: readonly string[];
  readonly defaultDataType: string;
  readonly texts: readonly TextResource[];
  readonly language: string;
  readonly frontendSettings: Readonly<Record<string, unknown>>;
  readonly schemas: Readonly<Record<string, Record<string, unknown> | undefined>>;
  readonly validationConfigs: Readonly<Record<string, unknown>>;
  readonly classRefs: Readonly<Record<string, string | undefined>>;
  /** Schema errors of the current data per data type, found by the server (the page's CSP forbids compiling schemas here). */
  readonly schemaErrors?: Readonly<Record<string, readonly SchemaError[]>>;
  readonly instance: { readonly id: string; readonly instanceOwnerPartyId?: string } | null;
  /** The instance's process as the server answered it (current task with read/write/actions): what authContext and the process components read. */
  readonly process?: ProcessInfo | null;
}

export interface Derived {
  readonly env: ExprEnvironment;
  readonly hierarchy: Hierarchy;
  readonly expressions: FormExpressions;
  readonly validation: FormValidationResult;
  /** What each node reads, for finding the nodes a change affects. */
  readonly watch: NodeWatch;
  /** Bumped for every full derive: every node may show something new. */
  readonly epoch: number;
  /** Per node, bumped when a change may alter what it shows (shared and updated in place between full derives). */
  readonly versions: Map<string, number>;
}

let epochs = 0;

/** The row counts of every list in the data: when they change, the hierarchy must be rebuilt. */
export function rowShape(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length}:${value.map(rowShape).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => (v !== null && typeof v === 'object' ? `${k}${rowShape(v)}` : '')).join('')}}`;
  }
  return '';
}

function environment(defs: Definitions, data: Readonly<Record<string, unknown>>, hierarchy: Hierarchy | undefined, codeLists: Readonly<Record<string, readonly OptionItem[]>>): ExprEnvironment {
  return {
    dataModels: data,
    defaultDataType: defs.defaultDataType,
    ...(hierarchy ? { hierarchy } : {}),
    language: defs.language,
    textResources: defs.texts,
    builtInTexts: builtInTextsFor(defs.language),
    frontendSettings: defs.frontendSettings,
    codeLists,
    instance: defs.instance,
    ...(defs.process ? { process: defs.process } : {}),
  };
}

/**
 * The validation of a form state. Schema errors come from the server (`defs.schemaErrors`): ajv
 * compiles schemas with `new Function`, which the form app's CSP forbids, so the schema is never given here.
 */
export function validate(defs: Definitions, data: Readonly<Record<string, unknown>>, hierarchy: Hierarchy, env: ExprEnvironment): FormValidationResult {
  const models: Record<string, FormDataModel> = {};
  for (const [dataType, value] of Object.entries(data)) {
    const config = defs.validationConfigs[dataType];
    const schemaErrors = defs.schemaErrors?.[dataType];
    models[dataType] = {
      data: value,
      ...(schemaErrors ? { schemaErrors } : {}),
      ...(config ? { expressionValidation: resolveExpressionValidationConfig(config) } : {}),
    };
  }
  return validateLayoutSet({ hierarchy, env, dataModels: models, language: defs.language });
}

/** Everything from scratch: after loading, a definition reload or a language switch. */
export function deriveAll(defs: Definitions, data: Readonly<Record<string, unknown>>, codeLists: Readonly<Record<string, readonly OptionItem[]>>): Derived {
  const hierarchy = buildHierarchy(defs.layouts, data, { defaultDataType: defs.defaultDataType, pageOrder: defs.pageOrder });
  const env = environment(defs, data, hierarchy, codeLists);
  const expressions = new FormExpressions(env);
  expressions.evaluateAll();
  return { env, hierarchy, expressions, validation: validate(defs, data, hierarchy, env), watch: watchOf(hierarchy, env), epoch: ++epochs, versions: new Map() };
}

/** Whether a change added or removed rows anywhere under the changed locations. */
function changesRows(before: Readonly<Record<string, unknown>>, data: Readonly<Record<string, unknown>>, changed: readonly DataModelLocation[]): boolean {
  return changed.some((c) => rowShape(readDataPath(before[c.dataType], c.field)) !== rowShape(readDataPath(data[c.dataType], c.field)));
}

/**
 * After a data change: only the expressions that read what changed run again; when rows came or
 * went, the hierarchy gains or loses just those rows (the others keep their nodes, so they do not
 * re-render) and the new rows' expressions run.
 */
export function deriveAfterChange(
  previous: Derived,
  defs: Definitions,
  before: Readonly<Record<string, unknown>>,
  data: Readonly<Record<string, unknown>>,
  written: readonly DataModelLocation[],
  codeLists: Readonly<Record<string, readonly OptionItem[]>>,
): Derived {
  const changed = narrowChanges(before, data, written);
  const rowsChanged = changesRows(before, data, written);
  const rows = rowsChanged ? updateRows(previous.hierarchy, data) : undefined;
  if (rowsChanged && !rows) return deriveAll(defs, data, codeLists);
  const hierarchy = rows?.hierarchy ?? previous.hierarchy;
  const env = environment(defs, data, hierarchy, codeLists);
  const rerun = rows ? previous.expressions.updateRows(env, rows, changed) : previous.expressions.update(env, changed);
  const validation = validate(defs, data, hierarchy, env);
  const watch = rows ? watchOf(hierarchy, env) : previous.watch;
  for (const id of changedNodes(watch, changed, rerun, previous.validation, validation)) previous.versions.set(id, (previous.versions.get(id) ?? 0) + 1);
  for (const owner of rows?.owners ?? []) previous.versions.set(owner.id, (previous.versions.get(owner.id) ?? 0) + 1);
  return { ...previous, env, hierarchy, validation, watch };
}
