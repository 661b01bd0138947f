/** How the app's files fit together: pages ↔ Settings, layout sets ↔ tasks ↔ data types, attachments, code lists. */
import type { AppModel } from '../../app/model/types';
import { isJsonObject } from '../../text/jsonDocument';
import type { DiagnosticSink } from '../locate';
import type { Occurrence } from '../occurrences';
import type { ReferenceIndex } from '../referenceIndex';

const uploadTypes = new Set(['FileUpload', 'FileUploadWithTag', 'ImageUpload']);

function definitions(index: ReferenceIndex, kind: Occurrence['kind']): Map<string, Occurrence[]> {
  const out = new Map<string, Occurrence[]>();
  for (const o of index.occurrences.items) if (o.kind === kind && o.role === 'definition') out.set(`${o.scope}\u0000${o.key}`, [...(out.get(`${o.scope}\u0000${o.key}`) ?? []), o]);
  return out;
}

/** Checks references between files: pages, layout sets, tasks, data types, code lists, attachments. */
export function checkStructure(model: AppModel, index: ReferenceIndex, sink: DiagnosticSink): void {
  const pages = definitions(index, 'page');
  const sets = new Set(model.uiFolders.map((f) => f.id));
  const dataTypes = definitions(index, 'dataType');
  const tasks = definitions(index, 'task');
  const options = definitions(index, 'optionsId');
  const hasProcess = model.process?.doc.root != null;
  const referencedPages = new Set<string>();

  for (const o of index.occurrences.items) {
    if (o.role !== 'reference') continue;
    const key = `${o.scope}\u0000${o.key}`;
    switch (o.kind) {
      case 'page':
        referencedPages.add(key);
        if (!pages.has(key)) sink.atOccurrence(o, 'error', 'page-missing', `No page "${o.key}" in layout set "${o.scope}": add layouts/${o.key}.json or remove it from ${o.via}`);
        break;
      case 'layoutSet':
        if (!sets.has(o.key)) sink.atOccurrence(o, 'error', 'layout-set-missing', `No layout set "${o.key}" (referred to by ${o.via})`);
        break;
      case 'dataType':
        if (!dataTypes.has(`\u0000${o.key}`)) sink.atOccurrence(o, 'error', 'data-type-missing', `No data type "${o.key}" in applicationmetadata.json (referred to by ${o.via})`);
        break;
      case 'task':
        if (hasProcess && !tasks.has(`\u0000${o.key}`) && o.key !== 'CustomReceipt') sink.atOccurrence(o, 'error', 'task-missing', `No task "${o.key}" in process.bpmn (referred to by ${o.via})`);
        break;
      case 'optionsId':
        if (o.key === '') sink.atOccurrence(o, 'warning', 'options-id-empty', 'The optionsId is empty; name a code list or remove it');
        else if (!options.has(`\u0000${o.key}`)) sink.atOccurrence(o, 'warning', 'options-id-unknown', `No code list App/options/${o.key}.json; fine only if C# code provides "${o.key}"`);
        break;
      default:
        break;
    }
  }

  const taskOwners = new Map<string, string>();
  for (const folder of model.uiFolders) {
    for (const task of folder.taskIds) {
      const owner = taskOwners.get(task);
      if (owner) sink.at(model.layoutSets?.path ?? folder.folder, { jsonPath: ['sets'] }, 'error', 'task-in-several-sets', `Task "${task}" is in layout sets "${owner}" and "${folder.id}"; a task can show only one`);
      taskOwners.set(task, folder.id);
    }
    if (folder.kind === 'v8-set' && folder.pages.length === 0 && !folder.settings) {
      sink.at(model.layoutSets?.path ?? '', { jsonPath: ['sets'] }, 'error', 'layout-set-folder-missing', `Layout set "${folder.id}" has no folder ${folder.folder} with layouts`);
    }
    const settings = folder.settings?.doc.value;
    const pdfLayout = isJsonObject(settings) && isJsonObject(settings.pages) ? settings.pages.pdfLayoutName : undefined;
    const hasOrder = isJsonObject(settings) && isJsonObject(settings.pages) && (Array.isArray(settings.pages.order) || Array.isArray(settings.pages.groups));
    for (const page of folder.pages) {
      if (hasOrder && !folder.pageOrder.includes(page.name) && page.name !== pdfLayout) {
        sink.at(page.file.path, { jsonPath: [] }, 'info', 'page-not-in-order', `Page ${page.name} is not in the page order of Settings.json, so users never see it`);
      }
    }
  }

  checkAttachments(model, sink);
}

/** FileUpload components store attachments under a data type with the component's id. */
function checkAttachments(model: AppModel, sink: DiagnosticSink): void {
  const meta = model.metadata?.doc.value;
  const types = isJsonObject(meta) && Array.isArray(meta.dataTypes) ? meta.dataTypes.filter(isJsonObject) : [];
  for (const folder of model.uiFolders) {
    for (const page of folder.pages) {
      for (const c of page.components) {
        if (!uploadTypes.has(c.type) || !c.id) continue;
        const dataType = types.find((t) => t.id === c.id);
        if (!dataType) {
          // The page still works; only uploading fails, so this is a warning rather than an error.
          sink.at(c.file, { jsonPath: [...c.jsonPath, 'id'] }, 'warning', 'attachment-data-type-missing', `${c.type} "${c.id}" has no data type "${c.id}" in applicationmetadata.json, so uploads will fail; add one`);
        } else if (dataType.appLogic !== undefined) {
          sink.at(c.file, { jsonPath: [...c.jsonPath, 'id'] }, 'error', 'attachment-data-type-is-form', `Data type "${c.id}" is a form data model (it has appLogic); ${c.type} needs an attachment data type`);
        } else if (typeof dataType.taskId === 'string' && folder.taskIds.length > 0 && !folder.taskIds.includes(dataType.taskId)) {
          sink.at(c.file, { jsonPath: [...c.jsonPath, 'id'] }, 'warning', 'attachment-task-mismatch', `Data type "${c.id}" belongs to task ${dataType.taskId}, but this page is shown in ${folder.taskIds.join(', ')}`);
        }
      }
    }
  }
}
