/**
 * Validation routes: Altinn's `GET instances/{partyId}/{guid}/validate` (what keeps the current task
 * from ending, as process/next would answer) and `…/data/{dataGuid}/validate` (the issues of one data
 * element), and the runtime's own `api/runtime/schemavalidation`: JSON-schema errors of posted form data. The form app's CSP forbids `new Function`, which ajv compiles schemas with, so it
 * asks here and maps the answer to components itself. The compiled schema is cached on the schema
 * object, which an app reload replaces, so each loaded app compiles each schema once.
 */
import type { AppModel } from '../../core/app/model/types';
import { isJsonObject } from '../../core/text/jsonDocument';
import { findSchemaErrors, type SchemaErrorReport } from '../../core/validation';
import { dataTypes, fileValue } from './appData';
import { HttpError, ok, requireInstance, type Route } from './http';
import { validateTask } from './processEngineValidation';

/** Where the form app posts data for its schema errors, under the app base, `:dataTypeId` filled in. */
export const schemaValidationPath = 'api/runtime/schemavalidation/:dataTypeId';

function schemaOf(app: AppModel, id: string): { schema: Record<string, unknown>; classRef?: string } {
  const declared = dataTypes(app).find((t) => t.id === id);
  const model = app.models.find((m) => m.id === id);
  if (!declared && !model) throw new HttpError(404, `The data type "${id}" is neither declared in applicationmetadata.json nor has files in App/models`);
  if (!model?.schema) throw new HttpError(404, `The data type "${id}" has no App/models/${id}.schema.json to validate against`);
  const schema = fileValue(model.schema);
  if (!isJsonObject(schema)) throw new HttpError(500, `${model.schema.path} does not hold a JSON object`);
  const appLogic = declared?.appLogic;
  const classRef = isJsonObject(appLogic) && typeof appLogic.classRef === 'string' ? appLogic.classRef : undefined;
  return { schema, ...(classRef ? { classRef } : {}) };
}

/** The validation routes. */
export const validationRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: 'instances/:partyId/:guid/validate',
    action: 'read',
    handle: async (ctx) => {
      const instance = await requireInstance(ctx);
      const task = instance.process.currentTask;
      if (!task) throw new HttpError(409, `The instance "${instance.id}" is not in a task (its process has ${instance.process.ended ? 'ended' : 'not started'}), so there is nothing to validate`);
      return ok(await validateTask(ctx, instance, task.elementId, ctx.query.get('language') ?? 'nb'));
    },
  },
  {
    method: 'GET',
    path: 'instances/:partyId/:guid/data/:dataGuid/validate',
    action: 'read',
    handle: async (ctx) => {
      const instance = await requireInstance(ctx);
      const dataGuid = ctx.params.dataGuid!;
      if (!instance.data.some((d) => d.id === dataGuid)) throw new HttpError(404, `The instance "${instance.id}" has no data element "${dataGuid}"`);
      const task = instance.process.currentTask;
      if (!task) return ok([]);
      const issues = await validateTask(ctx, instance, task.elementId, ctx.query.get('language') ?? 'nb');
      return ok(issues.filter((issue) => issue.dataElementId === dataGuid));
    },
  },
  {
    method: 'POST',
    path: schemaValidationPath,
    handle: async ({ app, params, jsonBody }) => {
      const { schema, classRef } = schemaOf(app, params.dataTypeId!);
      const data = await jsonBody();
      if (data === undefined) throw new HttpError(400, 'The body must be the form data of the data type as JSON; it was empty');
      const report: SchemaErrorReport = findSchemaErrors(schema, data, classRef);
      return ok(report);
    },
  },
];
