import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../core/app/fileSource';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { fixtureAppNames, fixtureAppsDir } from '../../core/testing/fixtureApps';
import { validationMask } from '../../core/validation';
import { createAppHandler } from './appApi';
import { diskAppSource } from './appSource';
import { writeDemoApp } from './previewTesting';
import { startRuntimeHost } from './runtimeHost';
import { memoryStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

const json = (value: unknown) => JSON.stringify(value, null, 2);

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $defs: {
    Permit: {
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 4 },
        code: { type: 'string', pattern: '^[0-9]+$' },
        people: { type: 'array', items: { type: 'object', properties: { age: { type: 'integer', minimum: 0 } } } },
      },
    },
  },
};
const files: Record<string, string> = {
  'App/config/applicationmetadata.json': json({
    id: 'acme/permit',
    dataTypes: [
      { id: 'permit', taskId: 'Task_1', appLogic: { classRef: 'Altinn.App.Models.Permit' } },
      { id: 'bare', taskId: 'Task_1', appLogic: { classRef: 'Altinn.App.Models.Bare' } },
    ],
  }),
  'App/models/permit.schema.json': json(schema),
};

let server: RunningServer;
let base: string;

beforeAll(async () => {
  const app = await loadAppModel(memoryFileSource(files));
  server = await startServer(createAppHandler({ app, org: 'acme', appName: 'permit', storage: memoryStorage() }));
  base = `${server.url}/acme/permit/api/runtime/schemavalidation`;
});
afterAll(() => server.close());

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: { errors?: unknown[]; problem?: string; message?: string } }> {
  const res = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
  const text = await res.text();
  // The guard answers plain text; the route answers JSON.
  return { status: res.status, body: res.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(text) as { errors?: unknown[] }) : { message: text } };
}

describe('POST api/runtime/schemavalidation/{dataType}', () => {
  it('answers the schema errors of the posted data, on concrete paths from the classRef root', async () => {
    const answer = await post(`${base}/permit`, JSON.stringify({ name: 'Kari Nordmann', code: '12a', people: [{ age: 3 }, { age: -1 }] }));
    expect(answer).toEqual({
      status: 200,
      body: {
        errors: [
          { field: 'name', keyword: 'maxLength', textKey: 'validation_errors.maxLength', param: 4, category: validationMask.Schema },
          { field: 'code', keyword: 'pattern', textKey: 'validation_errors.pattern', param: '^[0-9]+$', category: validationMask.Schema },
          { field: 'people[1].age', keyword: 'minimum', textKey: 'validation_errors.min', param: 0, category: validationMask.Schema },
        ],
      },
    });
    expect(await post(`${base}/permit`, JSON.stringify({ name: 'Kari' }))).toEqual({ status: 200, body: { errors: [] } });
  });

  it('answers 404 for an unknown data type or one without a schema', async () => {
    const unknown = await post(`${base}/nope`, '{}');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/data type "nope"/);
    const bare = await post(`${base}/bare`, '{}');
    expect(bare.status).toBe(404);
    expect(bare.body.message).toMatch(/bare\.schema\.json/);
  });

  it('answers 400 with a clear message for a body that is not JSON, or empty', async () => {
    const broken = await post(`${base}/permit`, '{"name": ');
    expect(broken.status).toBe(400);
    expect(broken.body.message).toMatch(/^The request body is not valid JSON/);
    const empty = await post(`${base}/permit`, '');
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/form data .* as JSON; it was empty/);
  });

  it('is POST only', async () => {
    expect((await fetch(`${base}/permit`)).status).toBe(405);
  });
});

describe('the route in the preview host', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'schema-route-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is behind the token and Host guard, and validates against the schema of the app as last reloaded', async () => {
    await writeDemoApp(root);
    const host = await startRuntimeHost({ appDir: root, clientDir: path.join(root, 'no-client') });
    try {
      const url = `http://127.0.0.1:${host.port}/ttd/preview-demo/api/runtime/schemavalidation/model`;
      const data = JSON.stringify({ name: 'a rather long name' });
      expect((await post(url, data)).status).toBe(401);
      expect((await post(url, data, { 'X-Preview-Token': host.token, Origin: 'http://evil.example' })).status).toBe(403);
      expect(await post(url, data, { 'X-Preview-Token': host.token })).toEqual({ status: 200, body: { errors: [] } });
      await writeFile(path.join(root, 'App/models/model.schema.json'), json({ type: 'object', properties: { name: { type: 'string', maxLength: 5 } } }));
      await host.reload();
      const after = await post(url, data, { 'X-Preview-Token': host.token });
      expect(after.body.errors).toMatchObject([{ field: 'name', keyword: 'maxLength', param: 5 }]);
    } finally {
      await host.close();
    }
  });
});

const appNames = fixtureAppNames();

describe.skipIf(appNames.length === 0)('the route on the real fixture apps', () => {
  it('compiles every data model schema and answers its errors', async () => {
    let checked = 0;
    for (const name of appNames) {
      const app = await loadAppModel(await diskAppSource(path.join(fixtureAppsDir, name)));
      const running = await startServer(createAppHandler({ app, org: 'ttd', appName: name, storage: memoryStorage() }));
      try {
        for (const model of app.models.filter((m) => m.schema)) {
          const answer = await post(`${running.url}/ttd/${name}/api/runtime/schemavalidation/${encodeURIComponent(model.id)}`, '{}');
          expect(answer.status, `${name}/${model.id}`).toBe(200);
          expect(answer.body, `${name}/${model.id}`).toEqual({ errors: [] });
          checked++;
        }
      } finally {
        await running.close();
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
