/**
 * The app overview: identity, layout sets, data models, languages and process tasks of an app,
 * read from its files in any of the formats Altinn has used (v8 layout sets, v9 UI folders, legacy).
 */
import { readBpmnTasks, type ProcessTask } from './bpmnTasks';
import type { FileSource } from './fileSource';
import { isJsonObject } from '../text/jsonDocument';
import { readLayoutSets, type LayoutSetContext } from './overviewLayoutSets';
import { OverviewReader, naturalCompare } from './overviewReader';
import { type AppOverview, type DataModelOverview, appPaths } from './overviewTypes';

export type * from './overviewTypes';
export { appPaths } from './overviewTypes';

const preferredLanguages = ['nb', 'nn', 'en'];

/** Orders language codes nb, nn, en first, then alphabetically. */
export function sortLanguages(codes: Iterable<string>): string[] {
  const rank = (code: string) => {
    const i = preferredLanguages.indexOf(code);
    return i < 0 ? preferredLanguages.length : i;
  };
  return [...new Set(codes)].sort((a, b) => rank(a) - rank(b) || naturalCompare(a, b));
}

/** Suffixes of the files that belong to one data model, longest first. */
const modelSuffixes = ['.schema.json', '.metadata.json', '.prefill.json', '.validation.json', '.calculation.json', '.xsd', '.cs', '.json'];

/** The data model id a file under App/models belongs to, or null for other files. */
export function modelIdOfFile(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  const suffix = modelSuffixes.find((s) => lower.endsWith(s) && lower.length > s.length);
  return suffix ? fileName.slice(0, -suffix.length) : null;
}

interface MetadataFacts {
  org: string;
  appId: string;
  title: Record<string, string>;
  dataTypeIds: Set<string> | null;
  formTypes: { id: string; taskId: string | null }[];
}

async function readMetadata(reader: OverviewReader): Promise<MetadataFacts> {
  const file = appPaths.metadata;
  const facts: MetadataFacts = { org: '', appId: '', title: {}, dataTypeIds: null, formTypes: [] };
  if (!reader.has(file)) {
    reader.problem(file, 'The file is missing, so this folder is not a complete Altinn app');
    return facts;
  }
  const meta = await reader.json(file);
  if (meta === undefined) return facts;
  if (!isJsonObject(meta)) {
    reader.problem(file, 'The file does not hold a JSON object');
    return facts;
  }
  if (typeof meta.org === 'string') facts.org = meta.org;
  else reader.problem(file, 'The app has no "org"');
  if (typeof meta.id === 'string') facts.appId = meta.id;
  else reader.problem(file, 'The app has no "id" (it should be "org/app-name")');
  if (facts.appId && facts.org && !facts.appId.startsWith(`${facts.org}/`)) {
    reader.problem(file, `The id "${facts.appId}" does not start with the org "${facts.org}/"`);
  }
  if (isJsonObject(meta.title)) {
    for (const [lang, value] of Object.entries(meta.title)) if (typeof value === 'string') facts.title[lang] = value;
  }
  if (Array.isArray(meta.dataTypes)) {
    facts.dataTypeIds = new Set();
    for (const t of meta.dataTypes) {
      if (!isJsonObject(t) || typeof t.id !== 'string') continue;
      if (facts.dataTypeIds.has(t.id)) reader.problem(file, `The data type "${t.id}" is defined twice`);
      facts.dataTypeIds.add(t.id);
      if (isJsonObject(t.appLogic)) facts.formTypes.push({ id: t.id, taskId: typeof t.taskId === 'string' ? t.taskId : null });
    }
  } else {
    reader.problem(file, 'The app has no "dataTypes" list');
  }
  return facts;
}

async function readProcess(reader: OverviewReader): Promise<ProcessTask[] | null> {
  const file = appPaths.process;
  if (!reader.has(file)) {
    reader.problem(file, 'The app has no process; every Altinn app needs process.bpmn');
    return null;
  }
  const text = await reader.text(file);
  if (text === undefined) return null;
  const { tasks, problems } = readBpmnTasks(text);
  for (const message of problems) reader.problem(file, message);
  return [...tasks];
}

async function readLanguages(reader: OverviewReader): Promise<string[]> {
  const pattern = /^App\/config\/texts\/resource\.([^/]+)\.json$/;
  const found: { lang: string; path: string }[] = [];
  for (const path of reader.filePaths) {
    const match = pattern.exec(path);
    if (match) found.push({ lang: match[1]!, path });
  }
  await Promise.all(
    found.map(async ({ lang, path }) => {
      const doc = await reader.json(path);
      if (doc === undefined) return;
      if (!isJsonObject(doc) || !Array.isArray(doc.resources)) {
        reader.problem(path, 'The file has no "resources" list');
      } else if (typeof doc.language === 'string' && doc.language !== lang) {
        reader.problem(path, `The file says its language is "${doc.language}", but its name says "${lang}"`);
      }
    }),
  );
  return sortLanguages(found.map((f) => f.lang));
}

function readDataModels(reader: OverviewReader, facts: MetadataFacts): DataModelOverview[] {
  const prefix = `${appPaths.modelsFolder}/`;
  const files = new Map<string, string[]>();
  for (const path of reader.filePaths) {
    if (!path.startsWith(prefix) || path.slice(prefix.length).includes('/')) continue;
    const id = modelIdOfFile(path.slice(prefix.length));
    if (id !== null) files.set(id, [...(files.get(id) ?? []), path]);
  }
  const formIds = new Set(facts.formTypes.map((t) => t.id));
  for (const id of formIds) {
    if (!reader.has(`${prefix}${id}.schema.json`)) {
      reader.problem(appPaths.metadata, `The form data type "${id}" has no JSON schema (${prefix}${id}.schema.json)`);
    }
  }
  const ids = [...new Set([...files.keys(), ...formIds])].sort(naturalCompare);
  return ids.map((id) => ({ id, files: (files.get(id) ?? []).sort(naturalCompare), isFormModel: formIds.has(id) }));
}

/** Files the overview always reads (the set folders' pages are read whenever they are listed or found). */
const prefetched =
  /^App\/(config\/applicationmetadata\.json|config\/process\/process\.bpmn|config\/texts\/resource\.[^/]+\.json|ui\/layout-sets\.json|ui\/[^/]+\/Settings\.json|ui\/[^/]+\/layouts\/[^/]+\.json|ui\/layouts\/[^/]+\.json|ui\/FormLayout\.json)$/;

/** Reads the overview of the app in `source`. Never throws: whatever is wrong becomes a problem entry. */
export async function readAppOverview(source: FileSource): Promise<AppOverview> {
  const reader = new OverviewReader(source);
  reader.prefetch([...reader.filePaths].filter((p) => prefetched.test(p)));
  const [facts, tasks, languages] = await Promise.all([readMetadata(reader), readProcess(reader), readLanguages(reader)]);
  const legacyForm = facts.formTypes.find((t) => t.taskId !== null) ?? facts.formTypes[0] ?? null;
  const ctx: LayoutSetContext = {
    dataTypeIds: facts.dataTypeIds,
    legacyFormType: legacyForm,
    taskIds: tasks ? tasks.map((t) => t.id) : null,
  };
  const layoutSets = await readLayoutSets(reader, ctx);
  if (languages.length === 0) reader.problem(appPaths.textsFolder, 'The app has no text resource files (resource.<language>.json)');
  return {
    org: facts.org,
    appId: facts.appId,
    title: facts.title,
    layoutSets,
    dataModels: readDataModels(reader, facts),
    languages,
    processTasks: tasks ?? [],
    problems: reader.problems,
  };
}
