/**
 * Data elements of an instance (§8.4): form data (JSON, or XML when asked) and binary attachments,
 * created, read, replaced and deleted under the rules of applicationmetadata.json (§4.9, §6.3), and
 * the tags of attachments (FileUploadWithTag).
 *
 * Statuses follow Altinn: an upload breaking the data type's restrictions is 400 with
 * `uploadValidationIssues`; too many elements, a locked element, an inactive instance or an ended
 * process is 409; a data type bound to another task than the one the instance is in is 403 (Altinn's
 * policy only grants writes in the current task). Deleting uses the `write` permission, as Altinn's.
 *
 * File scanning: when the type has `enableFileScan` a new or replaced attachment is stored as
 * `Pending` and scanned by `services.scanner` after the response (the result, Clean or Infected, is
 * written when the scan ends). Without a scanner the element is stored as `NotApplicable`: Altinn's
 * local test environment runs no scanner either, and a preview that kept files `Pending` forever
 * would block submitting with `validationErrorOnPendingFileScan`. The form app shows such files as
 * "not scanned in the preview" so the author knows the scan did not happen.
 */
import { randomUUID } from 'node:crypto';
import type { AppModel } from '../../core/app/model/types';
import { fieldTreeFromJsonSchema, fieldTreeFromXsd, type DataModelTree } from '../../core/datamodel';
import { modelToXml, xmlToModel } from '../../core/datamodel/xmlData';
import { isJsonObject } from '../../core/text/jsonDocument';
import { freshModel } from './appData';
import { contentDisposition, type DataTypeRules, dataTypeRules, filenameOf, largestUpload, uploadRestrictionIssues } from './dataElementRules';
import { requireInstance, HttpError, ok, parseJsonText, type Route, type RouteContext, type RouteResult } from './http';
import type { DataElement, Instance, RuntimeStorage } from './storage';
import type { FileScanner } from './services';

function requireElement(instance: Instance, dataGuid: string): DataElement {
  const element = instance.data.find((d) => d.id === dataGuid);
  if (!element) throw new HttpError(404, `The instance "${instance.id}" has no data element "${dataGuid}"`);
  return element;
}

/** The declared type of an element or a request; an unknown type is the app's fault for stored elements (500) and the client's for new ones (400). */
function requireType(app: AppModel, id: string, stored: boolean): DataTypeRules {
  const type = dataTypeRules(app, id);
  if (!type) throw new HttpError(stored ? 500 : 400, stored ? `The data type "${id}" of a stored element is no longer declared in applicationmetadata.json` : `Element type ${id} not allowed for this instance: it is not declared in applicationmetadata.json`);
  return type;
}

/** Altinn's mutation checks: an active instance, a current task that the data type belongs to. */
function assertWritable(instance: Instance, type: DataTypeRules, element?: DataElement): void {
  if (instance.status.isArchived || instance.status.isSoftDeleted || instance.status.isHardDeleted) {
    throw new HttpError(409, `Cannot update data element of archived or deleted instance ${instance.id}`);
  }
  const task = instance.process.currentTask?.elementId;
  if (!task) throw new HttpError(409, 'Cannot create data element without a current task: the process has ended');
  if (element?.locked) throw new HttpError(409, `Data element ${element.id} is locked and cannot be updated`);
  if (type.taskId && type.taskId !== task) {
    throw new HttpError(403, `Data elements of type ${type.id} can only be changed in task ${type.taskId}; the instance is in task ${task}`);
  }
}

/** The model's field tree for XML, from its JSON schema or else its XSD; null when it has neither. */
function modelTree(app: AppModel, dataType: string): DataModelTree | null {
  const files = app.models.find((m) => m.id === dataType);
  const schema = files?.schema?.doc.value;
  if (schema !== undefined) return fieldTreeFromJsonSchema(schema);
  return files?.xsd ? fieldTreeFromXsd(files.xsd.doc.text) : null;
}

