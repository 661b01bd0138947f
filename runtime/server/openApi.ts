/**
 * The app's API as an OpenAPI 3.0 document, built from the registered route table itself so it never
 * drifts from what is served: every route is a path operation; the ones described below get their
 * summary, parameters and Altinn-shaped bodies, and a route added without a description is still
 * listed (with its path parameters and a generic answer). The app's data models are components, so a
 * machine client sees the shape of the form data it reads and writes.
 */
import type { AppModel } from '../../core/app/model/types';
import type { Route } from './http';
import { modelComponentName, modelSchemas } from './openApiModels';
import { altinnSchemas, schemaRef } from './openApiShapes';

type Schema = Record<string, unknown>;

interface QueryDoc {
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly schema?: Schema;
}

/** What the document says about one route beyond its method and path. */
interface RouteDoc {
  readonly summary: string;
  readonly description?: string;
  readonly query?: readonly QueryDoc[];
  /** Request body: content type → schema. */
  readonly body?: Readonly<Record<string, Schema>>;
  /** Status → [description, schema (JSON), content type when not JSON]. */
  readonly responses: Readonly<Record<string, readonly [string, Schema?, string?]>>;
}

const formData: Schema = { $ref: '#/x-form-data' };
const array = (items: Schema): Schema => ({ type: 'array', items });
const anyObject: Schema = { type: 'object', additionalProperties: true };
const binary: Schema = { type: 'string', format: 'binary' };
const q = (name: string, description: string, required = false, schema: Schema = { type: 'string' }): QueryDoc => ({ name, description, required, schema });
const language = q('language', 'Language code for texts and messages (nb, nn, en)');
const dataTypeQuery = q('dataType', 'The data type id (applicationmetadata.json dataTypes[].id)', true);

