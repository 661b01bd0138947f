/**
 * What kind of name a place in an app file expects, decided by its JSON path: a text key in
 * `textResourceBindings.*`, a data path in `dataModelBindings.*`, a code list in `optionsId`, a
 * component in `children[]`, the arguments of `["component", …]`, `["dataModel", …]` and so on.
 * Completion asks it for half-typed text, and symbolAt falls back to it for names the index has not
 * seen yet (the model follows the editor only when the text parses).
 */
import type { AppModel, UiFolder } from '../../../../core/app/model/types';
import type { SymbolKind } from '../../../../core/refs/occurrences';
import { componentArgumentOf, pageArgumentOf, textArgumentOf } from '../../../../core/refs/componentReferences';
import { getJsonValue, isJsonObject, type JsonPath } from '../../../../core/text/jsonDocument';

export interface ExpectedSymbol {
  readonly kind: SymbolKind;
  /** As in the reference index: the UI folder for components and pages, the data type for data paths, '' for app-wide names. */
  readonly scope: string;
}

/** The UI folder a file lies in, if any. */
export function folderOfFile(model: AppModel, path: string): UiFolder | undefined {
  return model.uiFolders.find((f) => path.startsWith(`${f.folder}/`));
}

const componentPaths: readonly (readonly (string | null)[])[] = [['children', null], ['tableHeaders', null], ['componentRef'], ['target', 'id'], ['overrides', null, 'componentId']];

function matches(rest: JsonPath, pattern: readonly (string | null)[]): boolean {
  return rest.length === pattern.length && pattern.every((p, i) => (p === null ? typeof rest[i] === 'number' : rest[i] === p));
}

/** What a component property at `rest` (path inside the component object) expects. */
function inComponent(component: Record<string, unknown>, rest: JsonPath, folder: UiFolder | undefined): ExpectedSymbol | null {
  const folderId = folder?.id ?? '';
  const defaultDataType = folder?.defaultDataType ?? '';
  if (rest.length === 2 && rest[0] === 'textResourceBindings') return { kind: 'text', scope: '' };
  if (rest[0] === 'dataModelBindings' && (rest.length === 2 || (rest.length === 3 && rest[2] === 'field'))) {
    const binding = isJsonObject(component.dataModelBindings) ? component.dataModelBindings[String(rest[1])] : undefined;
    const dataType = isJsonObject(binding) && typeof binding.dataType === 'string' ? binding.dataType : defaultDataType;
    return { kind: 'dataPath', scope: dataType };
  }
  if (rest[0] === 'dataModelBindings' && rest.length === 3 && rest[2] === 'dataType') return { kind: 'dataType', scope: '' };
  if (rest.length === 1 && rest[0] === 'optionsId') return { kind: 'optionsId', scope: '' };
  if (rest.length === 1 && rest[0] === 'layoutSet') return { kind: 'layoutSet', scope: '' };
  if (matches(rest, ['target', 'id'])) {
    const target = isJsonObject(component.target) ? component.target : {};
    if (target.type === 'page') return { kind: 'page', scope: folderId };
    if (target.type === 'layoutSet') return { kind: 'layoutSet', scope: '' };
  }
  if (componentPaths.some((p) => matches(rest, p))) return { kind: 'component', scope: folderId };
  return null;
}

/** What an expression argument at `path` expects (the array holding it is a function call). */
function inExpression(value: unknown, path: JsonPath, folder: UiFolder | undefined, defaultDataType: string): ExpectedSymbol | null {
  const index = path[path.length - 1];
  if (typeof index !== 'number' || index === 0) return null;
  const call = getJsonValue(value, path.slice(0, -1));
  if (!Array.isArray(call) || typeof call[0] !== 'string') return null;
  const name = call[0];
  if (componentArgumentOf[name] === index) return { kind: 'component', scope: folder?.id ?? '' };
  if (pageArgumentOf[name] === index) return { kind: 'page', scope: folder?.id ?? '' };
  if (textArgumentOf[name] === index) return { kind: 'text', scope: '' };
  if (name === 'dataModel' && index === 1) return { kind: 'dataPath', scope: typeof call[2] === 'string' ? call[2] : defaultDataType };
  if (name === 'optionLabel' && index === 1) return { kind: 'optionsId', scope: '' };
  return null;
}

const modelFilePattern = /^App\/models\/([^/]+)\.(validation|prefill)\.json$/;

/** The data model a `<model>.validation.json` or `<model>.prefill.json` belongs to, read from its name (so a new file works before the model lists it). */
export function modelFileOf(file: string): { readonly modelId: string; readonly role: 'validation' | 'prefill' } | null {
  const match = modelFilePattern.exec(file);
  return match ? { modelId: match[1]!, role: match[2] as 'validation' | 'prefill' } : null;
}

/** What kind of name the value (or, with `isKey`, the key) at `path` of file `path` expects; null for none. */
export function expectedSymbolAt(model: AppModel, file: string, value: unknown, path: JsonPath, isKey = false): ExpectedSymbol | null {
  const folder = folderOfFile(model, file);
  const modelFile = modelFileOf(file);
  if (isKey) {
    // Validation rules are keyed by the field they check.
    if (modelFile?.role === 'validation' && path.length === 2 && path[0] === 'validations') return { kind: 'dataPath', scope: modelFile.modelId };
    if (path.length > 0 && folder && /\/layouts\/[^/]+\.json$/.test(file) && path[0] === 'data' && path[1] === 'layout' && typeof path[2] === 'number' && path[3] === 'tableColumns' && path.length === 5) return { kind: 'component', scope: folder.id };
    return null;
  }
  const expression = inExpression(value, path, folder, modelFile?.modelId ?? folder?.defaultDataType ?? '');
  if (expression) return expression;
  if (folder && /\/layouts\/[^/]+\.json$/.test(file) && path[0] === 'data' && path[1] === 'layout' && typeof path[2] === 'number') {
    const component = getJsonValue(value, path.slice(0, 3));
    return inComponent(isJsonObject(component) ? component : {}, path.slice(3), folder);
  }
  if (folder && folder.settings?.path === file) {
    if (matches(path, ['pages', 'order', null]) || matches(path, ['pages', 'excludeFromPdf', null]) || matches(path, ['pages', 'pdfLayoutName']) || matches(path, ['pages', 'groups', null, 'order', null])) {
      return { kind: 'page', scope: folder.id };
    }
    if (matches(path, ['pages', 'groups', null, 'name'])) return { kind: 'text', scope: '' };
    if (matches(path, ['components', 'excludeFromPdf', null])) return { kind: 'component', scope: folder.id };
  }
  if (model.options.some((o) => o.file.path === file) && path.length === 2 && typeof path[0] === 'number' && ['label', 'description', 'helpText'].includes(String(path[1]))) {
    return { kind: 'text', scope: '' };
  }
  if (modelFile?.role === 'validation') {
    const ruleMessage = path.length === 4 && path[0] === 'validations' && typeof path[2] === 'number' && path[3] === 'message';
    const definitionMessage = path.length === 3 && path[0] === 'definitions' && path[2] === 'message';
    if (ruleMessage || definitionMessage) return { kind: 'text', scope: '' };
  }
  // Prefill maps a source field (the key) to the data model path that gets it (the value).
  if (modelFile?.role === 'prefill' && path.length === 2 && typeof path[1] === 'string' && path[0] !== '$schema') return { kind: 'dataPath', scope: modelFile.modelId };
  if (model.layoutSets?.path === file && matches(path, ['sets', null, 'dataType'])) return { kind: 'dataType', scope: '' };
  return null;
}
