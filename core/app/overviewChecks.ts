/**
 * Consistency checks across the files of an app that the Overview area lists: missing core files,
 * layout sets against data types, tasks and folders, page orders against page files. The model
 * reports what is wrong inside single files; these say where files disagree.
 */
import { isJsonObject } from '../text/jsonDocument';
import { readBpmnTasks } from './bpmnTasks';
import { appPaths } from './model/appFiles';
import type { AppModel, UiFolder } from './model/types';
import { uiFolderNames } from './model/uiFolders';
import type { AppProblem } from './overviewTypes';

/** What the overview takes from applicationmetadata.json. */
export interface MetadataFacts {
  readonly org: string;
  readonly appId: string;
  readonly title: Readonly<Record<string, string>>;
  /** Ids of the data types; null when the file has no list of them. */
  readonly dataTypeIds: ReadonlySet<string> | null;
  /** Ids of the form data types (those with `appLogic`). */
  readonly formTypes: readonly string[];
  readonly problems: readonly AppProblem[];
}

/** Identity and data types from applicationmetadata.json, with what is missing from them. */
export function metadataFacts(model: AppModel): MetadataFacts {
  const file = appPaths.metadata;
  const problems: AppProblem[] = [];
  const problem = (message: string) => problems.push({ file, message });
  const facts = { org: '', appId: '', title: {} as Record<string, string>, dataTypeIds: null as Set<string> | null, formTypes: [] as string[], problems };
  if (!model.filePaths.includes(file)) {
    problem('The file is missing, so this folder is not a complete Altinn app');
    return facts;
  }
  const meta = model.metadata?.doc.value;
  if (!isJsonObject(meta)) return facts; // unreadable, invalid or not an object: the model says so
  if (typeof meta.org === 'string') facts.org = meta.org;
  else problem('The app has no "org"');
  if (typeof meta.id === 'string') facts.appId = meta.id;
  else problem('The app has no "id" (it should be "org/app-name")');
  if (facts.appId && facts.org && !facts.appId.startsWith(`${facts.org}/`)) problem(`The id "${facts.appId}" does not start with the org "${facts.org}/"`);
  if (isJsonObject(meta.title)) {
    for (const [lang, value] of Object.entries(meta.title)) if (typeof value === 'string') facts.title[lang] = value;
  }
  if (!Array.isArray(meta.dataTypes)) {
    problem('The app has no "dataTypes" list');
    return facts;
  }
  facts.dataTypeIds = new Set();
  for (const t of meta.dataTypes) {
    if (!isJsonObject(t) || typeof t.id !== 'string') continue;
    if (facts.dataTypeIds.has(t.id)) problem(`The data type "${t.id}" is defined twice`);
    facts.dataTypeIds.add(t.id);
    if (isJsonObject(t.appLogic)) facts.formTypes.push(t.id);
  }
  return facts;
}

function checkFolder(facts: MetadataFacts, taskIds: ReadonlySet<string> | null, file: string, folder: UiFolder, out: AppProblem[]): void {
  const type = folder.defaultDataType;
  if (type !== null && facts.dataTypeIds && !facts.dataTypeIds.has(type)) {
    out.push({ file, message: `Layout set "${folder.id}" uses data type "${type}", which applicationmetadata.json does not define` });
  }
  for (const task of folder.taskIds) {
    if (taskIds && task !== 'CustomReceipt' && !taskIds.has(task)) {
      out.push({ file, message: `Layout set "${folder.id}" is for task "${task}", which the process does not have` });
    }
  }
}

function checkPageOrder(folder: UiFolder, out: AppProblem[]): void {
  if (!folder.settings) return;
  const names = new Set(folder.pages.map((p) => p.name));
  const layouts = folder.kind === 'legacy' ? appPaths.legacyLayoutsFolder : `${folder.folder}/layouts`;
  for (const name of new Set(folder.pageOrder)) {
    if (!names.has(name)) out.push({ file: folder.settings.path, message: `The page order lists "${name}", but ${layouts}/${name}.json does not exist` });
  }
}

function checkLayoutSets(model: AppModel, facts: MetadataFacts, taskIds: ReadonlySet<string> | null, out: AppProblem[]): void {
  const v8 = model.filePaths.includes(appPaths.layoutSets);
  const folders = uiFolderNames(model.filePaths);
  const owner = new Map<string, string>();
  for (const folder of model.uiFolders) {
    checkPageOrder(folder, out);
    if (folder.kind === 'legacy') continue;
    const file = v8 ? appPaths.layoutSets : `${folder.folder}/Settings.json`;
    if (v8 && !folders.includes(folder.id)) out.push({ file, message: `Layout set "${folder.id}" has no folder ${folder.folder} with Settings.json or layouts` });
    checkFolder(facts, taskIds, file, folder, out);
    if (!v8) continue;
    for (const task of folder.taskIds) {
      const other = owner.get(task);
      if (other) out.push({ file, message: `Task "${task}" is in both layout set "${other}" and "${folder.id}"; the first one wins` });
      else owner.set(task, folder.id);
    }
  }
  if (!v8) return;
  const listed = new Set(model.uiFolders.map((f) => f.id));
  for (const name of folders) {
    if (!listed.has(name)) out.push({ file: `${appPaths.uiFolder}/${name}`, message: 'The folder is not listed in layout-sets.json, so the app never shows it' });
  }
  if (model.filePaths.some((p) => p.startsWith(`${appPaths.legacyLayoutsFolder}/`) && p.toLowerCase().endsWith('.json'))) {
    out.push({ file: appPaths.legacyLayoutsFolder, message: 'Old-style pages directly in App/ui/layouts are ignored because the app has layout-sets.json' });
  }
}

/** The problems where the app's files disagree with each other, or a core file is missing. */
export function checkOverview(model: AppModel, facts: MetadataFacts, languages: readonly string[]): AppProblem[] {
  const out: AppProblem[] = [...facts.problems];
  const process = model.process;
  if (!model.filePaths.includes(appPaths.process)) {
    out.push({ file: appPaths.process, message: 'The app has no process; every Altinn app needs process.bpmn' });
  } else if (process) {
    for (const p of readBpmnTasks(process.doc).problems) out.push({ file: process.path, message: `line ${p.line}: ${p.message}` });
  }
  const processTasks = process ? readBpmnTasks(process.doc).tasks : null;
  checkLayoutSets(model, facts, processTasks && new Set(processTasks.map((t) => t.id)), out);
  for (const { language, file } of model.textFiles) {
    const written = isJsonObject(file.doc.value) ? file.doc.value.language : undefined;
    if (typeof written === 'string' && written !== language) {
      out.push({ file: file.path, message: `The file says its language is "${written}", but its name says "${language}"` });
    }
  }
  if (languages.length === 0) out.push({ file: appPaths.textsFolder, message: 'The app has no text resource files (resource.<language>.json)' });
  for (const id of facts.formTypes) {
    const schema = `${appPaths.modelsFolder}/${id}.schema.json`;
    if (!model.filePaths.includes(schema)) out.push({ file: appPaths.metadata, message: `The form data type "${id}" has no JSON schema (${schema})` });
  }
  return out;
}
