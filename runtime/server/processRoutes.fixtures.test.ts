import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { readProcessModel, start } from '../../core/process';
import { fixtureAppNames, fixtureAppsDir } from '../../core/testing/fixtureApps';
import { createAppHandler } from './appApi';
import { diskAppSource } from './appSource';
import { userFromRequest } from './authorization';
import { defaultPeople } from './people';
import { memoryStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

const appNames = fixtureAppNames();

interface ProcessJson {
  readonly currentTask: { readonly elementId: string } | null;
  readonly endEvent: string | null;
}

describe.skipIf(appNames.length === 0)('the process engine on the real fixture apps', () => {
  for (const name of appNames) {
    describe(name, () => {
      let server: RunningServer;
      let base: string;
      let firstTask: string | null;

      beforeAll(async () => {
        const app = await loadAppModel(await diskAppSource(join(fixtureAppsDir, name)));
        const started = app.process ? start(readProcessModel(app.process.doc)) : null;
        firstTask = started?.ok ? started.state.currentTask : null;
        // The studio's default registry: user 1002 is general manager (DAGL) of Testbedrift AS, party 50101.
        const people = defaultPeople();
        server = await startServer(createAppHandler({ app, org: 'ttd', appName: name, storage: memoryStorage(), services: { people }, userOf: (req) => userFromRequest(req, people, 1002) }));
        base = `${server.url}/ttd/${name}`;
      });
      afterAll(() => server.close());

      it('creates an instance in the first task and answers process/next with a move or validation issues', async () => {
        const created = await fetch(`${base}/instances?instanceOwnerPartyId=50101`, { method: 'POST' });
        expect(created.status).toBe(201);
        const instance = (await created.json()) as { id: string; process: { currentTask: { elementId: string } | null } };
        expect(instance.process.currentTask?.elementId ?? null).toBe(firstTask);
        const state = (await (await fetch(`${base}/instances/${instance.id}/process`)).json()) as ProcessJson;
        expect(state.currentTask?.elementId ?? null).toBe(firstTask);
        const moved = await fetch(`${base}/instances/${instance.id}/process/next`, { method: 'PUT' });
        const body = (await moved.json()) as ProcessJson & { validationIssues: { severity: number; source: unknown }[] };
        if (moved.status === 409) {
          // An empty new form: Altinn blocks it with the issues, every one in its backend shape.
          expect(body.validationIssues.length).toBeGreaterThan(0);
          for (const issue of body.validationIssues) {
            expect([1, 2, 3, 5]).toContain(issue.severity);
            expect(typeof issue.source).toBe('string');
          }
          expect(body.validationIssues.some((i: { severity: number }) => i.severity === 1)).toBe(true);
        } else {
          expect(moved.status).toBe(200);
          expect(body.currentTask?.elementId ?? body.endEvent).toBeTruthy();
          expect(body.currentTask?.elementId).not.toBe(firstTask);
        }
        const active = (await (await fetch(`${base}/instances/50101/active`)).json()) as { id: string }[];
        expect(active.map((i: { id: string }) => i.id)).toEqual(moved.status === 200 && body.endEvent ? [] : [instance.id]);
      });
    });
  }
});