const mediaType = (value: string | string[] | undefined): string => ((Array.isArray(value) ? value[0] : value) ?? '').split(';')[0]!.trim().toLowerCase();
const isXml = (type: string): boolean => type === 'application/xml' || type === 'text/xml';
const wantsXml = (ctx: RouteContext): boolean => {
  const accept = (Array.isArray(ctx.headers.accept) ? ctx.headers.accept.join(',') : ctx.headers.accept ?? '').toLowerCase();
  return /(application|text)\/xml/.test(accept) && !accept.includes('application/json');
};

/** The form model in the request body (JSON or, by Content-Type, XML); `undefined` for an empty body. */
async function readModelBody(ctx: RouteContext, dataType: string): Promise<Record<string, unknown> | undefined> {
  const bytes = await ctx.rawBody();
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') return undefined;
  if (isXml(mediaType(ctx.headers['content-type']))) {
    const tree = modelTree(ctx.app, dataType);
    if (!tree) throw new HttpError(400, `The data type "${dataType}" has no schema or XSD to read XML with; send JSON`);
    const { value, problems } = xmlToModel(text, tree);
    if (problems.length > 0) throw new HttpError(400, `Failed to deserialize XML: ${problems.join('; ')}`);
    return value;
  }
  const body = parseJsonText(text, 'The request body');
  if (!isJsonObject(body)) throw new HttpError(400, 'The body must be the data model as a JSON object');
  return body;
}

function formResponse(ctx: RouteContext, dataType: string, model: unknown): RouteResult {
  if (!wantsXml(ctx)) return ok(model);
  const tree = modelTree(ctx.app, dataType);
  if (!tree) throw new HttpError(406, `The data type "${dataType}" has no schema or XSD to write XML with; ask for JSON`);
  return { status: 200, body: new TextEncoder().encode(modelToXml(model, tree)), headers: { 'Content-Type': 'application/xml; charset=utf-8' } };
}

/** Scans `content` after the response and writes the result; a failed scan leaves the element Pending, as Altinn does. */
function scanLater(storage: RuntimeStorage, scanner: FileScanner, instanceId: string, elementId: string, content: Uint8Array, filename: string): void {
  void scanner
    .scan(content, filename)
    .then((result) =>
      storage.updateInstance(instanceId, (current) => {
        const element = current.data.find((d) => d.id === elementId);
        // Replaced or deleted in the meantime: a newer scan (or none) decides.
        if (!element || element.fileScanResult !== 'Pending') return null;
        return { ...current, data: current.data.map((d) => (d.id === elementId ? { ...d, fileScanResult: result } : d)) };
      }),
    )
    .catch(() => undefined);
}

function scanState(ctx: RouteContext, type: DataTypeRules): DataElement['fileScanResult'] {
  return type.enableFileScan && ctx.services.scanner ? 'Pending' : 'NotApplicable';
}

function uploadProblem(issues: ReturnType<typeof uploadRestrictionIssues>): RouteResult {
  return { status: 400, body: { status: 400, title: 'Common checks failed', message: issues.map((i) => i.description).join(';'), uploadValidationIssues: issues } };
}

