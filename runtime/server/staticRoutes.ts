/**
 * The app's static resources (§8.1): metadata, layout sets, layouts, settings, texts, options, schemas,
 * validation configs, footer and frontend settings, served from the app model as the files say.
 */
import type { AppModel, UiFolder } from '../../core/app/model/types';
import { isJsonObject } from '../../core/text/jsonDocument';
import { dataTypes, fileValue } from './appData';
import { HttpError, ok, type Route, type RouteResult } from './http';

/** The backend version the frontend is told it talks to; v4 of the frontend needs 8.x. */
export const altinnNugetVersion = '8.0.0.0';

/** Feature flags app-lib-dotnet v8 adds to the metadata for the frontend. */
const features = { footer: true, processActions: true, jsonObjectInDataResponse: false };

const noContent: RouteResult = { status: 204 };

function requireFolder(app: AppModel, setId: string): UiFolder {
  const folder = app.uiFolders.find((f) => f.id === setId);
  if (!folder) throw new HttpError(404, `The layout set "${setId}" does not exist`);
  return folder;
}

/** A v9 app has no layout-sets.json; the folders the model found stand in for it. */
function layoutSets(app: AppModel): unknown {
  if (app.layoutSets) return fileValue(app.layoutSets);
  return {
    sets: app.uiFolders.map((f) => ({
      id: f.id,
      ...(f.defaultDataType ? { dataType: f.defaultDataType } : {}),
      ...(f.taskIds.length > 0 ? { tasks: f.taskIds } : {}),
      ...(f.type ? { type: f.type } : {}),
    })),
  };
}

/** The text file of `language`, falling back to nb as Altinn does; 404 when neither exists. */
function texts(app: AppModel, org: string, appName: string, language: string): unknown {
  const file = app.textFiles.find((t) => t.language === language) ?? app.textFiles.find((t) => t.language === 'nb');
  if (!file) throw new HttpError(404, `There are no texts for "${language}" and no nb texts to fall back to`);
  const value = fileValue(file.file);
  const resources = isJsonObject(value) && Array.isArray(value.resources) ? value.resources : [];
  return { id: `${org}-${appName}-${file.language}`, org, language: file.language, resources };
}

/** FrontEndSettings of appsettings.json, overlaid by appsettings.Development.json (a preview is development). */
function frontEndSettings(app: AppModel): Record<string, unknown> {
  const order = ['App/appsettings.json', 'App/appsettings.Development.json'];
  let settings: Record<string, unknown> = {};
  for (const path of order) {
    const value = app.appSettings.find((f) => f.path === path)?.doc.value;
    if (isJsonObject(value) && isJsonObject(value.FrontEndSettings)) settings = { ...settings, ...value.FrontEndSettings };
  }
  return settings;
}

function requireModelId(app: AppModel, id: string): void {
  const known = dataTypes(app).some((t) => t.id === id) || app.models.some((m) => m.id === id);
  if (!known) throw new HttpError(404, `The data type "${id}" is neither declared in applicationmetadata.json nor has files in App/models`);
}

/** The static resource routes. */
export const staticRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: 'api/v1/applicationmetadata',
    handle: ({ app }) => {
      if (!app.metadata) throw new HttpError(404, 'The app has no App/config/applicationmetadata.json');
      const value = fileValue(app.metadata);
      if (!isJsonObject(value)) throw new HttpError(500, 'applicationmetadata.json does not hold a JSON object');
      return ok({ ...value, altinnNugetVersion, features });
    },
  },
  { method: 'GET', path: 'api/layoutsets', handle: ({ app }) => ok(layoutSets(app)) },
  {
    method: 'GET',
    path: 'api/layouts/:setId',
    handle: ({ app, params }) => {
      const folder = requireFolder(app, params.setId!);
      return ok(Object.fromEntries(folder.pages.map((p) => [p.name, fileValue(p.file)])));
    },
  },
  {
    method: 'GET',
    path: 'api/layoutsettings/:setId',
    handle: ({ app, params }) => {
      const folder = requireFolder(app, params.setId!);
      return folder.settings ? ok(fileValue(folder.settings)) : noContent;
    },
  },
  { method: 'GET', path: 'api/v1/texts/:language', handle: ({ app, org, appName, params }) => ok(texts(app, org, appName, params.language!)) },
  { method: 'GET', path: 'api/v1/applicationlanguages', handle: ({ app }) => ok(app.textFiles.map((t) => ({ language: t.language }))) },
  {
    method: 'GET',
    path: 'api/options/:optionsId',
    handle: ({ app, params }) => {
      const file = app.options.find((o) => o.id === params.optionsId);
      if (!file) throw new HttpError(404, `There is no code list "${params.optionsId}": no file App/options/${params.optionsId}.json (C# option providers do not run here)`);
      return ok(fileValue(file.file));
    },
  },
  {
    method: 'GET',
    path: 'api/jsonschema/:dataTypeId',
    handle: ({ app, params }) => {
      const schema = app.models.find((m) => m.id === params.dataTypeId)?.schema;
      if (!schema) throw new HttpError(404, `The data type "${params.dataTypeId}" has no App/models/${params.dataTypeId}.schema.json`);
      return ok(fileValue(schema));
    },
  },
  {
    method: 'GET',
    path: 'api/validationconfig/:dataTypeId',
    handle: ({ app, params }) => {
      requireModelId(app, params.dataTypeId!);
      const config = app.models.find((m) => m.id === params.dataTypeId)?.validation;
      return config ? ok(fileValue(config)) : noContent;
    },
  },
  { method: 'GET', path: 'api/v1/footer', handle: ({ app }) => (app.footer ? ok(fileValue(app.footer)) : noContent) },
  { method: 'GET', path: 'api/v1/applicationsettings', handle: ({ app }) => ok(frontEndSettings(app)) },
];
