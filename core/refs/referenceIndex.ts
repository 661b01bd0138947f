/**
 * The reference index: every place an app defines or uses a name (component ids, text keys, pages,
 * data paths, code lists, layout sets, data types, tasks) and every expression, built from the model
 * in one walk. Checks, find-usages and rename all read it.
 */
import type { AppModel, ComponentNode, JsonFile, UiFolder } from '../app/model/types';
import { type JsonPath, isJsonObject } from '../text/jsonDocument';
import { attribute, descendantsByLocalName, xmlNamespaces } from '../text/xmlQuery';
import { expressionSlotValues } from '../catalog';
import { componentReferences } from './componentReferences';
import { stripIndexes } from '../datamodel';
import { isExpression } from '../expressions/compile';
import { looksLikeExpression } from '../expressions/staticCheck';
import { type ExpressionSite, findExpressions, namesInExpression } from './expressionSites';
import { type Occurrence, OccurrenceList, type SymbolKind } from './occurrences';

export interface ReferenceIndex {
  readonly occurrences: OccurrenceList;
  readonly expressions: readonly ExpressionSite[];
}

class IndexBuilder {
  readonly occurrences = new OccurrenceList();
  readonly expressions: ExpressionSite[] = [];

  /** The backend also evaluates `*.validation.json` (appsettings AppSettings.ExpressionValidation). */
  private readonly expressionValidation: boolean;

  constructor(private readonly model: AppModel) {
    this.expressionValidation = model.appSettings.some((f) => {
      const v = f.doc.value;
      return isJsonObject(v) && isJsonObject(v.AppSettings) && v.AppSettings.ExpressionValidation === true;
    });
  }

  add(kind: SymbolKind, key: string, scope: string, role: Occurrence['role'], file: string, jsonPath: JsonPath, via: string, extra: Partial<Occurrence> = {}): void {
    this.occurrences.add({ kind, key, scope, role, file, jsonPath, via, ...extra });
  }

  /** Records an expression and the names inside it. */
  expression(site: ExpressionSite): void {
    this.expressions.push(site);
    for (const name of namesInExpression(site.value)) {
      const jsonPath = site.jsonPath ? [...site.jsonPath, ...name.path] : undefined;
      const extra: Partial<Occurrence> = jsonPath ? { jsonPath } : site.offset !== undefined ? { offset: site.offset, expressionPath: name.path } : {};
      const scope =
        name.kind === 'component' || name.kind === 'page' ? (site.folderId ?? '') : name.kind === 'dataPath' ? (name.dataType ?? site.defaultDataType ?? '') : '';
      const key = name.kind === 'dataPath' ? stripIndexes(name.name) : name.name;
      this.occurrences.add({ kind: name.kind, key, scope, role: 'reference', file: site.file, via: 'an expression', ...extra });
    }
  }

  /** Records every expression inside a JSON value (slots of unknown type get `any`). */
  expressionsIn(file: string, value: unknown, path: JsonPath, folder: UiFolder | null, typeOf: (path: JsonPath) => ExpressionSite['type'] = () => 'any', backend: ExpressionSite['backend'] = false): void {
    for (const found of findExpressions(value, path)) {
      this.expression({
        file,
        jsonPath: found.path,
        value: found.value,
        type: typeOf(found.path),
        backend,
        ...(folder ? { folderId: folder.id } : {}),
        ...(folder?.defaultDataType ? { defaultDataType: folder.defaultDataType } : {}),
      });
    }
  }

  /** The id of the UI folder that shows a task (the task id itself when none does). */
  folderOfTask(taskId: string): string {
    return this.model.uiFolders.find((f) => f.taskIds.includes(taskId))?.id ?? taskId;
  }

