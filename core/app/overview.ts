/**
 * The app overview: identity, layout sets, data models, languages and process tasks of an app, as a
 * projection of its model (core/app/model), plus the consistency checks the Overview area lists.
 */
import type { Diagnostic } from '../refs/diagnostic';
import { readBpmnTasks } from './bpmnTasks';
import type { FileSource } from './fileSource';
import { appPaths, childName, naturalCompare, sortLanguages } from './model/appFiles';
import { loadAppModel } from './model/loadAppModel';
import type { AppModel, DataModelFiles } from './model/types';
import { type MetadataFacts, checkOverview, metadataFacts } from './overviewChecks';
import type { AppOverview, AppProblem, DataModelOverview, LayoutSetOverview } from './overviewTypes';

export type * from './overviewTypes';
export { appPaths, modelIdOfFile, sortLanguages } from './model/appFiles';

/** A model diagnostic as an overview problem; syntax errors say where they are in the message. */
function problemOf(d: Diagnostic): AppProblem {
  const syntax = /^(Invalid (?:JSON|XML)): /.exec(d.message);
  if (!syntax || !d.code.endsWith('-syntax')) return { file: d.file, message: d.message };
  return { file: d.file, message: `${syntax[1]} at line ${d.line}, column ${d.column}: ${d.message.slice(syntax[0].length)}` };
}

function filesOf(model: DataModelFiles): string[] {
  const roles = [model.schema, model.xsd, model.prefill, model.validation, model.calculation];
  return [...roles.flatMap((f) => (f ? [f.path] : [])), ...model.otherFiles].sort(naturalCompare);
}

function dataModels(model: AppModel, facts: MetadataFacts): DataModelOverview[] {
  const formIds = new Set(facts.formTypes);
  const byId = new Map(model.models.map((m) => [m.id, filesOf(m)]));
  const ids = [...new Set([...byId.keys(), ...formIds])].sort(naturalCompare);
  return ids.map((id) => ({ id, files: byId.get(id) ?? [], isFormModel: formIds.has(id) }));
}

/** The overview of an app model. */
export function overviewOfModel(model: AppModel): AppOverview {
  const facts = metadataFacts(model);
  const languages = sortLanguages(
    model.filePaths.flatMap((path) => {
      const match = /^resource\.(.+)\.json$/.exec(childName(path, appPaths.textsFolder) ?? '');
      return match ? [match[1]!] : [];
    }),
  );
  const layoutSets = model.uiFolders.map(
    (f): LayoutSetOverview => ({
      id: f.id,
      folder: f.folder,
      dataType: f.defaultDataType,
      tasks: f.taskIds,
      pages: f.pages.map((p) => p.name),
      kind: f.kind,
      type: f.type,
    }),
  );
  return {
    org: facts.org,
    appId: facts.appId,
    title: facts.title,
    layoutSets,
    dataModels: dataModels(model, facts),
    languages,
    processTasks: model.process ? readBpmnTasks(model.process.doc).tasks : [],
    problems: [...model.problems.map(problemOf), ...checkOverview(model, facts, languages)],
  };
}

/** Reads the overview of the app in `source`. Never throws: whatever is wrong becomes a problem entry. */
export async function readAppOverview(source: FileSource): Promise<AppOverview> {
  return overviewOfModel(await loadAppModel(source));
}