const docs: Readonly<Record<string, RouteDoc>> = {
  'GET api/v1/applicationmetadata': { summary: 'The application metadata (applicationmetadata.json)', responses: { 200: ['applicationmetadata.json', anyObject] } },
  'GET api/layoutsets': { summary: 'The layout sets (layout-sets.json)', responses: { 200: ['layout-sets.json', anyObject] } },
  'GET api/layouts/{setId}': { summary: 'All page layouts of a layout set, by page name', responses: { 200: ['Pages', anyObject] } },
  'GET api/layoutsettings/{setId}': { summary: 'Settings.json of a layout set', responses: { 200: ['Settings.json', anyObject] } },
  'GET api/v1/texts/{language}': { summary: 'Text resources in a language (falls back to nb)', responses: { 200: ['Text resources', schemaRef('TextResources')] } },
  'GET api/v1/applicationlanguages': { summary: 'The languages the app has texts in', responses: { 200: ['Languages', array({ type: 'object', properties: { language: { type: 'string' } } })] } },
  'GET api/options/{optionsId}': { summary: 'A code list (App/options/<id>.json); C# option providers do not run here', query: [language], responses: { 200: ['Options', array(schemaRef('Option'))], 404: ['No such code list', schemaRef('Error')] } },
  'GET api/jsonschema/{dataTypeId}': { summary: 'The JSON schema of a data model', responses: { 200: ['JSON schema', anyObject] } },
  'GET api/validationconfig/{dataTypeId}': { summary: 'Expression validation config of a data model', responses: { 200: ['<id>.validation.json', anyObject], 204: ['None'] } },
  'GET api/v1/footer': { summary: 'footer.json', responses: { 200: ['Footer', anyObject], 204: ['None'] } },
  'GET api/v1/applicationsettings': { summary: 'Frontend settings (appsettings FrontEndSettings)', responses: { 200: ['FrontEndSettings', anyObject] } },
  'GET v1/data': {
    summary: 'Stateless: a fresh data model with prefill applied (nothing is stored)',
    description: 'Header `party: partyid:<id>` (or `person:<ssn>`, `org:<orgnr>`) names the party whose register data prefills the model.',
    query: [dataTypeQuery, q('prefill', 'JSON object of query-parameter values (mapped by <dataType>.prefill.json QueryParameters)'), q('includeRowId', 'Add altinnRowId to array items'), language],
    responses: { 200: ['The model', formData], 400: ['Bad request', schemaRef('Error')], 403: ['Not allowed', schemaRef('Error')] },
  },
  'POST v1/data': { summary: 'Stateless: the posted model recalculated (C# data processors do not run here)', query: [dataTypeQuery, language], body: { 'application/json': formData }, responses: { 200: ['The model', formData] } },
  'GET v1/data/anonymous': { summary: 'Stateless without login, when appLogic.allowAnonymousOnStateless', query: [dataTypeQuery, q('prefill', 'JSON object of query-parameter values')], responses: { 200: ['The model', formData], 403: ['Anonymous use not allowed', schemaRef('Error')] } },
  'POST v1/data/anonymous': { summary: 'Stateless without login: the posted model back', query: [dataTypeQuery], body: { 'application/json': formData }, responses: { 200: ['The model', formData], 403: ['Anonymous use not allowed', schemaRef('Error')] } },
  'POST instances': {
    summary: 'Create an instance (the process starts, the first task\'s data is created)',
    query: [q('instanceOwnerPartyId', 'The party the instance is for'), language],
    body: { 'application/json': schemaRef('InstanceTemplate') },
    responses: { 201: ['The instance', schemaRef('Instance')], 400: ['Bad request', schemaRef('Error')], 403: ['Not allowed', schemaRef('Error')] },
  },
  'POST instances/create': {
    summary: 'Create an instance with prefill (InstanceCreation; what InstantiationButton sends)',
    query: [language],
    body: { 'application/json': schemaRef('InstanceCreation') },
    responses: { 201: ['The instance', schemaRef('Instance')], 400: ['Bad request', schemaRef('Error')], 403: ['Not allowed', schemaRef('Error')] },
  },
  'GET instances/{partyId}/active': { summary: 'The party\'s instances still in progress', responses: { 200: ['Instances', array(schemaRef('ActiveInstance'))] } },
  'GET instances/{partyId}/{guid}': { summary: 'An instance', responses: { 200: ['The instance', schemaRef('Instance')], 404: ['No such instance', schemaRef('Error')] } },
  'DELETE instances/{partyId}/{guid}': { summary: 'Delete an instance', responses: { 200: ['The deleted instance', schemaRef('Instance')] } },
  'GET instances/{partyId}/{guid}/validate': { summary: 'Validate the instance\'s current task', query: [language, q('onlyIncrementalValidators', 'Only the validators the frontend runs on load'), q('ignoredValidators', 'Comma-separated validator sources to skip')], responses: { 200: ['Issues', array(schemaRef('ValidationIssue'))] } },
  'GET instances/{partyId}/{guid}/data/{dataGuid}/validate': { summary: 'Validate one data element (legacy)', query: [language], responses: { 200: ['Issues', array(schemaRef('ValidationIssue'))] } },
  'POST instances/{partyId}/{guid}/data': { summary: 'Create a data element (legacy: ?dataType=)', query: [dataTypeQuery], body: { 'application/octet-stream': binary, 'application/json': formData }, responses: { 201: ['The data element', schemaRef('DataElement')] } },
  'POST instances/{partyId}/{guid}/data/{dataType}': {
    summary: 'Upload an attachment or create form data',
    description: 'Attachments: raw body, Content-Type the file\'s, Content-Disposition: attachment; filename="x.pdf".',
    body: { 'application/octet-stream': binary, 'application/json': formData },
    responses: { 200: ['Created', schemaRef('DataPostResponse')], 400: ['Upload refused', anyObject] },
  },
  'GET instances/{partyId}/{guid}/data/{dataGuid}': {
    summary: 'Form data (JSON with Accept: application/json, else XML) or an attachment\'s bytes',
    query: [q('includeRowId', 'Add altinnRowId to array items'), language],
    responses: { 200: ['The content', formData] },
  },
  'PUT instances/{partyId}/{guid}/data/{dataGuid}': {
    summary: 'Replace form data (JSON or XML) or an attachment',
    body: { 'application/json': formData, 'application/xml': { type: 'string' }, 'application/octet-stream': binary },
    responses: { 200: ['Form data saved (changed fields)', anyObject], 201: ['Attachment replaced', schemaRef('DataElement')], 409: ['Locked', schemaRef('Error')] },
  },
  'DELETE instances/{partyId}/{guid}/data/{dataGuid}': { summary: 'Delete a data element', responses: { 200: ['Deleted', anyObject] } },
  'GET instances/{partyId}/{guid}/process': { summary: 'The process state (AppProcessState)', responses: { 200: ['Process state', schemaRef('ProcessState')] } },
  'PUT instances/{partyId}/{guid}/process/next': {
    summary: 'Move the process on (the task\'s default action, or {action})',
    query: [language],
    body: { 'application/json': { type: 'object', properties: { action: { type: 'string' }, actionOnBehalfOf: { type: 'string' } } } },
    responses: { 200: ['The new process state', schemaRef('ProcessState')], 409: ['Validation failed', schemaRef('ProblemDetails')], 403: ['Not allowed', schemaRef('Error')] },
  },
  'GET instances/{partyId}/{guid}/process/history': { summary: 'The process history (from the instance events)', responses: { 200: ['History', schemaRef('ProcessHistory')] } },
  'GET instances/{partyId}/{guid}/data/{dataGuid}/tags': { summary: 'The tags of an attachment', responses: { 200: ['Tags', { type: 'object', properties: { tags: array({ type: 'string' }) } }] } },
  'POST instances/{partyId}/{guid}/actions': {
    summary: 'Run a user action (sign, pay, or a server action) in the current task',
    query: [language],
    body: { 'application/json': { type: 'object', required: ['action'], properties: { action: { type: 'string' }, buttonId: { type: 'string' }, metadata: anyObject, onBehalfOf: { type: 'string' } } } },
    responses: { 200: ['The action result', anyObject], 400: ['Unknown action', anyObject], 403: ['Not allowed', anyObject] },
  },
  'GET instances/{partyId}/{guid}/payment': { summary: 'The payment of the current payment task', query: [language, q('taskId', 'The payment task')], responses: { 200: ['PaymentInformation', anyObject] } },
  'GET instances/{partyId}/{guid}/payment/order-details': { summary: 'The order (lines, VAT, total); C# IOrderDetailsCalculator does not run here', query: [language], responses: { 200: ['OrderDetails', anyObject] } },
  'GET instances/{partyId}/{guid}/signing': { summary: 'The signees of the signing task and their state', query: [q('taskId', 'The signing task')], responses: { 200: ['Signee states', anyObject] } },
  'GET instances/{partyId}/{guid}/signing/data-elements': { summary: 'The data elements to sign', query: [q('taskId', 'The signing task')], responses: { 200: ['Data elements', anyObject] } },
  'GET instances/{partyId}/{guid}/signing/organizations': { summary: 'The organisations that sign', query: [q('taskId', 'The signing task')], responses: { 200: ['Organisations', anyObject] } },
  'GET api/v1/profile/user': { summary: 'The logged-in user\'s profile', responses: { 200: ['Profile', anyObject], 401: ['Nobody logged in', schemaRef('Error')] } },
  'GET api/v1/parties': { summary: 'Parties the user may act for', query: [q('allowedtoinstantiatefilter', 'Only parties allowed by partyTypesAllowed')], responses: { 200: ['Parties', array(schemaRef('Party'))] } },
  'GET api/authorization/parties/current': { summary: 'The selected party', query: [q('returnPartyObject', 'Return the party object')], responses: { 200: ['Party', schemaRef('Party')] } },
  'PUT api/v1/parties/{partyId}': { summary: 'Select the party to act for', responses: { 200: ['Selected', anyObject] } },
  'POST api/v1/parties/validateInstantiation': { summary: 'Whether a party may instantiate the app', query: [q('partyId', 'The party', true)], responses: { 200: ['Verdict', { type: 'object', properties: { valid: { type: 'boolean' }, message: { type: 'string', nullable: true } } }] } },
  'GET api/preview/csharp': { summary: 'The app\'s C# code the preview cannot run, and what it does instead', responses: { 200: ['C# classes', array(schemaRef('CSharpCode'))] } },
  'GET swagger/v1/swagger.json': { summary: 'This document', responses: { 200: ['OpenAPI 3.0 document', anyObject] } },
};

