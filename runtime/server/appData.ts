/**
 * Lookups in the app model the routes share: file values, data types and query-parameter prefill
 * (the process's tasks are the process engine's). Kept apart from the routes so each route file stays about HTTP.
 */
import type { AppModel, JsonFile } from '../../core/app/model/types';
import { isJsonObject } from '../../core/text/jsonDocument';
import { HttpError } from './http';

/** The parsed value of an app file; a file that does not parse at all is a server-side fault (500). */
export function fileValue(file: JsonFile): unknown {
  const value = file.doc.value;
  if (value === undefined) throw new HttpError(500, `The file ${file.path} is not valid JSON`);
  return value;
}

/** The `dataTypes` entries of applicationmetadata.json that are objects with a string id. */
export function dataTypes(app: AppModel): Record<string, unknown>[] {
  const metadata = app.metadata?.doc.value;
  if (!isJsonObject(metadata) || !Array.isArray(metadata.dataTypes)) return [];
  return metadata.dataTypes.filter((t): t is Record<string, unknown> => isJsonObject(t) && typeof t.id === 'string');
}

/** The declared data type `id`, or a 404 naming it. */
export function requireDataType(app: AppModel, id: string | null): Record<string, unknown> {
  if (!id) throw new HttpError(400, 'The query parameter "dataType" is required');
  const found = dataTypes(app).find((t) => t.id === id);
  if (!found) throw new HttpError(404, `The data type "${id}" is not declared in applicationmetadata.json`);
  return found;
}

/** Sets `value` at a dot path (`a.b.c`) of `target`, creating objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.').filter((p) => p.length > 0);
  let at = target;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) {
      at[part] = value;
      return;
    }
    if (!isJsonObject(at[part])) at[part] = {};
    at = at[part] as Record<string, unknown>;
  });
}

/**
 * A fresh model of `dataTypeId` with query-parameter prefill applied: only the parameters the
 * model's `.prefill.json` declares under `QueryParameters` are copied (as Altinn does), others ignored.
 */
export function freshModel(app: AppModel, dataTypeId: string, queryPrefill: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const model: Record<string, unknown> = {};
  const prefill = app.models.find((m) => m.id === dataTypeId)?.prefill?.doc.value;
  const mapping = isJsonObject(prefill) && isJsonObject(prefill.QueryParameters) ? prefill.QueryParameters : {};
  for (const [param, targetPath] of Object.entries(mapping)) {
    if (typeof targetPath === 'string' && queryPrefill[param] !== undefined) setPath(model, targetPath, queryPrefill[param]);
  }
  return model;
}
