/** Data model bindings and paths: the field exists, has the right shape, and repeating children bind inside their row. */
import type { AppModel, ComponentNode } from '../../app/model/types';
import { bindingsOf, childReferencesOf, findComponentType } from '../../catalog';
import { type DataModelTree, findField } from '../../datamodel';
import { isJsonObject } from '../../text/jsonDocument';
import { dataModelTrees } from '../dataModels';
import type { DiagnosticSink } from '../locate';
import { stripIndexes } from '../../datamodel';
import type { ReferenceIndex } from '../referenceIndex';

/** Checks every data path the app uses against the data model of its data type. */
export function checkBindings(model: AppModel, index: ReferenceIndex, sink: DiagnosticSink): void {
  const trees = dataModelTrees(model);
  for (const o of index.occurrences.items) {
    if (o.kind !== 'dataPath' || o.role !== 'reference' || !o.key) continue;
    const tree = trees.get(o.scope);
    if (!tree) continue;
    if (!findField(tree, o.key)) {
      // The app still runs; the value is just never stored or read: a warning, not a broken app.
      sink.atOccurrence(o, 'warning', 'data-path-missing', `"${o.key}" is not a field of data model "${o.scope}" (used by ${o.via}), so ${consequence(o.via)}; pick an existing field`);
    }
  }
  for (const folder of model.uiFolders) {
    const tree = folder.defaultDataType ? trees.get(folder.defaultDataType) : undefined;
    const byId = new Map(folder.pages.flatMap((p) => p.components.map((c): [string, ComponentNode] => [c.id, c])));
    for (const page of folder.pages) {
      for (const c of page.components) {
        checkBindingKeys(c, sink);
        if (tree) checkShapes(c, tree, byId, sink);
      }
    }
  }
}

function consequence(via: string): string {
  if (via.startsWith('dataModelBindings')) return 'what users enter here is not saved';
  if (via.startsWith('prefill')) return 'the prefilled value is dropped';
  if (via === 'validations') return 'its validations never run';
  return 'it always reads as empty';
}

function checkBindingKeys(c: ComponentNode, sink: DiagnosticSink): void {
  const type = findComponentType(c.typeAsWritten);
  if (!type) return;
  const { bindings, free } = bindingsOf(type);
  const written = isJsonObject(c.props.dataModelBindings) ? c.props.dataModelBindings : {};
  for (const b of bindings) {
    if (b.required && written[b.key] === undefined) {
      sink.at(c.file, { jsonPath: [...c.jsonPath, 'id'] }, 'error', 'binding-missing', `${type} "${c.id}" needs the data model binding "${b.key}"`);
    }
  }
  if (free) return;
  for (const key of Object.keys(written)) {
    if (!bindings.some((b) => b.key === key)) sink.at(c.file, { jsonPath: [...c.jsonPath, 'dataModelBindings', key] }, 'warning', 'binding-key-unknown', `${type} has no binding "${key}"; it is ignored`);
  }
}

function bindingPath(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return isJsonObject(value) && typeof value.field === 'string' && value.dataType === undefined ? value.field : null;
}

/** Each binding points at a field of the shape its key needs; a repeating component's children bind inside its rows. */
function checkShapes(c: ComponentNode, tree: DataModelTree, byId: Map<string, ComponentNode>, sink: DiagnosticSink): void {
  const type = findComponentType(c.typeAsWritten);
  if (!type) return;
  const written = isJsonObject(c.props.dataModelBindings) ? c.props.dataModelBindings : {};
  let rowPath: string | null = null;
  for (const b of bindingsOf(type).bindings) {
    const path = bindingPath(written[b.key]);
    const field = path === null ? undefined : findField(tree, path);
    if (!field || path === null) continue;
    const at = { jsonPath: [...c.jsonPath, 'dataModelBindings', b.key] };
    if (b.shape === 'object-list' && !field.repeating) {
      sink.at(c.file, at, 'error', 'binding-not-a-list', `${type} "${c.id}" must bind "${b.key}" to a list, but "${path}" is a single ${field.type}`);
    } else if (b.shape === 'scalar' && (field.repeating || field.type === 'object')) {
      sink.at(c.file, at, 'warning', 'binding-not-a-value', `${type} "${c.id}" binds "${b.key}" to "${path}", which is ${field.repeating ? 'a list' : 'an object'}; bind a single value`);
    } else if (b.shape === 'object-list' && (b.key === 'group' || b.key === 'questions') && (type === 'RepeatingGroup' || type === 'Likert')) {
      rowPath = path;
    }
  }
  if (rowPath === null) return;
  const prefix = `${stripIndexes(rowPath)}.`;
  for (const ref of childReferencesOf(c.props)) {
    const child = byId.get(ref.id);
    const childBindings = child && isJsonObject(child.props.dataModelBindings) ? child.props.dataModelBindings : {};
    for (const [key, value] of Object.entries(childBindings)) {
      const path = bindingPath(value);
      if (child && path !== null && !stripIndexes(path).startsWith(prefix)) {
        sink.at(child.file, { jsonPath: [...child.jsonPath, 'dataModelBindings', key] }, 'warning', 'binding-outside-row', `"${child.id}" is in ${type} "${c.id}" but binds "${path}", outside its rows ("${rowPath}"), so every row shows the same value`);
      }
    }
  }
}