/** The OpenAPI path (`/instances/{partyId}`) of a route path (`instances/:partyId`). */
export function openApiPath(routePath: string): string {
  return `/${routePath.replace(/:(\w+)/g, '{$1}')}`;
}

/** What makes two OpenAPI paths the same path: their literal segments (case-insensitive, as matchRoute) and where parameters are. */
export function pathShape(path: string): string {
  return path.toLowerCase().replace(/\{\w+\}/g, '{}');
}

function operationId(method: string, path: string): string {
  const words = path.split('/').filter(Boolean).map((p) => p.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]/g, '_'));
  return [method.toLowerCase(), ...words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join('');
}

/** The body schema for form data: any of the app's models. */
function formDataSchema(app: AppModel): Schema {
  const refs = app.models.filter((m) => m.schema).map((m) => schemaRef(modelComponentName(m.id)));
  return refs.length === 1 ? refs[0]! : refs.length > 1 ? { oneOf: refs } : anyObject;
}

function resolve(schema: Schema | undefined, form: Schema): Schema | undefined {
  return schema === formData ? form : schema;
}

/**
 * `route`'s operation under `path`. `path` may name its parameters differently from the route's own
 * (`data/{dataGuid}` for `POST data/:dataType`): OpenAPI takes templates of the same shape as one path,
 * so the first registered names are kept and each parameter says what it is for this operation.
 */
