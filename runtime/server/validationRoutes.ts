/**
 * The runtime's own validation routes (not Altinn's API, hence `api/runtime/`): JSON-schema errors of
 * posted form data. The form app's CSP forbids `new Function`, which ajv compiles schemas with, so it
 * asks here and maps the answer to components itself. The compiled schema is cached on the schema
 * object, which an app reload replaces, so each loaded app compiles each schema once.
 */
import type { AppModel } from '../../core/app/model/types';
import { isJsonObject } from '../../core/text/jsonDocument';
import { findSchemaErrors, type SchemaErrorReport } from '../../core/validation';
import { dataTypes, fileValue } from './appData';
import { HttpError, ok, type Route } from './http';

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