  component(folder: UiFolder, c: ComponentNode): void {
    const { file, jsonPath: at, props } = c;
    if (c.id) this.add('component', c.id, folder.id, 'definition', file, [...at, 'id'], 'id');
    for (const ref of componentReferences(props)) {
      this.add('component', ref.id, ref.taskId ? this.folderOfTask(ref.taskId) : folder.id, 'reference', file, [...at, ...ref.path], ref.isChild ? `the children of "${c.id}"` : ref.via, {
        ...(ref.isKey ? { isKey: true } : {}),
        ...(ref.prefix ? { prefix: ref.prefix } : {}),
      });
    }
    const trb = props.textResourceBindings;
    if (isJsonObject(trb)) {
      for (const [key, value] of Object.entries(trb)) {
        if (typeof value === 'string') this.add('text', value, '', 'reference', file, [...at, 'textResourceBindings', key], `textResourceBindings.${key}`);
      }
    }
    const bindings = props.dataModelBindings;
    if (isJsonObject(bindings)) {
      for (const [key, value] of Object.entries(bindings)) {
        if (typeof value === 'string') {
          this.add('dataPath', stripIndexes(value), folder.defaultDataType ?? '', 'reference', file, [...at, 'dataModelBindings', key], `dataModelBindings.${key}`);
        } else if (isJsonObject(value) && typeof value.field === 'string') {
          const dataType = typeof value.dataType === 'string' ? value.dataType : (folder.defaultDataType ?? '');
          this.add('dataPath', stripIndexes(value.field), dataType, 'reference', file, [...at, 'dataModelBindings', key, 'field'], `dataModelBindings.${key}`);
          if (typeof value.dataType === 'string') this.add('dataType', value.dataType, '', 'reference', file, [...at, 'dataModelBindings', key, 'dataType'], 'dataModelBindings');
        }
      }
    }
    if (typeof props.optionsId === 'string') this.add('optionsId', props.optionsId, '', 'reference', file, [...at, 'optionsId'], 'optionsId');
    const target = props.target;
    if (isJsonObject(target) && typeof target.id === 'string') {
      if (target.type === 'page') this.add('page', target.id, typeof target.taskId === 'string' ? this.folderOfTask(target.taskId) : folder.id, 'reference', file, [...at, 'target', 'id'], 'target');
      if (target.type === 'layoutSet') this.add('layoutSet', target.id, '', 'reference', file, [...at, 'target', 'id'], 'target');
    }
    if (typeof props.layoutSet === 'string') this.add('layoutSet', props.layoutSet, '', 'reference', file, [...at, 'layoutSet'], 'layoutSet');
    // A Subform's texts and columns are evaluated per subform entry, against the subform's data type.
    const subformFolder = c.type === 'Subform' && typeof props.layoutSet === 'string' ? this.model.uiFolders.find((f) => f.id === props.layoutSet) : undefined;
    const context = subformFolder?.defaultDataType ? { ...folder, defaultDataType: subformFolder.defaultDataType } : folder;
    // The catalogue's expression slots type each expression; an array with an unknown function in a
    // slot is a mistake, not a literal. Expressions anywhere else (option filters…) are found too.
    const slotTypes = new Map<string, ExpressionSite['type']>();
    for (const { path, value, result } of expressionSlotValues(props)) {
      slotTypes.set(path.join('\u0000'), result);
      if (looksLikeExpression(value) && !isExpression(value)) this.expression({ file, jsonPath: [...at, ...path], value, type: result, backend: false, folderId: folder.id });
    }
    this.expressionsIn(file, props, at, context, (p) => slotTypes.get(p.slice(at.length).join('\u0000')) ?? 'any');
  }

  folder(folder: UiFolder): void {
    for (const page of folder.pages) {
      this.add('page', page.name, folder.id, 'definition', page.file.path, [], 'file');
      const data = isJsonObject(page.file.doc.value) ? page.file.doc.value.data : undefined;
      if (isJsonObject(data) && isExpression(data.hidden)) {
        this.expression({ file: page.file.path, jsonPath: ['data', 'hidden'], value: data.hidden, type: 'boolean', backend: false, folderId: folder.id, ...(folder.defaultDataType ? { defaultDataType: folder.defaultDataType } : {}) });
      }
      for (const c of page.components) this.component(folder, c);
    }
    if (folder.settings) this.settings(folder, folder.settings);
  }