function operation(route: Route, path: string, form: Schema): Schema {
  const own = openApiPath(route.path);
  const doc = docs[`${route.method} ${own.slice(1)}`];
  const ownNames = [...own.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m, i) => ({
    name: m[1]!,
    in: 'path',
    required: true,
    ...(ownNames[i] && ownNames[i] !== m[1] ? { description: `For this operation: the ${ownNames[i]}` } : {}),
    schema: { type: 'string' },
  }));
  const query = (doc?.query ?? []).map((p) => ({ name: p.name, in: 'query', required: p.required ?? false, description: p.description, schema: p.schema ?? { type: 'string' } }));
  const responses: Record<string, Schema> = {};
  for (const [status, [description, schema, contentType]] of Object.entries(doc?.responses ?? { default: ['The answer, or an error', schemaRef('Error')] as const })) {
    const resolved = resolve(schema, form);
    responses[status] = { description, ...(resolved ? { content: { [contentType ?? 'application/json']: { schema: resolved } } } : {}) };
  }
  if (route.action) responses['401'] ??= { description: 'Nobody is logged in', content: { 'application/json': { schema: schemaRef('Error') } } };
  if (route.action) responses['403'] ??= { description: `The policy does not give "${route.action}"`, content: { 'application/json': { schema: schemaRef('Error') } } };
  const tag = path.startsWith('/instances') ? 'Instances' : path.startsWith('/v1/data') ? 'Stateless' : path.startsWith('/api/v1/part') || path.includes('profile') || path.includes('authorization') ? 'Parties' : 'App';
  return {
    operationId: operationId(route.method, path),
    summary: doc?.summary ?? `${route.method} ${path}`,
    ...(doc?.description ? { description: doc.description } : {}),
    tags: [tag],
    ...(pathParams.length + query.length > 0 ? { parameters: [...pathParams, ...query] } : {}),
    ...(doc?.body ? { requestBody: { content: Object.fromEntries(Object.entries(doc.body).map(([type, s]) => [type, { schema: resolve(s, form) }])) } } : {}),
    responses,
    ...(route.action ? { 'x-altinn-action': route.action } : {}),
  };
}

/** The OpenAPI 3.0 document of app `org/appName` served by `routes` (the first route of a method and path wins, as in matchRoute). */
export function openApiDocument(app: AppModel, org: string, appName: string, routes: readonly Route[]): Schema {
  const form = formDataSchema(app);
  const paths: Record<string, Record<string, Schema>> = {};
  // Paths of the same shape (parameters in the same places) are one path in OpenAPI: a GET route's names, else the first one's.
  const byShape = new Map<string, string>();
  for (const route of [...routes.filter((r) => r.method === 'GET'), ...routes]) {
    const own = openApiPath(route.path);
    if (!byShape.has(pathShape(own))) byShape.set(pathShape(own), own);
  }
  for (const route of routes) {
    const path = byShape.get(pathShape(openApiPath(route.path)))!;
    const item = (paths[path] ??= {});
    const method = route.method.toLowerCase();
    if (!item[method]) item[method] = operation(route, path, form);
  }
  const metadata = app.metadata?.doc.value as { title?: Record<string, string> } | undefined;
  const title = metadata?.title?.en ?? metadata?.title?.nb ?? appName;
  return {
    openapi: '3.0.3',
    info: { title: `${title} (${org}/${appName})`, version: 'v1', description: `The Altinn app API of ${org}/${appName}, as served by the Studio runtime.` },
    servers: [{ url: `/${org}/${appName}` }],
    tags: [{ name: 'App' }, { name: 'Stateless' }, { name: 'Instances' }, { name: 'Parties' }],
    paths,
    components: { schemas: { ...altinnSchemas, ...modelSchemas(app) } },
  };
}
