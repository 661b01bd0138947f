/**
 * Changes of the app's content outside the layouts: texts by language and key, data model fields
 * (read from `*.schema.json` by the data model reader), process tasks and flows (read from the BPMN
 * by the process reader), and options lists by value.
 */
import { readBpmnTasks } from '../app/bpmnTasks';
import type { AppModel, XmlFile } from '../app/model/types';
import { allFields, fieldTreeFromJsonSchema, type DataModelField } from '../datamodel';
import { isJsonObject, jsonEqual } from '../merge/jsonValue';
import { matchSequences } from '../merge/sequenceDiff';
import { descendantsByLocalName } from '../text/xmlQuery';
import type { TextsByLanguage } from './layoutChanges';
import type { DataModelChanges, FieldChange, FlowChange, OptionChange, OptionsChanges, ProcessChanges, TaskChange, TextChange } from './types';
import { readableValue } from './valueChanges';

/** Changed pairs of two keyed maps: added, removed and differing entries, in first-seen order. */
function keyedChanges<T, C>(before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>, same: (a: T, b: T) => boolean, make: (key: string, a: T | undefined, b: T | undefined) => C): C[] {
  const out: C[] = [];
  for (const [key, a] of before) {
    const b = after.get(key);
    if (b === undefined || !same(a, b)) out.push(make(key, a, b));
  }
  for (const [key, b] of after) if (!before.has(key)) out.push(make(key, undefined, b));
  return out;
}

const changeOf = (a: unknown, b: unknown) => (a === undefined ? 'added' : b === undefined ? 'removed' : 'changed');

/** Texts added, removed or changed, by language and key. */
export function textChanges(before: TextsByLanguage, after: TextsByLanguage): TextChange[] {
  const empty = new Map<string, string>();
  const languages = [...new Set([...before.keys(), ...after.keys()])].sort();
  return languages.flatMap((language) =>
    keyedChanges(before.get(language) ?? empty, after.get(language) ?? empty, (a, b) => a === b, (key, a, b) => ({ language, key, before: a ?? null, after: b ?? null })),
  );
}

/** A field as one line: `string, required, maxLength 20`. */
export function fieldText(field: DataModelField): string {
  const parts: string[] = [field.repeating ? `list of ${field.itemType ?? 'unknown'}` : field.type];
  if (field.nullable) parts.push('nullable');
  for (const [rule, value] of Object.entries(field.restrictions)) {
    if (value === undefined || value === false) continue;
    parts.push(value === true ? rule : `${rule} ${readableValue(value)}`);
  }
  return parts.join(', ');
}

function fieldsOf(schema: unknown): Map<string, string> {
  return new Map(allFields(fieldTreeFromJsonSchema(schema)).map((f) => [f.path, fieldText(f)]));
}

/** Field changes of each data model whose JSON schema differs. */
export function dataModelChanges(before: AppModel, after: AppModel): DataModelChanges[] {
  const out: DataModelChanges[] = [];
  const ids = [...new Set([...before.models, ...after.models].map((m) => m.id))].sort();
  for (const modelId of ids) {
    const [a, b] = [before.models.find((m) => m.id === modelId)?.schema, after.models.find((m) => m.id === modelId)?.schema];
    if (!a && !b) continue;
    if (a && b && a.doc.text === b.doc.text) continue;
    const fields = keyedChanges(a ? fieldsOf(a.doc.value) : new Map(), b ? fieldsOf(b.doc.value) : new Map(), (x, y) => x === y, (path, x, y): FieldChange => ({
      path,
      change: changeOf(x, y),
      ...(x === undefined ? {} : { before: x }),
      ...(y === undefined ? {} : { after: y }),
    }));
    if (fields.length > 0) out.push({ modelId, path: (b ?? a)!.path, fields });
  }
  return out;
}

function tasksOf(file: XmlFile | null): Map<string, string> {
  if (!file) return new Map();
  return new Map(readBpmnTasks(file.doc).tasks.filter((t) => t.id).map((t) => [t.id, `${t.name || t.id} (${t.taskType ?? t.element})`]));
}

function flowsOf(file: XmlFile | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const flow of descendantsByLocalName(file?.doc.root ?? null, 'sequenceFlow')) {
    const attr = (name: string) => flow.attributes.find((a) => a.localName === name)?.value ?? '';
    const condition = descendantsByLocalName(flow, 'conditionExpression')[0]?.text.trim();
    const id = attr('id') || `${attr('sourceRef')}->${attr('targetRef')}`;
    out.set(id, `${attr('sourceRef')} → ${attr('targetRef')}${condition ? ` [${condition}]` : ''}`);
  }
  return out;
}

/** Tasks and flows of the process added, removed or changed; null when the process file is the same. */
export function processChanges(before: AppModel, after: AppModel): ProcessChanges | null {
  if (before.process?.doc.text === after.process?.doc.text) return null;
  const describe = <C>(key: string, a: string | undefined, b: string | undefined) =>
    ({ id: key, change: changeOf(a, b), ...(a === undefined ? {} : { before: a }), ...(b === undefined ? {} : { after: b }) }) as C;
  const same = (a: string, b: string) => a === b;
  const tasks = keyedChanges(tasksOf(before.process), tasksOf(after.process), same, describe<TaskChange>);
  const flows = keyedChanges(flowsOf(before.process), flowsOf(after.process), same, describe<FlowChange>);
  return tasks.length > 0 || flows.length > 0 ? { tasks, flows } : null;
}

function optionsOf(value: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!Array.isArray(value)) return out;
  for (const option of value) if (isJsonObject(option) && !out.has(String(option.value))) out.set(String(option.value), option);
  return out;
}

function optionText(option: unknown, other: unknown): string {
  const label = isJsonObject(option) ? option.label : undefined;
  const otherLabel = isJsonObject(other) ? other.label : undefined;
  return label !== undefined && label !== otherLabel ? readableValue(label) : readableValue(option);
}

/** Options added, removed, changed or moved in each options list, by value. */
export function optionsChanges(before: AppModel, after: AppModel): OptionsChanges[] {
  const out: OptionsChanges[] = [];
  const ids = [...new Set([...before.options, ...after.options].map((o) => o.id))].sort();
  for (const id of ids) {
    const [a, b] = [before.options.find((o) => o.id === id)?.file, after.options.find((o) => o.id === id)?.file];
    if (a && b && a.doc.text === b.doc.text) continue;
    const [x, y] = [optionsOf(a?.doc.value), optionsOf(b?.doc.value)];
    const options: OptionChange[] = keyedChanges(x, y, jsonEqual, (value, p, q) => ({
      value,
      change: changeOf(p, q),
      ...(p === undefined ? {} : { before: optionText(p, q) }),
      ...(q === undefined ? {} : { after: optionText(q, p) }),
    }));
    const changed = new Set(options.map((o) => o.value));
    const kept = [...x.keys()].filter((key) => y.has(key));
    const match = matchSequences(kept, [...y.keys()].filter((key) => x.has(key)));
    kept.forEach((value, i) => {
      if (match[i]! < 0 && !changed.has(value)) options.push({ value, change: 'moved' });
    });
    if (options.length > 0) out.push({ id, path: (b ?? a)!.path, options });
  }
  return out;
}
