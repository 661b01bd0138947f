/** A small app for the layout command tests: two layout sets, containers of every kind, two languages. */
import { memoryFileSource } from '../fileSource';
import { type FileChanges, allComponents, editFiles } from '../model/appEdits';
import { loadAppModel } from '../model/loadAppModel';
import type { AppModel } from '../model/types';

const pageA = `{
  "$schema": "https://altinncdn.no/toolkits/altinn-app-frontend/4/schemas/json/layout/layout.schema.v1.json",
  "data": {
    "layout": [
      {
        "id": "intro",
        "type": "Header",
        "size": "L",
        "textResourceBindings": { "title": "intro.title" }
      },
      {
        "id": "group",
        "type": "Group",
        "children": ["name", "age"],
        "textResourceBindings": { "title": "group.title" }
      },
      { "id": "name", "type": "Input", "dataModelBindings": { "simpleBinding": "person.name" }, "textResourceBindings": { "title": "name.title" } },
      {
        "id": "age",
        "type": "Input",
        "hidden": ["equals", ["component", "name"], ""],
        "dataModelBindings": { "simpleBinding": "person.age" },
        "x-unknown": { "kept": true }
      },
      { "id": "grid", "type": "Grid", "rows": [{ "cells": [{ "text": "grid.label" }, { "component": "cell" }] }, { "cells": [null, null] }] },
      { "id": "cell", "type": "Input", "dataModelBindings": { "simpleBinding": "grid.cell" } },
      { "id": "tabs", "type": "Tabs", "tabs": [{ "id": "t1", "title": "t1", "children": ["para"] }, { "id": "t2", "title": "t2", "children": [] }] },
      { "id": "para", "type": "Paragraph", "textResourceBindings": { "title": "para.title" } },
      { "id": "sum", "type": "Summary", "componentRef": "name" }
    ]
  }
}
`;

const pageB = `{
  "data": {
    "layout": [
      {
        "id": "rows",
        "type": "RepeatingGroup",
        "dataModelBindings": { "group": "people" },
        "children": ["person"],
        "tableHeaders": ["person"],
        "tableColumns": { "person": { "width": "50%" } }
      },
      { "id": "person", "type": "Input", "dataModelBindings": { "simpleBinding": "people.name" } },
      { "id": "buttons", "type": "ButtonGroup", "children": [] },
      { "id": "nav", "type": "NavigationButtons" }
    ]
  }
}
`;

/** The app's files by path. */
export const testAppFiles: Readonly<Record<string, string>> = {
  'App/config/applicationmetadata.json': '{"id": "ttd/x", "org": "ttd", "title": {"nb": "X"}, "dataTypes": [{"id": "model", "appLogic": {"classRef": "M"}, "taskId": "Task_1"}]}',
  'App/config/process/process.bpmn': '<definitions><process id="p"><task id="Task_1"/><task id="Task_2"/></process></definitions>',
  'App/config/texts/resource.nb.json': '{\n  "language": "nb",\n  "resources": [\n    { "id": "intro.title", "value": "Velkommen" },\n    { "id": "group.title", "value": "Person" },\n    { "id": "name.title", "value": "Navn" },\n    { "id": "para.title", "value": "Tekst" }\n  ]\n}\n',
  'App/config/texts/resource.en.json': '{\r\n\t"language": "en",\r\n\t"resources": [\r\n\t\t{\r\n\t\t\t"id": "intro.title",\r\n\t\t\t"value": "Welcome"\r\n\t\t}\r\n\t]\r\n}\r\n',
  'App/ui/layout-sets.json': '{\n  "sets": [\n    { "id": "form", "dataType": "model", "tasks": ["Task_1"] },\n    { "id": "other", "dataType": "model", "tasks": ["Task_2"] }\n  ]\n}\n',
  'App/ui/form/Settings.json': '{\n  "pages": {\n    "order": ["A", "B"]\n  }\n}\n',
  'App/ui/form/layouts/A.json': pageA,
  'App/ui/form/layouts/B.json': pageB,
  'App/ui/other/Settings.json': '{\n  "pages": {\n    "order": ["X"]\n  }\n}\n',
  'App/ui/other/layouts/X.json': '{\n  "data": {\n    "layout": [\n      { "id": "name", "type": "Input", "dataModelBindings": { "simpleBinding": "x" } }\n    ]\n  }\n}\n',
};

/** The test app loaded (with files replaced or added). */
export function loadTestApp(files: Readonly<Record<string, string>> = {}): Promise<AppModel> {
  return loadAppModel(memoryFileSource({ ...testAppFiles, ...files }));
}

/** Applies changes and returns the new model. */
export function apply(model: AppModel, changes: FileChanges): Promise<AppModel> {
  return Promise.resolve(editFiles(model, changes));
}

/** The component ids of a page in `data.layout` order. */
export function pageIds(model: AppModel, folderId: string, page: string): string[] {
  return allComponents(model)
    .filter((c) => c.folderId === folderId && c.pageName === page)
    .map((c) => c.id);
}

/** The raw props of a component in a folder. */
export function propsOf(model: AppModel, folderId: string, id: string): Readonly<Record<string, unknown>> {
  const found = allComponents(model).find((c) => c.folderId === folderId && c.id === id);
  if (!found) throw new Error(`no ${id} in ${folderId}`);
  return found.props;
}
