/**
 * The tasks of an Altinn process (App/config/process/process.bpmn), read from its XML document.
 * Elements are matched by local name, so any namespace prefix works (real apps use `bpmn:`, `bpmn2:`
 * and the default namespace), and XML syntax problems are the document's own, not repeated here.
 */
import { type TextProblem, problemAt } from '../text/textPosition';
import type { XmlDocument, XmlElement } from '../text/xmlDocument';
import { findElements } from '../text/xmlQuery';

/** A task of the process as the overview and the process area list it. */
export interface ProcessTask {
  readonly id: string;
  readonly name: string;
  /** `altinn:taskType` (data, confirmation, signing, payment, feedback, pdf, …); null when missing. */
  readonly taskType: string | null;
  /** BPMN element local name: `task`, `serviceTask`, … */
  readonly element: string;
}

export interface BpmnTasksResult {
  readonly tasks: readonly ProcessTask[];
  /** What is wrong with the tasks (ids, types), each at its element. */
  readonly problems: readonly TextProblem[];
}

const taskElements = new Set(['task', 'serviceTask', 'userTask', 'manualTask', 'scriptTask', 'sendTask', 'receiveTask', 'businessRuleTask']);

/** True when an ancestor of `el` has one of these local names. */
function hasAncestor(el: XmlElement, localNames: ReadonlySet<string>): boolean {
  for (let at = el.parent; at; at = at.parent) if (localNames.has(at.localName)) return true;
  return false;
}

const processOnly = new Set(['process']);
const extensions = new Set(['extensionElements']);

/** The Altinn task type of a task: `taskExtension/taskType`, else the legacy `altinn:tasktype` attribute. */
function taskTypeOf(task: XmlElement): string | null {
  const typeElement = findElements(task, (el) => el.localName === 'taskType' && el.parent?.localName === 'taskExtension')[0];
  const fromExtension = typeElement?.text.trim();
  if (fromExtension) return fromExtension;
  const legacy = task.attributes.find((a) => a.localName.toLowerCase() === 'tasktype')?.value.trim();
  return legacy || null;
}

const resultCache = new WeakMap<XmlDocument, BpmnTasksResult>();

/** Reads every task of the process with its id, name and Altinn task type. Never throws. */
export function readBpmnTasks(doc: XmlDocument): BpmnTasksResult {
  const cached = resultCache.get(doc);
  if (cached) return cached;
  const problems: TextProblem[] = [];
  const report = (el: XmlElement, message: string) => problems.push(problemAt(doc.text, el.start, message));
  if (findElements(doc.root, (el) => el.localName === 'process').length === 0) {
    problems.push(problemAt(doc.text, 0, 'the file has no <process> element'));
  }
  // A task sits in a process; an element called "task" inside extension elements is something else.
  const found = findElements(doc.root, (el) => taskElements.has(el.localName) && hasAncestor(el, processOnly) && !hasAncestor(el, extensions));
  const seen = new Set<string>();
  const tasks = found.map((el): ProcessTask => {
    const id = el.attributes.find((a) => a.name === 'id')?.value ?? '';
    if (!id) report(el, `a <${el.name}> has no id`);
    else if (seen.has(id)) report(el, `the task id "${id}" is used twice`);
    seen.add(id);
    const taskType = taskTypeOf(el);
    if (taskType === null && id) report(el, `task "${id}" has no altinn:taskType`);
    return { id, name: el.attributes.find((a) => a.name === 'name')?.value ?? '', taskType, element: el.localName };
  });
  const result = { tasks, problems };
  resultCache.set(doc, result);
  return result;
}
