import { join } from 'node:path';
import { type ParseError, parse } from 'jsonc-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import type { AppModel } from '../../core/app/model/types';
import { fixtureAppNames, fixtureAppsDir } from '../../core/testing/fixtureApps';
import { createAppHandler } from './appApi';
import { diskAppSource } from './appSource';
import { memoryStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

const appsDir = fixtureAppsDir;
const appNames = fixtureAppNames();

/**
 * The file's content read by an independent parser: what the server must hand out. Real apps carry a
 * BOM, comments and trailing commas (§1.7), which Altinn's parser accepts, so jsonc-parser is the oracle.
 */
function content(app: AppModel, path: string): unknown {
  const errors: ParseError[] = [];
  const value = parse(app.texts.get(path)!.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: true }) as unknown;
  expect(errors, path).toEqual([]);
  return value;
}

describe.skipIf(appNames.length === 0)('the app API on the real fixture apps', () => {
  for (const name of appNames) {
    describe(name, () => {
      let app: AppModel;
      let server: RunningServer;
      let base: string;

      beforeAll(async () => {
        app = await loadAppModel(await diskAppSource(join(appsDir, name)));
        server = await startServer(createAppHandler({ app, org: 'ttd', appName: name, storage: memoryStorage() }));
        base = `${server.url}/ttd/${name}`;
      });
      afterAll(() => server.close());

      const get = async (path: string) => {
        const res = await fetch(`${base}/${path}`);
        const text = await res.text();
        return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
      };

      it('serves the metadata and layout sets as written', async () => {
        const metadata = await get('api/v1/applicationmetadata');
        expect(metadata.status).toBe(200);
        expect(metadata.body).toMatchObject(content(app, app.metadata!.path) as object);
        expect(await get('api/layoutsets')).toEqual({ status: 200, body: content(app, app.layoutSets!.path) });
      });

      it('serves the layouts and settings of every set', async () => {
        expect(app.uiFolders.length).toBeGreaterThan(0);
        for (const folder of app.uiFolders) {
          const pages = Object.fromEntries(folder.pages.map((p) => [p.name, content(app, p.file.path)]));
          expect(await get(`api/layouts/${encodeURIComponent(folder.id)}`), folder.id).toEqual({ status: 200, body: pages });
          const settings = await get(`api/layoutsettings/${encodeURIComponent(folder.id)}`);
          if (folder.settings) expect(settings, folder.id).toEqual({ status: 200, body: content(app, folder.settings.path) });
          else expect(settings.status, folder.id).toBe(204);
        }
      });

      it('serves the texts of every language', async () => {
        expect(app.textFiles.length).toBeGreaterThan(0);
        for (const file of app.textFiles) {
          const { status, body } = await get(`api/v1/texts/${file.language}`);
          expect(status).toBe(200);
          expect((body as { resources: unknown }).resources).toEqual((content(app, file.file.path) as { resources: unknown }).resources);
        }
        expect((await get('api/v1/applicationlanguages')).body).toEqual(app.textFiles.map((t) => ({ language: t.language })));
      });

      it('serves every options file and every schema', async () => {
        for (const options of app.options) expect(await get(`api/options/${options.id}`)).toEqual({ status: 200, body: content(app, options.file.path) });
        for (const model of app.models.filter((m) => m.schema)) {
          expect(await get(`api/jsonschema/${model.id}`)).toEqual({ status: 200, body: content(app, model.schema!.path) });
        }
        for (const model of app.models.filter((m) => m.validation)) {
          expect(await get(`api/validationconfig/${model.id}`)).toEqual({ status: 200, body: content(app, model.validation!.path) });
        }
        const footer = await get('api/v1/footer');
        expect(footer.status).toBe(app.footer ? 200 : 204);
        expect((await get('api/v1/applicationsettings')).status).toBe(200);
      });

      it('creates an instance whose auto-created form data round-trips', async () => {
        const res = await fetch(`${base}/instances?instanceOwnerPartyId=512345`, { method: 'POST' });
        expect(res.status).toBe(201);
        const instance = (await res.json()) as { id: string; data: { id: string }[] };
        for (const element of instance.data) {
          const url = `${base}/instances/${instance.id}/data/${element.id}`;
          const put = await fetch(url, { method: 'PUT', body: JSON.stringify({ touched: element.id }) });
          expect(put.status).toBe(200);
          expect(await (await fetch(url)).json()).toEqual({ touched: element.id });
        }
        expect((await fetch(`${base}/instances/${instance.id}`, { method: 'DELETE' })).status).toBe(200);
        expect((await fetch(`${base}/instances/${instance.id}`)).status).toBe(404);
      });
    });
  }
});