/** Creates a data element; `modern` answers Altinn's v8 `DataPostResponse`, else the legacy DataElement (201). */
async function createData(ctx: RouteContext, dataTypeId: string | null | undefined, modern: boolean): Promise<RouteResult> {
  if (!dataTypeId) throw new HttpError(400, 'Element type must be provided.');
  const instance = await requireInstance(ctx);
  const type = requireType(ctx.app, dataTypeId, false);
  assertWritable(instance, type);
  const existing = instance.data.filter((d) => d.dataType === type.id).length;
  if (type.maxCount > 0 && existing >= type.maxCount) throw new HttpError(409, `Cannot create more than ${type.maxCount} data elements of type ${type.id}`);
  const now = new Date().toISOString();
  const id = randomUUID();
  const common = { id, instanceGuid: ctx.params.guid!, dataType: type.id, locked: false, refs: [], tags: [], isRead: true, created: now, lastChanged: now };
  let element: DataElement;
  let content: unknown;
  let scan: { bytes: Uint8Array; filename: string } | null = null;
  if (type.classRef) {
    const model = (await readModelBody(ctx, type.id)) ?? freshModel(ctx.app, type.id, {});
    content = model;
    element = { ...common, contentType: 'application/xml', size: JSON.stringify(model).length };
  } else {
    const bytes = new Uint8Array(await ctx.rawBody());
    const disposition = typeof ctx.headers['content-disposition'] === 'string' ? ctx.headers['content-disposition'] : undefined;
    const contentType = mediaType(ctx.headers['content-type']);
    const issues = uploadRestrictionIssues(type, { contentType, disposition, size: bytes.byteLength });
    if (issues.length > 0) return uploadProblem(issues);
    if (bytes.byteLength === 0) throw new HttpError(400, 'Invalid data provided. Error: The file is zero bytes.');
    const filename = filenameOf(disposition)!;
    const fileScanResult = scanState(ctx, type);
    element = { ...common, contentType: contentType || 'application/octet-stream', filename, size: bytes.byteLength, fileScanResult };
    content = bytes;
    if (fileScanResult === 'Pending') scan = { bytes, filename };
  }
  const updated = await ctx.storage.addData(instance.id, element, content, now);
  if (!updated) throw new HttpError(404, `The instance "${instance.id}" does not exist`);
  if (scan) scanLater(ctx.storage, ctx.services.scanner!, instance.id, id, scan.bytes, scan.filename);
  if (!modern) return { status: 201, body: element };
  return { status: 200, body: { newDataElementId: id, instance: updated, validationIssues: [], newDataModels: type.classRef ? [{ dataElementId: id, data: content }] : [] } };
}

async function getData(ctx: RouteContext): Promise<RouteResult> {
  const instance = await requireInstance(ctx);
  const element = requireElement(instance, ctx.params.dataGuid!);
  const stored = await ctx.storage.readData(instance.id, element.id);
  if (!stored) throw new HttpError(404, `The instance "${instance.id}" has no data element "${element.id}"`);
  const type = dataTypeRules(ctx.app, element.dataType);
  if (type?.classRef) return formResponse(ctx, element.dataType, stored.content);
  const bytes = stored.content instanceof Uint8Array ? stored.content : new TextEncoder().encode(JSON.stringify(stored.content));
  const headers: Record<string, string> = { 'Content-Type': element.contentType, 'X-Content-Type-Options': 'nosniff' };
  if (element.filename) headers['Content-Disposition'] = contentDisposition(element.filename);
  return { status: 200, body: bytes, headers };
}

async function putData(ctx: RouteContext): Promise<RouteResult> {
  const instance = await requireInstance(ctx);
  const element = requireElement(instance, ctx.params.dataGuid!);
  const type = requireType(ctx.app, element.dataType, true);
  assertWritable(instance, type, element);
  const now = new Date().toISOString();
  if (type.classRef) {
    const body = await readModelBody(ctx, type.id);
    if (!body) throw new HttpError(400, 'The body must be the data model as a JSON object');
    await ctx.storage.writeData(instance.id, element.id, body, JSON.stringify(body).length, now);
    return formResponse(ctx, type.id, body);
  }
  const bytes = new Uint8Array(await ctx.rawBody());
  const disposition = typeof ctx.headers['content-disposition'] === 'string' ? ctx.headers['content-disposition'] : undefined;
  const contentType = mediaType(ctx.headers['content-type']);
  const issues = uploadRestrictionIssues(type, { contentType, disposition, size: bytes.byteLength });
  if (issues.length > 0) return uploadProblem(issues);
  if (bytes.byteLength === 0) throw new HttpError(400, 'Invalid data provided. Error: The file is zero bytes.');
  const filename = filenameOf(disposition)!;
  const fileScanResult = scanState(ctx, type);
  const changed = await ctx.storage.updateInstance(instance.id, (current) => ({
    ...current,
    data: current.data.map((d) => (d.id === element.id ? { ...d, contentType: contentType || 'application/octet-stream', filename, fileScanResult } : d)),
  }));
  const written = changed && (await ctx.storage.writeData(instance.id, element.id, bytes, bytes.byteLength, now));
  if (!written) throw new HttpError(404, `The instance "${instance.id}" has no data element "${element.id}"`);
  if (fileScanResult === 'Pending') scanLater(ctx.storage, ctx.services.scanner!, instance.id, element.id, bytes, filename);
  return { status: 201, body: written };
}

