/**
 * Builds the app model from the texts of its files. Loading and editing share it: an edit passes the
 * previous model, so unchanged files keep their documents and unchanged parts keep their objects
 * (views compare by identity to know what to redraw).
 */
import { type Diagnostic, sortDiagnostics } from '../../refs/diagnostic';
import { readBpmnTasks } from '../bpmnTasks';
import { appPaths } from './appFiles';
import { buildModels, buildOptions, buildTextFiles, checkTopLevel, legacyFormType } from './appParts';
import { type ParsedFiles, parseAppFiles, syntaxDiagnostics } from './parsedFiles';
import type { AppModel } from './types';
import { buildUiFolders } from './uiFolders';

export interface ModelInput {
  /** Every file path of the app, sorted. */
  readonly filePaths: readonly string[];
  /** The text of every file read as text. */
  readonly texts: ReadonlyMap<string, string>;
  /** Files that could not be read. */
  readonly readProblems: readonly Diagnostic[];
}

/** True when both are the same object or arrays of the same items. */
function sameMember(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}

/** True when two records have the same keys and each member is the same (see `sameMember`). */
function sameShallow(a: object, b: object): boolean {
  const keysA = Object.keys(a);
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.length === Object.keys(b).length && keysA.every((key) => key in b && sameMember(recordA[key], recordB[key]));
}

/** `next` with every item equal (shallowly) to a previous one replaced by it; the previous list when nothing changed. */
function reuse<T extends object>(previous: readonly T[] | undefined, next: readonly T[], keyOf: (item: T) => string): readonly T[] {
  if (!previous) return next;
  const byKey = new Map(previous.map((item) => [keyOf(item), item]));
  const merged = next.map((item) => {
    const old = byKey.get(keyOf(item));
    return old && sameShallow(old, item) ? old : item;
  });
  return merged.length === previous.length && merged.every((item, i) => item === previous[i]) ? previous : merged;
}

/** The model of the files in `input`; with `previous`, its documents and parts are reused where unchanged. */
export function buildAppModel(input: ModelInput, previous?: AppModel): AppModel {
  const parsed: ParsedFiles = parseAppFiles(input.texts, previous && { json: previous.jsonFiles, xml: previous.xmlFiles });
  const { json, xml } = parsed;
  const problems: Diagnostic[] = [...input.readProblems];
  const report = (d: Diagnostic) => problems.push(d);
  for (const file of json.values()) problems.push(...syntaxDiagnostics(file, 'json'));
  for (const file of xml.values()) problems.push(...syntaxDiagnostics(file, 'xml'));

  const metadata = json.get(appPaths.metadata) ?? null;
  const footer = json.get(appPaths.footer) ?? null;
  const process = xml.get(appPaths.process) ?? null;
  checkTopLevel(metadata, footer, report);

  const taskIds = process ? new Set(readBpmnTasks(process.doc).tasks.map((t) => t.id)) : null;
  const uiFolders = buildUiFolders({ filePaths: input.filePaths, json }, { taskIds, legacyFormType: legacyFormType(metadata) }, report);
  const uiSettings = json.get(appPaths.uiSettings) ?? null;
  const appSettings = [...json.values()]
    .filter((f) => /^App\/appsettings[^/]*\.json$/i.test(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  return {
    texts: input.texts,
    filePaths: input.filePaths,
    jsonFiles: json,
    xmlFiles: xml,
    metadata,
    layoutSets: json.get(appPaths.layoutSets) ?? null,
    // In an app without layout sets, App/ui/Settings.json belongs to its only folder.
    globalSettings: uiFolders.some((f) => f.settings === uiSettings) ? null : uiSettings,
    uiFolders: reuse(previous?.uiFolders, uiFolders, (f) => `${f.folder}\n${f.id}`),
    textFiles: reuse(previous?.textFiles, buildTextFiles(json, report), (t) => t.language),
    models: reuse(previous?.models, buildModels(input.filePaths, json, xml), (m) => m.id),
    options: reuse(previous?.options, buildOptions(json, report), (o) => o.id),
    footer,
    process,
    policy: xml.get(appPaths.policy) ?? null,
    appSettings: reuse(previous?.appSettings, appSettings, (f) => f.path),
    problems: sortDiagnostics(problems),
  };
}
