import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAppModel } from '../app/model/loadAppModel';
import { fixtureAppNames, fixtureAppsDir, folderSource } from '../testing/fixtureApps';
import { checkApp } from './checkApp';

const apps = fixtureAppNames();

describe.skipIf(apps.length === 0)('studio check on the real Altinn apps', () => {
  it.each(apps)('%s has no errors', async (name) => {
    const model = await loadAppModel(folderSource(path.join(fixtureAppsDir, name)));
    const { diagnostics } = checkApp(model);
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
    expect(errors).toEqual([]);
  });
});
