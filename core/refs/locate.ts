/** Turning places in the model (JSON paths, XML offsets) into diagnostics with line and column. */
import type { AppModel, JsonFile } from '../app/model/types';
import { type JsonPath, locateJson } from '../text/jsonDocument';
import { lineColumnAt } from '../text/textPosition';
import type { Diagnostic, Severity } from './diagnostic';
import type { Occurrence } from './occurrences';

/** Every JSON file of the model by path. */
export function jsonFilesOf(model: AppModel): Map<string, JsonFile> {
  const files: (JsonFile | null)[] = [model.metadata, model.layoutSets, model.globalSettings, model.footer, ...model.appSettings];
  for (const folder of model.uiFolders) files.push(folder.settings, ...folder.pages.map((p) => p.file));
  for (const t of model.textFiles) files.push(t.file);
  for (const o of model.options) files.push(o.file);
  for (const m of model.models) files.push(m.schema, m.prefill, m.validation, m.calculation);
  const out = new Map<string, JsonFile>();
  for (const f of files) if (f) out.set(f.path, f);
  return out;
}

/** Makes diagnostics at places of one model. */
export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  private readonly json: Map<string, JsonFile>;

  constructor(private readonly model: AppModel) {
    this.json = jsonFilesOf(model);
  }

  /** A diagnostic at a JSON path (the nearest existing ancestor when the path is gone), or at an offset. */
  at(file: string, where: { jsonPath?: JsonPath; offset?: number }, severity: Severity, code: string, message: string): void {
    const text = this.model.texts.get(file) ?? '';
    let offset = where.offset ?? 0;
    const doc = this.json.get(file)?.doc;
    if (where.jsonPath && doc) {
      for (let depth = where.jsonPath.length; depth >= 0; depth--) {
        const location = locateJson(doc, where.jsonPath.slice(0, depth));
        if (location) {
          offset = location.keyOffset ?? location.offset;
          break;
        }
      }
    }
    this.list.push({ file, ...lineColumnAt(text, offset), severity, code, message });
  }

  /** A diagnostic at an occurrence. */
  atOccurrence(o: Occurrence, severity: Severity, code: string, message: string): void {
    this.at(o.file, { ...(o.jsonPath ? { jsonPath: o.jsonPath } : {}), ...(o.offset !== undefined ? { offset: o.offset } : {}) }, severity, code, message);
  }
}
