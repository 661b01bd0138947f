/**
 * The parts of the app model outside the UI folders: text resources, data models, code lists and the
 * form data type a pre-layout-set app uses.
 */
import type { Diagnostic } from '../../refs/diagnostic';
import { isJsonObject } from '../../text/jsonDocument';
import { appPaths, childName, jsonChildName, modelIdOfFile, modelSuffixOf, naturalCompare, sortLanguages } from './appFiles';
import { type Report, shapeProblem } from './parsedFiles';
import type { DataModelFiles, JsonFile, OptionsFile, TextFile, TextResource, XmlFile } from './types';

const textFileCache = new WeakMap<JsonFile, { readonly textFile: TextFile; readonly problems: readonly Diagnostic[] }>();

function textFile(language: string, file: JsonFile): { readonly textFile: TextFile; readonly problems: readonly Diagnostic[] } {
  const cached = textFileCache.get(file);
  if (cached?.textFile.language === language) return cached;
  const value = file.doc.value;
  const problems: Diagnostic[] = [];
  const resources: TextResource[] = [];
  if (!isJsonObject(value) || !Array.isArray(value.resources)) {
    if (value !== undefined) problems.push(shapeProblem(file, ['resources'], 'The file has no "resources" list'));
  } else {
    value.resources.forEach((item, index) => {
      if (!isJsonObject(item) || typeof item.id !== 'string') {
        problems.push(shapeProblem(file, ['resources', index], `Text resource number ${index + 1} has no id, so nothing can use it`, 'warning'));
        return;
      }
      const resource: TextResource = { id: item.id, value: typeof item.value === 'string' ? item.value : '', index };
      resources.push(Array.isArray(item.variables) ? { ...resource, variables: item.variables } : resource);
    });
  }
  const built = { textFile: { language, file, resources }, problems };
  textFileCache.set(file, built);
  return built;
}

/** One text file per `App/config/texts/resource.<lang>.json`, nb, nn and en first. */
export function buildTextFiles(json: ReadonlyMap<string, JsonFile>, report: Report): TextFile[] {
  const byLanguage = new Map<string, JsonFile>();
  for (const [path, file] of json) {
    const match = /^resource\.(.+)\.json$/.exec(childName(path, appPaths.textsFolder) ?? '');
    if (match) byLanguage.set(match[1]!, file);
  }
  return sortLanguages(byLanguage.keys()).map((language) => {
    const built = textFile(language, byLanguage.get(language)!);
    built.problems.forEach(report);
    return built.textFile;
  });
}

type Role = 'schema' | 'xsd' | 'prefill' | 'validation' | 'calculation';
const roleOfSuffix: Record<string, Role> = {
  '.schema.json': 'schema',
  '.xsd': 'xsd',
  '.prefill.json': 'prefill',
  '.validation.json': 'validation',
  '.calculation.json': 'calculation',
};

/** The files under App/models grouped by data model id, each by its role. */
export function buildModels(filePaths: readonly string[], json: ReadonlyMap<string, JsonFile>, xml: ReadonlyMap<string, XmlFile>): DataModelFiles[] {
  const byId = new Map<string, { -readonly [K in keyof DataModelFiles]: K extends 'otherFiles' ? string[] : DataModelFiles[K] }>();
  for (const path of filePaths) {
    const name = childName(path, appPaths.modelsFolder);
    const id = name === null ? null : modelIdOfFile(name);
    if (id === null) continue;
    let model = byId.get(id);
    if (!model) {
      model = { id, schema: null, xsd: null, prefill: null, validation: null, calculation: null, otherFiles: [] };
      byId.set(id, model);
    }
    const role = roleOfSuffix[modelSuffixOf(name!) ?? ''];
    if (role === 'xsd' && !model.xsd && xml.has(path)) model.xsd = xml.get(path)!;
    else if (role && role !== 'xsd' && !model[role] && json.has(path)) model[role] = json.get(path)!;
    // Other roles (.cs, .metadata.json), a second file for a role, or one that could not be read.
    else model.otherFiles.push(path);
  }
  return [...byId.values()].sort((a, b) => naturalCompare(a.id, b.id));
}

/** The static code lists, `App/options/<id>.json`. */
export function buildOptions(json: ReadonlyMap<string, JsonFile>, report: Report): OptionsFile[] {
  const options: OptionsFile[] = [];
  for (const [path, file] of json) {
    const id = jsonChildName(path, appPaths.optionsFolder);
    if (id === null) continue;
    const value = file.doc.value;
    if (value !== undefined && !Array.isArray(value)) report(shapeProblem(file, [], 'A code list should be a JSON list of options ({ "value", "label" })'));
    options.push({ id, file });
  }
  return options.sort((a, b) => naturalCompare(a.id, b.id));
}

/** Checks the top-level form of applicationmetadata.json and footer.json. */
export function checkTopLevel(metadata: JsonFile | null, footer: JsonFile | null, report: Report): void {
  if (metadata && metadata.doc.value !== undefined && !isJsonObject(metadata.doc.value)) {
    report(shapeProblem(metadata, [], 'The file does not hold a JSON object'));
  }
  const value = footer?.doc.value;
  if (footer && value !== undefined && !(isJsonObject(value) && Array.isArray(value.footer))) {
    report(shapeProblem(footer, ['footer'], 'The footer file has no "footer" list'));
  }
}

/**
 * The form data type of an app without layout sets (§1.6): the data type with `appLogic.classRef`,
 * preferring one bound to a task.
 */
export function legacyFormType(metadata: JsonFile | null): { id: string; taskId: string | null } | null {
  const value = metadata?.doc.value;
  if (!isJsonObject(value) || !Array.isArray(value.dataTypes)) return null;
  const forms = value.dataTypes
    .filter((t): t is Record<string, unknown> => isJsonObject(t) && typeof t.id === 'string' && isJsonObject(t.appLogic))
    .map((t) => ({ id: t.id as string, taskId: typeof t.taskId === 'string' ? t.taskId : null, classRef: isJsonObject(t.appLogic) && typeof t.appLogic.classRef === 'string' }));
  const withClass = forms.filter((t) => t.classRef);
  const candidates = withClass.length > 0 ? withClass : forms;
  const chosen = candidates.find((t) => t.taskId !== null) ?? candidates[0];
  return chosen ? { id: chosen.id, taskId: chosen.taskId } : null;
}
