/** The files every app needs and their identity: metadata, process, texts, schemas, folders that are never shown. */
import { readBpmnTasks } from '../../app/bpmnTasks';
import { appPaths } from '../../app/model/appFiles';
import type { AppModel } from '../../app/model/types';
import { uiFolderNames } from '../../app/model/uiFolders';
import { isJsonObject } from '../../text/jsonDocument';
import type { DiagnosticSink } from '../locate';

/** Checks the app's core files and their identity fields. */
export function checkAppFiles(model: AppModel, sink: DiagnosticSink): void {
  checkMetadata(model, sink);
  if (!model.filePaths.includes(appPaths.process)) {
    sink.at(appPaths.process, {}, 'error', 'process-missing', 'The app has no process; every Altinn app needs App/config/process/process.bpmn');
  } else if (model.process && model.process.doc.problems.length === 0) {
    for (const p of readBpmnTasks(model.process.doc).problems) sink.at(model.process.path, { offset: p.offset }, 'error', 'process-task', p.message);
  }
  if (model.textFiles.length === 0) sink.at(appPaths.textsFolder, {}, 'warning', 'texts-missing', 'The app has no text files (App/config/texts/resource.<language>.json); add one for nb');
  for (const { language, file } of model.textFiles) {
    const written = isJsonObject(file.doc.value) ? file.doc.value.language : undefined;
    if (typeof written === 'string' && written !== language) {
      sink.at(file.path, { jsonPath: ['language'] }, 'warning', 'text-language-mismatch', `The file says its language is "${written}", but its name says "${language}"`);
    }
  }
  if (model.layoutSets) {
    const listed = new Set(model.uiFolders.map((f) => f.id));
    for (const name of uiFolderNames(model.filePaths)) {
      if (!listed.has(name)) sink.at(model.layoutSets.path, { jsonPath: ['sets'] }, 'info', 'ui-folder-unlisted', `App/ui/${name} is not in layout-sets.json, so the app never shows it`);
    }
    if (model.filePaths.some((p) => p.startsWith(`${appPaths.legacyLayoutsFolder}/`) && p.toLowerCase().endsWith('.json'))) {
      sink.at(model.layoutSets.path, {}, 'warning', 'legacy-layouts-ignored', 'Old-style pages directly in App/ui/layouts are ignored because the app has layout-sets.json');
    }
  }
}

function checkMetadata(model: AppModel, sink: DiagnosticSink): void {
  const file = appPaths.metadata;
  if (!model.filePaths.includes(file)) {
    sink.at(file, {}, 'error', 'metadata-missing', 'The app has no App/config/applicationmetadata.json, so it is not a complete Altinn app');
    return;
  }
  const meta = model.metadata?.doc.value;
  if (!isJsonObject(meta)) return; // unreadable or not an object: the model already says so
  if (typeof meta.org !== 'string') sink.at(file, {}, 'error', 'metadata-org', 'The app has no "org" (the service owner code, e.g. "ttd")');
  if (typeof meta.id !== 'string') sink.at(file, {}, 'error', 'metadata-id', 'The app has no "id"; it should be "org/app-name"');
  else if (typeof meta.org === 'string' && !meta.id.startsWith(`${meta.org}/`)) sink.at(file, { jsonPath: ['id'] }, 'error', 'metadata-id', `The id "${meta.id}" must start with the org: "${meta.org}/…"`);
  if (!Array.isArray(meta.dataTypes)) {
    sink.at(file, {}, 'error', 'metadata-data-types', 'The app has no "dataTypes" list');
    return;
  }
  const seen = new Set<string>();
  meta.dataTypes.forEach((t, i) => {
    if (!isJsonObject(t) || typeof t.id !== 'string') return;
    if (seen.has(t.id)) sink.at(file, { jsonPath: ['dataTypes', i, 'id'] }, 'error', 'data-type-duplicate', `The data type "${t.id}" is defined twice`);
    seen.add(t.id);
    const schema = `${appPaths.modelsFolder}/${t.id}.schema.json`;
    if (isJsonObject(t.appLogic) && typeof t.appLogic.classRef === 'string' && !model.filePaths.includes(schema)) {
      sink.at(file, { jsonPath: ['dataTypes', i, 'id'] }, 'error', 'data-model-schema-missing', `The form data type "${t.id}" has no JSON schema (${schema}); the form cannot load without it`);
    }
  });
}
