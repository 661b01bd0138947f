/**
 * The app overview: identity, layout sets, data models, languages and process tasks of an app, as a
 * projection of its model (core/app/model), with the errors and warnings `studio check` finds.
 */
import { checkApp } from '../refs/checkApp';
import type { Diagnostic } from '../refs/diagnostic';
import { readBpmnTasks } from './bpmnTasks';
import type { FileSource } from './fileSource';
import { appPaths, childName, naturalCompare, sortLanguages } from './model/appFiles';
import { loadAppModel } from './model/loadAppModel';
import type { AppModel, DataModelFiles } from './model/types';
import { type MetadataFacts, metadataFacts } from './overviewChecks';
import type { AppOverview, AppProblem, DataModelOverview, LayoutSetOverview } from './overviewTypes';

export type * from './overviewTypes';
export { appPaths, modelIdOfFile, sortLanguages } from './model/appFiles';

/** A diagnostic as an overview problem: the message says where in the file it is. */
function problemOf(d: Diagnostic): AppProblem {
  const where = { file: d.file, severity: d.severity === 'error' ? 'error' : 'warning', code: d.code, line: d.line } as const;
  const syntax = /^(Invalid (?:JSON|XML)): /.exec(d.message);
  if (syntax && d.code.endsWith('-syntax')) return { ...where, message: `${syntax[1]} at line ${d.line}, column ${d.column}: ${d.message.slice(syntax[0].length)}` };
  return { ...where, message: d.line > 1 ? `Line ${d.line}: ${d.message}` : d.message };
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

/** The overview of an app model; `diagnostics` are its check's (run here when not given). */
export function overviewOfModel(model: AppModel, diagnostics: readonly Diagnostic[] = checkApp(model).diagnostics): AppOverview {
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
    // The overview lists what needs fixing: errors and warnings of `studio check`, not its advice.
    problems: diagnostics.filter((d) => d.severity !== 'info').map(problemOf),
  };
}

/** Reads the overview of the app in `source`. Never throws: whatever is wrong becomes a problem entry. */
export async function readAppOverview(source: FileSource): Promise<AppOverview> {
  return overviewOfModel(await loadAppModel(source));
}

