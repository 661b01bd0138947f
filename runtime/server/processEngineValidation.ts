/**
 * The validation run before the process leaves a task (§5.4): the same validators the form app runs
 * (schema, required, component rules, `*.validation.json` expressions) over the layout set bound to
 * the task and the form data of the task's data types, plus the element counts and file scans of
 * every data type of the task (dataElementRules, §4.9). Issues come back in Altinn's backend shape (§4.5).
 */
import { buildHierarchy, type ExprEnvironment, type PageFile } from '../../core/expressions';
import { hiddenFieldTest, resolveExpressionValidationConfig, validateLayoutSet, validationNodesOf, type FormDataModel, type MessageParam, type ValidationIssue } from '../../core/validation';
import { isJsonObject } from '../../core/text/jsonDocument';
import { dataTypes } from './appData';
import { dataElementIssues } from './dataElementRules';
import type { RouteContext } from './http';
import type { Instance } from './storage';

/** A validation issue as Altinn's API returns it: severity 1 error, 2 warning, 3 informational, 5 success. */
export interface AltinnValidationIssue {
  readonly severity: number;
  readonly source: string;
  readonly code?: string;
  readonly description?: string;
  readonly field?: string;
  readonly dataElementId?: string;
  readonly customTextKey?: string;
  readonly customTextParameters?: Readonly<Record<string, string>>;
}

const severities = { error: 1, warning: 2, info: 3, success: 5 } as const;
const sources: Readonly<Record<string, string>> = { schema: 'DataAnnotations', invalidData: 'DataAnnotations', required: 'Required', component: 'Component', expression: 'Expression', attachment: 'DataElementValidator', backend: 'Custom' };

/** Form data by data type: the first element of each form data type of the instance. */
export async function formDataOf(ctx: RouteContext, instance: Instance): Promise<{ data: Record<string, unknown>; elementIds: Record<string, string> }> {
  const formTypes = new Set(dataTypes(ctx.app).filter((t) => isJsonObject(t.appLogic)).map((t) => t.id as string));
  const data: Record<string, unknown> = {};
  const elementIds: Record<string, string> = {};
  for (const element of instance.data) {
    if (!formTypes.has(element.dataType) || element.dataType in data) continue;
    const stored = await ctx.storage.readData(instance.id, element.id);
    if (!stored || !isJsonObject(stored.content)) continue;
    data[element.dataType] = stored.content;
    elementIds[element.dataType] = element.id;
  }
  return { data, elementIds };
}

/** A message parameter as text: a text key parameter (a field's label) is looked up in the app's texts. */
function paramText(param: MessageParam, texts: ReadonlyMap<string, string>): string {
  if (typeof param !== 'object') return String(param);
  // A key the app has no text for stays a key: the form app resolves it with its built-in texts.
  const text = texts.get(param.key);
  if (text === undefined) return param.key;
  return param.makeLowerCase ? text.toLowerCase() : text;
}

function toAltinn(issue: ValidationIssue, elementIds: Readonly<Record<string, string>>, texts: ReadonlyMap<string, string>): AltinnValidationIssue {
  const params = issue.message.params?.map((p) => paramText(p, texts));
  const dataElementId = issue.attachmentId ?? (issue.dataType ? elementIds[issue.dataType] : undefined);
  return {
    severity: severities[issue.severity],
    source: sources[issue.source] ?? issue.source,
    ...(issue.code ? { code: issue.code } : {}),
    description: issue.message.key,
    ...(issue.field ? { field: issue.field } : {}),
    ...(dataElementId ? { dataElementId } : {}),
    customTextKey: issue.message.key,
    ...(params && params.length > 0 ? { customTextParameters: Object.fromEntries(params.map((p, i) => [String(i), p])) } : {}),
  };
}

/** The issues that keep `taskId` from ending (errors and the rest, as Altinn lists them). */
export async function validateTask(ctx: RouteContext, instance: Instance, taskId: string, language = 'nb'): Promise<AltinnValidationIssue[]> {
  const { app } = ctx;
  const taskTypes = dataTypes(app).filter((t) => t.taskId === taskId);
  const { data, elementIds } = await formDataOf(ctx, instance);
  const folder = app.uiFolders.find((f) => f.taskIds.includes(taskId));
  const issues: ValidationIssue[] = [];
  const attachments = instance.data.map((d) => ({ id: d.id, dataType: d.dataType, contentType: d.contentType, size: d.size, tags: d.tags, ...(d.filename ? { filename: d.filename } : {}) }));
  const models: Record<string, FormDataModel> = {};
  for (const type of taskTypes) {
    const id = type.id as string;
    if (!(id in data)) continue;
    const files = app.models.find((m) => m.id === id);
    const schema = files?.schema?.doc.value;
    const config = files?.validation?.doc.value;
    const classRef = isJsonObject(type.appLogic) && typeof type.appLogic.classRef === 'string' ? type.appLogic.classRef : undefined;
    models[id] = {
      data: data[id],
      ...(isJsonObject(schema) ? { schema } : {}),
      ...(classRef ? { classRef } : {}),
      ...(config !== undefined ? { expressionValidation: resolveExpressionValidationConfig(config) } : {}),
    };
  }
  const defaultDataType = folder?.defaultDataType ?? Object.keys(models)[0] ?? '';
  const layouts = Object.fromEntries((folder?.pages ?? []).map((p) => [p.name, p.file.doc.value as PageFile]));
  const hierarchy = buildHierarchy(layouts, data, { defaultDataType, pageOrder: folder?.pageOrder ?? [] });
  const env: ExprEnvironment = { dataModels: data, defaultDataType, hierarchy, language, instance: { id: instance.id, instanceOwnerPartyId: instance.instanceOwner.partyId, data: instance.data } };
  const result = validateLayoutSet({ hierarchy, env, dataModels: models, attachments, language });
  // Hidden fields are not the user's to fix (Altinn removes hidden data before validating).
  const isHidden = hiddenFieldTest(validationNodesOf(hierarchy, env));
  for (const { issue } of result.issues) {
    if (issue.dataType && issue.field && isHidden(issue.dataType, issue.field)) continue;
    issues.push(issue);
  }
  // Element counts and file scans of the task's data types: the data element rules' own check.
  const textFile = app.textFiles.find((f) => f.language === language) ?? app.textFiles.find((f) => f.language === 'nb');
  const texts = new Map((textFile?.resources ?? []).map((r) => [r.id, r.value]));
  return [...issues.map((i) => toAltinn(i, elementIds, texts)), ...dataElementIssues(app, instance, taskId)];
}