  settings(folder: UiFolder, settings: JsonFile): void {
    const value = settings.doc.value;
    const pages = isJsonObject(value) ? value.pages : undefined;
    const file = settings.path;
    if (isJsonObject(pages)) {
      strings(pages.order).forEach(([name, i]) => this.add('page', name, folder.id, 'reference', file, ['pages', 'order', i], 'pages.order'));
      (Array.isArray(pages.groups) ? pages.groups : []).forEach((group, g) => {
        if (!isJsonObject(group)) return;
        strings(group.order).forEach(([name, i]) => this.add('page', name, folder.id, 'reference', file, ['pages', 'groups', g, 'order', i], 'pages.groups.order'));
        if (typeof group.name === 'string') this.add('text', group.name, '', 'reference', file, ['pages', 'groups', g, 'name'], 'pages.groups.name');
      });
      strings(pages.excludeFromPdf).forEach(([name, i]) => this.add('page', name, folder.id, 'reference', file, ['pages', 'excludeFromPdf', i], 'pages.excludeFromPdf'));
      if (typeof pages.pdfLayoutName === 'string') this.add('page', pages.pdfLayoutName, folder.id, 'reference', file, ['pages', 'pdfLayoutName'], 'pages.pdfLayoutName');
    }
    const components = isJsonObject(value) ? value.components : undefined;
    if (isJsonObject(components)) strings(components.excludeFromPdf).forEach(([id, i]) => this.add('component', id, folder.id, 'reference', file, ['components', 'excludeFromPdf', i], 'components.excludeFromPdf'));
    this.expressionsIn(file, value, [], folder);
  }

  appWide(): void {
    const m = this.model;
    const sets = isJsonObject(m.layoutSets?.doc.value) ? m.layoutSets.doc.value.sets : undefined;
    if (m.layoutSets && Array.isArray(sets)) {
      const file = m.layoutSets.path;
      sets.forEach((set, i) => {
        if (!isJsonObject(set)) return;
        if (typeof set.id === 'string') this.add('layoutSet', set.id, '', 'definition', file, ['sets', i, 'id'], 'sets.id');
        if (typeof set.dataType === 'string') this.add('dataType', set.dataType, '', 'reference', file, ['sets', i, 'dataType'], 'sets.dataType');
        strings(set.tasks).forEach(([task, j]) => this.add('task', task, '', 'reference', file, ['sets', i, 'tasks', j], 'sets.tasks'));
      });
    }
    const meta = m.metadata?.doc.value;
    if (m.metadata && isJsonObject(meta)) {
      const file = m.metadata.path;
      (Array.isArray(meta.dataTypes) ? meta.dataTypes : []).forEach((dt, i) => {
        if (!isJsonObject(dt)) return;
        if (typeof dt.id === 'string') this.add('dataType', dt.id, '', 'definition', file, ['dataTypes', i, 'id'], 'dataTypes.id');
        if (typeof dt.taskId === 'string') this.add('task', dt.taskId, '', 'reference', file, ['dataTypes', i, 'taskId'], 'dataTypes.taskId');
      });
      const show = isJsonObject(meta.onEntry) ? meta.onEntry.show : undefined;
      if (typeof show === 'string' && show !== 'new-instance' && show !== 'select-instance') this.add('layoutSet', show, '', 'reference', file, ['onEntry', 'show'], 'onEntry.show');
    }
    for (const textFile of m.textFiles) {
      for (const r of textFile.resources) {
        this.add('text', r.id, '', 'definition', textFile.file.path, ['resources', r.index, 'id'], `resource.${textFile.language}`);
        (r.variables ?? []).forEach((v, j) => {
          if (!isJsonObject(v) || typeof v.key !== 'string' || typeof v.dataSource !== 'string' || !v.dataSource.startsWith('dataModel.')) return;
          const dataType = v.dataSource.slice('dataModel.'.length);
          this.add('dataPath', stripIndexes(v.key.replace(/\[\{\d+\}\]/g, '')), dataType === 'default' ? '' : dataType, 'reference', textFile.file.path, ['resources', r.index, 'variables', j, 'key'], 'text variable');
        });
      }
    }
    for (const options of m.options) {
      this.add('optionsId', options.id, '', 'definition', options.file.path, [], 'file');
      const list = options.file.doc.value;
      (Array.isArray(list) ? list : []).forEach((option, i) => {
        if (!isJsonObject(option)) return;
        for (const key of ['label', 'description', 'helpText']) {
          if (typeof option[key] === 'string') this.add('text', option[key], '', 'reference', options.file.path, [i, key], `option ${key}`);
        }
      });
    }
    for (const model of m.models) this.dataModelFiles(model.id, model.validation, model.prefill);
    this.process();
  }

