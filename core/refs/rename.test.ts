import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryFileSource } from '../app/fileSource';
import { loadAppModel } from '../app/model/loadAppModel';
import type { AppModel } from '../app/model/types';
import { fixtureAppNames, fixtureAppsDir, folderSource } from '../testing/fixtureApps';
import { checkApp } from './checkApp';
import type { SymbolKind } from './occurrences';
import { buildReferenceIndex } from './referenceIndex';
import { findUsages, planRename, type RenameKind, RenameError } from './rename';

/** Applies a rename plan to an in-memory copy of the app's files and reloads it. */
async function applied(model: AppModel, kind: RenameKind, from: string, to: string, scope?: string): Promise<AppModel> {
  const plan = planRename(model, buildReferenceIndex(model), kind, from, to, scope);
  const files: Record<string, string> = Object.fromEntries(model.texts);
  for (const move of plan.moves) delete files[move.from];
  for (const [file, text] of plan.changes) files[file] = text;
  return loadAppModel(memoryFileSource(files));
}

/** The most referenced name of a kind, with its scope. */
function busiest(model: AppModel, kind: SymbolKind): { key: string; scope: string; count: number } | null {
  const counts = new Map<string, number>();
  const index = buildReferenceIndex(model);
  const defined = new Set(index.occurrences.items.filter((o) => o.kind === kind && o.role === 'definition').map((o) => `${o.scope}\u0000${o.key}`));
  for (const o of index.occurrences.items) {
    const k = `${o.scope}\u0000${o.key}`;
    if (o.kind === kind && o.key.trim() !== "" && defined.has(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!best) return null;
  const [scope, key] = best[0].split('\u0000') as [string, string];
  return { key, scope, count: best[1] };
}

const apps = fixtureAppNames();

describe.skipIf(apps.length === 0)('safe rename on the real Altinn apps', () => {
  it.each(apps)('%s: renaming a component, a text and a page A → B → A leaves every byte as it was', async (name) => {
    const model = await loadAppModel(folderSource(path.join(fixtureAppsDir, name)));
    const errorsBefore = checkApp(model).diagnostics.filter((d) => d.severity === 'error').length;
    for (const kind of ['component', 'text', 'page'] as const) {
      const target = busiest(model, kind);
      if (!target) continue;
      const scope = kind === 'text' ? undefined : target.scope;
      const renamed = await applied(model, kind, target.key, `${target.key}Renamed`, scope);
      const index = buildReferenceIndex(renamed);
      expect(findUsages(index, kind, target.key, scope).filter((o) => o.role === 'reference' && (kind !== 'text' || o.via.startsWith('textResource')))).toEqual([]);
      expect(findUsages(index, kind, `${target.key}Renamed`, scope).length).toBe(target.count);
      expect(checkApp(renamed).diagnostics.filter((d) => d.severity === 'error').length).toBe(errorsBefore);
      const back = await applied(renamed, kind, `${target.key}Renamed`, target.key, scope);
      expect(Object.fromEntries(back.texts)).toEqual(Object.fromEntries(model.texts));
    }
  });
});

describe('planRename', () => {
  const app = {
    'App/config/applicationmetadata.json': '{ "id": "ttd/a", "org": "ttd", "title": { "nb": "A" }, "dataTypes": [ { "id": "model", "appLogic": { "classRef": "X" }, "taskId": "Task_1" }, { "id": "cv", "taskId": "Task_1" } ], "partyTypesAllowed": {} }\n',
    'App/ui/layout-sets.json': '{ "sets": [ { "id": "form", "dataType": "model", "tasks": ["Task_1"] } ] }\n',
    'App/ui/form/Settings.json': '{\n  "pages": { "order": ["One", "Two"] }\n}\n',
    'App/ui/form/layouts/One.json':
      '{\n  "data": {\n    "layout": [\n      { "id": "name", "type": "Input", "dataModelBindings": { "simpleBinding": "person.name" }, "textResourceBindings": { "title": "name.title" } },\n      { "id": "g", "type": "Group", "children": ["name", "cv"], "hidden": ["equals", ["component", "name"], "x"] },\n      { "id": "cv", "type": "FileUpload" }\n    ]\n  }\n}\n',
    'App/ui/form/layouts/Two.json': '{\n  "data": {\n    "layout": [\n      { "id": "sum", "type": "Summary2", "target": { "type": "page", "id": "One" } },\n      { "id": "link", "type": "Paragraph", "textResourceBindings": { "title": ["linkToPage", "Back", "One"] } }\n    ]\n  }\n}\n',
    'App/config/texts/resource.nb.json': '{\n  "language": "nb",\n  "resources": [\n    { "id": "name.title", "value": "Navn" }\n  ]\n}\n',
    'App/config/texts/resource.en.json': '{\n  "language": "en",\n  "resources": [\n    { "id": "name.title", "value": "Name" }\n  ]\n}\n',
  };

  it('renames a component in its definition, children, expressions and upload data type, changing only those lines', async () => {
    const model = await loadAppModel(memoryFileSource(app));
    const plan = planRename(model, buildReferenceIndex(model), 'component', 'name', 'fullName');
    const one = plan.changes.get('App/ui/form/layouts/One.json')!;
    expect(one).toContain('{ "id": "fullName", "type": "Input"');
    expect(one).toContain('"children": ["fullName", "cv"], "hidden": ["equals", ["component", "fullName"], "x"]');
    const before = app['App/ui/form/layouts/One.json'].split('\n');
    expect(one.split('\n').filter((line, i) => line !== before[i])).toHaveLength(2);
    const upload = planRename(model, buildReferenceIndex(model), 'component', 'cv', 'resume');
    expect(upload.changes.get('App/config/applicationmetadata.json')).toContain('{ "id": "resume", "taskId": "Task_1" }');
  });

  it('renames a page: its file, the page order, summary targets and links', async () => {
    const model = await loadAppModel(memoryFileSource(app));
    const plan = planRename(model, buildReferenceIndex(model), 'page', 'One', 'Start');
    expect(plan.moves).toEqual([{ from: 'App/ui/form/layouts/One.json', to: 'App/ui/form/layouts/Start.json' }]);
    expect(plan.changes.get('App/ui/form/Settings.json')).toContain('"order": ["Start", "Two"]');
    expect(plan.changes.get('App/ui/form/layouts/Two.json')).toContain('"target": { "type": "page", "id": "Start" }');
    expect(plan.changes.get('App/ui/form/layouts/Two.json')).toContain('["linkToPage", "Back", "Start"]');
  });

  it('renames a text key in every language and every use', async () => {
    const model = await loadAppModel(memoryFileSource(app));
    const plan = planRename(model, buildReferenceIndex(model), 'text', 'name.title', 'person.name.title');
    expect([...plan.changes.keys()].sort()).toEqual(['App/config/texts/resource.en.json', 'App/config/texts/resource.nb.json', 'App/ui/form/layouts/One.json']);
  });

  it('renames a data path prefix in bindings and in process conditions, keeping row indexes', async () => {
    const bpmn = [
      '<?xml version="1.0"?>',
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">',
      '  <bpmn:process id="p">',
      '    <bpmn:task id="Task_1" />',
      '    <bpmn:sequenceFlow id="f1" sourceRef="g" targetRef="Task_1">',
      '      <bpmn:conditionExpression>["equals", ["dataModel", "person.name"], ["dataModel", "person.pets[0].name"]]</bpmn:conditionExpression>',
      '    </bpmn:sequenceFlow>',
      '  </bpmn:process>',
      '</bpmn:definitions>',
      '',
    ].join('\n');
    const model = await loadAppModel(memoryFileSource({ ...app, 'App/config/process/process.bpmn': bpmn }));
    const plan = planRename(model, buildReferenceIndex(model), 'dataPath', 'person', 'applicant');
    expect(plan.changes.get('App/ui/form/layouts/One.json')).toContain('"simpleBinding": "applicant.name"');
    expect(plan.changes.get('App/config/process/process.bpmn')).toBe(bpmn.replace('"person.name"', '"applicant.name"').replace('"person.pets[0].name"', '"applicant.pets[0].name"'));
  });

  it('refuses a taken, invalid or unknown name and plans nothing', async () => {
    const model = await loadAppModel(memoryFileSource(app));
    const index = buildReferenceIndex(model);
    expect(() => planRename(model, index, 'component', 'name', 'g')).toThrow(new RenameError('"g" is already a component in "form"; choose another name'));
    expect(() => planRename(model, index, 'component', 'name', 'name-2')).toThrow(RenameError);
    expect(() => planRename(model, index, 'component', 'name', 'bad id')).toThrow(/not a valid component name/);
    expect(() => planRename(model, index, 'page', 'Nope', 'X')).toThrow('There is no page "Nope"');
    expect(() => planRename(model, index, 'page', 'One', 'Two')).toThrow(/already a page/);
    expect(() => planRename(model, index, 'text', 'name.title', ' ')).toThrow(RenameError);
  });
});