async function deleteData(ctx: RouteContext): Promise<RouteResult> {
  const instance = await requireInstance(ctx);
  const element = requireElement(instance, ctx.params.dataGuid!);
  const type = requireType(ctx.app, element.dataType, true);
  assertWritable(instance, type, element);
  if (type.classRef && type.minCount === 1 && type.maxCount === 1) throw new HttpError(400, 'Cannot delete the only data element of a class with app logic');
  const updated = await ctx.storage.removeData(instance.id, element.id, new Date().toISOString());
  if (!updated) throw new HttpError(404, `The instance "${instance.id}" has no data element "${element.id}"`);
  return ok(element);
}

/** Altinn's tag rule: letters, '-' and '_' only. */
const tagPattern = /^[\p{L}_-]+$/u;

async function setTags(ctx: RouteContext, change: (tags: readonly string[], body: unknown) => string[]): Promise<string[]> {
  const instance = await requireInstance(ctx);
  const element = requireElement(instance, ctx.params.dataGuid!);
  assertWritable(instance, requireType(ctx.app, element.dataType, true), element);
  const tags = change(element.tags, await ctx.jsonBody());
  const bad = tags.find((t) => !tagPattern.test(t));
  if (bad !== undefined) throw new HttpError(400, `The tag "${bad}" is not allowed: a tag must consist of letters (and - or _)`);
  const unique = [...new Set(tags)];
  await ctx.storage.updateInstance(instance.id, (current) => ({ ...current, data: current.data.map((d) => (d.id === element.id ? { ...d, tags: unique } : d)) }));
  return unique;
}

const tagsPath = 'instances/:partyId/:guid/data/:dataGuid/tags';

/** The data element routes. */
export const dataRoutes: readonly Route[] = [
  { method: 'POST', path: 'instances/:partyId/:guid/data', action: 'write', bodyLimit: largestUpload, handle: (ctx) => createData(ctx, ctx.query.get('dataType'), false) },
  { method: 'POST', path: 'instances/:partyId/:guid/data/:dataType', action: 'write', bodyLimit: largestUpload, handle: (ctx) => createData(ctx, ctx.params.dataType, true) },
  { method: 'POST', path: 'instances/:partyId/:guid/data/type/:dataType', action: 'write', bodyLimit: largestUpload, handle: (ctx) => createData(ctx, ctx.params.dataType, true) },
  { method: 'GET', path: 'instances/:partyId/:guid/data/:dataGuid', action: 'read', handle: getData },
  { method: 'PUT', path: 'instances/:partyId/:guid/data/:dataGuid', action: 'write', bodyLimit: largestUpload, handle: putData },
  { method: 'DELETE', path: 'instances/:partyId/:guid/data/:dataGuid', action: 'write', handle: deleteData },
  {
    method: 'GET',
    path: tagsPath,
    action: 'read',
    handle: async (ctx) => ok({ tags: requireElement(await requireInstance(ctx), ctx.params.dataGuid!).tags }),
  },
  {
    method: 'PUT',
    path: tagsPath,
    action: 'write',
    handle: async (ctx) => {
      const tags = await setTags(ctx, (_, body) => {
        if (!Array.isArray(body) || body.some((t) => typeof t !== 'string')) throw new HttpError(400, 'The body must be the list of tags as a JSON array of strings');
        return body as string[];
      });
      return ok({ tags, validationIssues: [] });
    },
  },
  {
    method: 'POST',
    path: tagsPath,
    action: 'write',
    handle: async (ctx) => {
      const tags = await setTags(ctx, (current, body) => {
        if (typeof body !== 'string') throw new HttpError(400, 'The body must be the new tag as a JSON string');
        return [...current, body];
      });
      return { status: 201, body: { tags } };
    },
  },
  {
    method: 'DELETE',
    path: `${tagsPath}/:tag`,
    action: 'write',
    handle: async (ctx) => {
      await setTags(ctx, (current) => current.filter((t) => t !== ctx.params.tag));
      return { status: 204 };
    },
  },
];