  dataModelFiles(modelId: string, validation: JsonFile | null, prefill: JsonFile | null): void {
    const v = validation?.doc.value;
    if (validation && isJsonObject(v) && isJsonObject(v.validations)) {
      for (const [field, rules] of Object.entries(v.validations)) {
        this.add('dataPath', stripIndexes(field), modelId, 'reference', validation.path, ['validations', field], 'validations', { isKey: true });
        (Array.isArray(rules) ? rules : []).forEach((rule, i) => {
          if (isJsonObject(rule) && typeof rule.message === 'string') this.add('text', rule.message, '', 'reference', validation.path, ['validations', field, i, 'message'], 'validation message');
        });
      }
      if (isJsonObject(v.definitions)) {
        for (const [name, rule] of Object.entries(v.definitions)) {
          if (isJsonObject(rule) && typeof rule.message === 'string') this.add('text', rule.message, '', 'reference', validation.path, ['definitions', name, 'message'], 'validation message');
        }
      }
      this.expressionsIn(validation.path, v, [], null, () => 'any', this.expressionValidation ? 'also' : false);
    }
    const p = prefill?.doc.value;
    if (prefill && isJsonObject(p)) {
      for (const [source, mapping] of Object.entries(p)) {
        if (!isJsonObject(mapping)) continue;
        for (const [key, target] of Object.entries(mapping)) {
          if (typeof target === 'string') this.add('dataPath', stripIndexes(target), modelId, 'reference', prefill.path, [source, key], `prefill ${source}`);
        }
      }
    }
  }

  process(): void {
    const process = this.model.process;
    if (!process?.doc.root) return;
    const { bpmn, altinn } = xmlNamespaces;
    const tasks = [...descendantsByLocalName(process.doc.root, 'task', bpmn), ...descendantsByLocalName(process.doc.root, 'serviceTask', bpmn)];
    for (const task of tasks) {
      const id = attribute(task, 'id');
      if (id) this.occurrences.add({ kind: 'task', key: id.value, scope: '', role: 'definition', file: process.path, offset: id.valueStart, length: id.valueEnd - id.valueStart, via: 'bpmn task' });
    }
    for (const condition of descendantsByLocalName(process.doc.root, 'conditionExpression', bpmn)) {
      const text = condition.text.trim();
      if (!text.startsWith('[')) continue;
      try {
        this.expression({ file: process.path, offset: condition.startTagEnd, value: JSON.parse(text), type: 'boolean', backend: 'only' });
      } catch {
        this.expression({ file: process.path, offset: condition.startTagEnd, value: text, type: 'boolean', backend: 'only' });
      }
    }
    for (const ref of descendantsByLocalName(process.doc.root, 'connectedDataTypeId', altinn)) {
      this.occurrences.add({ kind: 'dataType', key: ref.text.trim(), scope: '', role: 'reference', file: process.path, offset: ref.startTagEnd, length: ref.text.length, via: 'connectedDataTypeId' });
    }
  }
}

function strings(value: unknown): [string, number][] {
  return Array.isArray(value) ? value.flatMap((v, i): [string, number][] => (typeof v === 'string' ? [[v, i]] : [])) : [];
}


/** Builds the reference index of an app model. */
export function buildReferenceIndex(model: AppModel): ReferenceIndex {
  const builder = new IndexBuilder(model);
  for (const folder of model.uiFolders) builder.folder(folder);
  builder.appWide();
  return { occurrences: builder.occurrences, expressions: builder.expressions };
}
