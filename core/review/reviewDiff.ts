/**
 * The review of two versions of an app: both read into app models by the studio's own model builder,
 * then compared part by part (layouts, page order, texts, data models, process, options), and every
 * file that differs listed with its kind and changed line counts.
 */
import { buildAppModel } from '../app/model/buildAppModel';
import type { AppModel } from '../app/model/types';
import { dataModelChanges, optionsChanges, processChanges, textChanges } from './contentChanges';
import { layoutChanges, textsByLanguage } from './layoutChanges';
import { lineCounts } from './lineChanges';
import type { ReviewDiff, ReviewFile, ReviewFileKind, VersionFiles } from './types';

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The app model of one version's files. */
export function versionModel(files: VersionFiles, previous?: AppModel): AppModel {
  const texts = new Map<string, string>();
  for (const [path, text] of files) if (text !== null) texts.set(path, text);
  return buildAppModel({ filePaths: [...texts.keys()].sort(byPath), texts, readProblems: [] }, previous);
}

/** What each file of a model is to the review. */
function fileKinds(model: AppModel): Map<string, ReviewFileKind> {
  const kinds = new Map<string, ReviewFileKind>();
  for (const folder of model.uiFolders) {
    if (folder.settings) kinds.set(folder.settings.path, 'settings');
    for (const page of folder.pages) kinds.set(page.file.path, 'layout');
  }
  if (model.layoutSets) kinds.set(model.layoutSets.path, 'settings');
  if (model.globalSettings) kinds.set(model.globalSettings.path, 'settings');
  for (const file of model.textFiles) kinds.set(file.file.path, 'texts');
  for (const m of model.models) if (m.schema) kinds.set(m.schema.path, 'dataModel');
  for (const o of model.options) kinds.set(o.file.path, 'options');
  if (model.process) kinds.set(model.process.path, 'process');
  return kinds;
}

/** The files whose text differs, with their kind and line counts. */
function changedFiles(before: AppModel, after: AppModel): ReviewFile[] {
  const kindsBefore = fileKinds(before);
  const kindsAfter = fileKinds(after);
  const paths = [...new Set([...before.texts.keys(), ...after.texts.keys()])].sort(byPath);
  const out: ReviewFile[] = [];
  for (const path of paths) {
    const [a, b] = [before.texts.get(path) ?? null, after.texts.get(path) ?? null];
    if (a === b) continue;
    const { added, removed } = lineCounts(a, b);
    out.push({
      path,
      kind: kindsAfter.get(path) ?? kindsBefore.get(path) ?? 'other',
      change: a === null ? 'added' : b === null ? 'removed' : 'modified',
      linesAdded: added,
      linesRemoved: removed,
    });
  }
  return out;
}

/** The review of two app models. */
export function reviewModels(before: AppModel, after: AppModel): ReviewDiff {
  return {
    files: changedFiles(before, after),
    folders: layoutChanges(before, after),
    texts: textChanges(textsByLanguage(before), textsByLanguage(after)),
    dataModels: dataModelChanges(before, after),
    process: processChanges(before, after),
    options: optionsChanges(before, after),
  };
}

/** The review of two versions' files (app-relative paths); the models are returned too, for rendering. */
export function reviewVersions(before: VersionFiles, after: VersionFiles): { diff: ReviewDiff; before: AppModel; after: AppModel } {
  const afterModel = versionModel(after);
  // Unchanged files reuse the documents parsed for the other version.
  const beforeModel = versionModel(before, afterModel);
  return { diff: reviewModels(beforeModel, afterModel), before: beforeModel, after: afterModel };
}

/** True when nothing differs. */
export function isEmptyReview(diff: ReviewDiff): boolean {
  return diff.files.length === 0 && diff.folders.length === 0 && diff.texts.length === 0 && diff.dataModels.length === 0 && !diff.process && diff.options.length === 0;
}
