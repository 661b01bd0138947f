import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../core/app/fileSource';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { fixtureAppNames, fixtureAppsDir } from '../../core/testing/fixtureApps';
import { createAppHandler, routes } from './appApi';
import { diskAppSource } from './appSource';
import type { Route } from './http';
import { openApiDocument, openApiPath, pathShape } from './openApi';
import { openApi30Schema } from './openApiSchema';
import { memoryStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

type Doc = { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, Record<string, unknown>> } };

const json = (value: unknown) => JSON.stringify(value, null, 2);
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validateOpenApi = ajv.compile(openApi30Schema);

/** Every `$ref` in the document, with where it is. */
function refsOf(value: unknown, at = '#'): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refsOf(v, `${at}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [[at, v] as [string, string]] : refsOf(v, `${at}/${k}`)));
}

/** The checks every served document must pass: the OpenAPI 3.0 schema, resolvable refs, unique operation ids, declared path parameters, every route listed. */
function expectSoundDocument(doc: Doc, served: readonly Route[]) {
  const valid = validateOpenApi(doc);
  expect(valid ? [] : validateOpenApi.errors!.slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
  expect(doc.openapi).toMatch(/^3\.0\./);
  for (const [at, ref] of refsOf(doc)) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
    expect(name && doc.components.schemas[name], `${at} → ${ref}`).toBeTruthy();
  }
  const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
  expect(new Set(ids).size).toBe(ids.length);
  for (const [path, item] of Object.entries(doc.paths)) {
    const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const op of Object.values(item)) {
      const declared = ((op.parameters ?? []) as { name: string; in: string }[]).filter((p) => p.in === 'path').map((p) => p.name).sort();
      expect(declared, path).toEqual(templated);
    }
  }
  // No two paths are the same template (OpenAPI forbids it), and every route is an operation of its path.
  const shapes = Object.keys(doc.paths).map(pathShape);
  expect(new Set(shapes).size).toBe(shapes.length);
  const pathOf = (route: Route) => Object.keys(doc.paths).find((p) => pathShape(p) === pathShape(openApiPath(route.path)));
  for (const route of served) expect(doc.paths[pathOf(route) ?? '']?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
  const listed = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  expect(listed).toBe(new Set(served.map((r) => `${r.method} ${pathShape(openApiPath(r.path))}`)).size);
}

const metadata = {
  id: 'acme/permit',
  org: 'acme',
  title: { nb: 'Løyve', en: 'Permit' },
  dataTypes: [{ id: 'permit', taskId: 'Task_1', maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Permit' } }],
};
const permitSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'schema.json',
  type: 'object',
  '@xsdNamespaces': { xsi: 'http://www.w3.org/2001/XMLSchema-instance' },
  properties: {
    applicant: { $ref: '#/$defs/Person' },
    kind: { const: 'new' },
    rooms: { type: 'integer', exclusiveMinimum: 0 },
    note: { type: ['string', 'null'], '@xsdType': 'string' },
    tags: { type: 'array', items: [{ type: 'string' }] },
  },
  required: ['applicant'],
  $defs: { Person: { type: 'object', properties: { name: { type: 'string', minLength: 1 }, age: { type: ['integer', 'number'] } }, required: [] } },
};

describe('the OpenAPI document', () => {
  let server: RunningServer;
  let doc: Doc;

  beforeAll(async () => {
    const app = await loadAppModel(
      memoryFileSource({ 'App/config/applicationmetadata.json': json(metadata), 'App/models/permit.schema.json': json(permitSchema), 'App/ui/layout-sets.json': json({ sets: [] }) }),
    );
    server = await startServer(createAppHandler({ app, org: 'acme', appName: 'permit', storage: memoryStorage() }));
    const res = await fetch(`${server.url}/acme/permit/swagger/v1/swagger.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    doc = (await res.json()) as Doc;
  });
  afterAll(() => server.close());

  it('is valid OpenAPI 3.0 and lists every registered route, itself included', () => {
    expectSoundDocument(doc, routes);
    expect(doc.paths['/swagger/v1/swagger.json']?.get).toBeDefined();
    expect(doc.paths['/instances/create']?.post?.requestBody).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/InstanceCreation' } } } });
  });

  it('describes routes in Altinn shapes and declares the policy action of guarded ones', () => {
    const next = doc.paths['/instances/{partyId}/{guid}/process/next']!.put!;
    expect(next.responses).toMatchObject({ 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ProcessState' } } } }, 409: {} });
    const read = doc.paths['/instances/{partyId}/{guid}']!.get!;
    expect(read['x-altinn-action']).toBe('read');
    expect(read.responses).toHaveProperty('403');
    expect(doc.components.schemas.Instance!.properties).toHaveProperty('process');
    expect(doc.components.schemas.ValidationIssue!.required).toEqual(['severity', 'code', 'description']);
  });

  it('has the app data model as components, converted to OpenAPI 3.0 schema objects, used for form data bodies', () => {
    const model = doc.components.schemas['model.permit']!;
    expect(model).toMatchObject({ type: 'object', required: ['applicant'], 'x-altinn-data-type': 'permit', 'x-xsdNamespaces': { xsi: 'http://www.w3.org/2001/XMLSchema-instance' } });
    expect(model).not.toHaveProperty('$schema');
    expect(model.properties).toEqual({
      applicant: { $ref: '#/components/schemas/model.permit.Person' },
      kind: { enum: ['new'] },
      rooms: { type: 'integer', minimum: 0, exclusiveMinimum: true },
      note: { type: 'string', nullable: true, 'x-xsdType': 'string' },
      tags: { type: 'array', items: { type: 'string' } },
    });
    expect(doc.components.schemas['model.permit.Person']).toEqual({ type: 'object', properties: { name: { type: 'string', minLength: 1 }, age: { anyOf: [{ type: 'integer' }, { type: 'number' }] } } });
    const put = doc.paths['/instances/{partyId}/{guid}/data/{dataGuid}']!.put!;
    expect(put.requestBody).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/model.permit' } } } });
    // The upload route shares the path; its parameter says what it is there.
    const upload = doc.paths['/instances/{partyId}/{guid}/data/{dataGuid}']!.post!;
    expect(upload.summary).toMatch(/Upload an attachment/);
    expect(upload.parameters).toContainEqual(expect.objectContaining({ name: 'dataGuid', in: 'path', description: 'For this operation: the dataType' }));
  });

  it('the schema check refuses what OpenAPI 3.0 does not allow', () => {
    const minimal = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a/{b}': { get: { parameters: [{ name: 'b', in: 'path', required: true }], responses: { 200: { description: 'ok' } } } } } };
    expect(validateOpenApi(minimal)).toBe(true);
    const broken = [
      { ...minimal, openapi: '3.1.0' },
      { ...minimal, paths: { '/a': { get: { responses: { 200: {} } } } } },
      { ...minimal, paths: { '/a/{b}': { get: { parameters: [{ name: 'b', in: 'path' }], responses: { 200: { description: 'ok' } } } } } },
      { ...minimal, components: { schemas: { M: { type: 'object', '@xsdType': 'x' } } } },
      { ...minimal, components: { schemas: { M: { type: ['string', 'null'] } } } },
      { ...minimal, paths: { a: {} } },
    ];
    for (const doc of broken) expect(validateOpenApi(doc), JSON.stringify(doc)).toBe(false);
  });

  it('lists a route added without a description, with a generic answer', () => {
    const extra: Route = { method: 'PATCH', path: 'instances/:partyId/:guid/something/:thing', handle: () => ({ status: 204 }) };
    const built = openApiDocument({ ...({} as object), models: [], metadata: null } as never, 'acme', 'permit', [...routes, extra]) as unknown as Doc;
    expectSoundDocument(built, [...routes, extra]);
    expect(built.paths['/instances/{partyId}/{guid}/something/{thing}']!.patch!.responses).toHaveProperty('default');
  });
});

const names = fixtureAppNames();

describe.skipIf(names.length === 0)('the OpenAPI document of the fixture apps', () => {
  it.each(names)('%s: valid, every route, every model with a schema as a component', async (name) => {
    const app = await loadAppModel(await diskAppSource(join(fixtureAppsDir, name)));
    const server = await startServer(createAppHandler({ app, org: 'ttd', appName: name, storage: memoryStorage() }));
    try {
      const doc = (await (await fetch(`${server.url}/ttd/${name}/swagger/v1/swagger.json`)).json()) as Doc;
      expectSoundDocument(doc, routes);
      for (const model of app.models.filter((m) => m.schema?.doc.value)) expect(doc.components.schemas[`model.${model.id}`], model.id).toMatchObject({ 'x-altinn-data-type': model.id });
      if (name === 'stateless-app') {
        expect(doc.components.schemas['model.stateless']).toBeDefined();
        expect(doc.paths['/v1/data']!.get!.responses).toMatchObject({ 200: { content: { 'application/json': { schema: { oneOf: expect.arrayContaining([{ $ref: '#/components/schemas/model.stateless' }]) } } } } });
      }
    } finally {
      await server.close();
    }
  });
});
