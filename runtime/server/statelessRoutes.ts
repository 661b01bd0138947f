/**
 * Stateless data (§8.6): a fresh model for a data type, and the posted model echoed back. Nothing is
 * stored; C# data processors do not run here, so the echo is the model as the frontend sent it.
 */
import { isJsonObject } from '../../core/text/jsonDocument';
import { freshModel, requireDataType } from './appData';
import { HttpError, ok, parseJsonText, type Route } from './http';

/** The `prefill` query parameter: a JSON object of query-parameter values, or 400. */
function queryPrefill(raw: string | null): Record<string, unknown> {
  if (raw === null || raw === '') return {};
  const value = parseJsonText(raw, 'The "prefill" query parameter');
  if (!isJsonObject(value)) throw new HttpError(400, 'The "prefill" query parameter must be a JSON object');
  return value;
}

/** The stateless data routes. */
export const statelessRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: 'v1/data',
    handle: ({ app, query }) => {
      const type = requireDataType(app, query.get('dataType'));
      return ok(freshModel(app, type.id as string, queryPrefill(query.get('prefill'))));
    },
  },
  {
    method: 'POST',
    path: 'v1/data',
    handle: async ({ app, query, jsonBody }) => {
      requireDataType(app, query.get('dataType'));
      const body = await jsonBody();
      if (!isJsonObject(body)) throw new HttpError(400, 'The body must be the data model as a JSON object');
      return ok(body);
    },
  },
];
