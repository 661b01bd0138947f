/**
 * Reads the tasks of an Altinn process (App/config/process/process.bpmn) without a DOM: a small,
 * tolerant XML scanner that matches elements by local name, so any namespace prefix works.
 */
import { lineColumnAt } from '../text/textPosition';

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
  /** Things wrong in the file, each with its line. */
  readonly problems: readonly string[];
}

const taskElements = new Set([
  'task',
  'serviceTask',
  'userTask',
  'manualTask',
  'scriptTask',
  'sendTask',
  'receiveTask',
  'businessRuleTask',
]);

interface OpenElement {
  readonly local: string;
  readonly qname: string;
  readonly offset: number;
  /** Index in `found` when this element is a task being read. */
  readonly task?: number;
  text: string;
}

interface FoundTask {
  id: string;
  name: string;
  taskType: string | null;
  legacyType: string | null;
  element: string;
  offset: number;
}

const entity: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces XML character and entity references. */
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entity[ref] ?? whole;
  });
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

function readAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const pattern = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    attrs.set(m[1]!, decodeXml(m[2] ?? m[3] ?? ''));
  }
  return attrs;
}

/** The index of the `>` that ends the tag starting at `start`, skipping quoted attribute values. */
function tagEnd(xml: string, start: number): number {
  let quote = '';
  for (let i = start; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

/** Reads every task of the process with its id, name and Altinn task type. Never throws. */
export function readBpmnTasks(xml: string): BpmnTasksResult {
  const problems: string[] = [];
  const at = (offset: number) => `line ${lineColumnAt(xml, offset).line}`;
  const stack: OpenElement[] = [];
  const found: FoundTask[] = [];
  let sawProcess = false;
  let pos = 0;

  const addText = (text: string) => {
    const top = stack[stack.length - 1];
    if (top && top.local === 'taskType') top.text += text;
  };
  // Tasks sit in a process; an element called "task" inside extension elements is something else.
  const insideProcess = () => stack.some((e) => e.local === 'process') && !stack.some((e) => e.local === 'extensionElements');
  const currentTask = (): FoundTask | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const index = stack[i]!.task;
      if (index !== undefined) return found[index];
    }
    return undefined;
  };
  const inTaskExtension = () => stack.some((e) => e.local === 'taskExtension');

  const close = (element: OpenElement) => {
    if (element.local === 'taskType' && inTaskExtension()) {
      const task = currentTask();
      if (task && task.taskType === null) task.taskType = decodeXml(element.text).trim() || null;
    }
  };

  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      addText(xml.slice(pos));
      break;
    }
    addText(xml.slice(pos, lt));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) {
        problems.push(`${at(lt)}: a comment is not closed`);
        break;
      }
      pos = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) {
        problems.push(`${at(lt)}: a CDATA section is not closed`);
        break;
      }
      const top = stack[stack.length - 1];
      if (top && top.local === 'taskType') top.text += xml.slice(lt + 9, end);
      pos = end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      pos = end < 0 ? xml.length : end + 2;
      continue;
    }
    const end = tagEnd(xml, lt + 1);
    if (end < 0) {
      problems.push(`${at(lt)}: a tag is not closed with >`);
      break;
    }
    pos = end + 1;
    if (xml[lt + 1] === '!') continue; // DOCTYPE and other declarations carry no tasks
    const inner = xml.slice(lt + 1, end);
    if (inner.startsWith('/')) {
      const qname = inner.slice(1).trim();
      const index = stack.map((e) => e.qname).lastIndexOf(qname);
      if (index < 0) {
        problems.push(`${at(lt)}: </${qname}> has no matching start tag`);
        continue;
      }
      if (index !== stack.length - 1) {
        problems.push(`${at(stack[stack.length - 1]!.offset)}: <${stack[stack.length - 1]!.qname}> is not closed`);
      }
      while (stack.length > index) close(stack.pop()!);
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const qname = /^[^\s/>]+/.exec(body)?.[0] ?? '';
    if (!qname) {
      problems.push(`${at(lt)}: a tag has no name`);
      continue;
    }
    const local = localName(qname);
    if (local === 'process') sawProcess = true;
    let taskIndex: number | undefined;
    if (taskElements.has(local) && insideProcess()) {
      const attrs = readAttributes(body.slice(qname.length));
      let legacyType: string | null = null;
      for (const [key, value] of attrs) if (localName(key).toLowerCase() === 'tasktype') legacyType = value.trim() || null;
      taskIndex = found.length;
      found.push({ id: attrs.get('id') ?? '', name: attrs.get('name') ?? '', taskType: null, legacyType, element: local, offset: lt });
    }
    const element: OpenElement = { local, qname, offset: lt, task: taskIndex, text: '' };
    if (selfClosing) {
      stack.push(element);
      close(stack.pop()!);
    } else {
      stack.push(element);
    }
  }
  for (const open of stack) problems.push(`${at(open.offset)}: <${open.qname}> is not closed`);
  if (!sawProcess) problems.push('the file has no <process> element');

  const seen = new Set<string>();
  const tasks = found.map((t): ProcessTask => {
    if (!t.id) problems.push(`${at(t.offset)}: a <${t.element}> has no id`);
    else if (seen.has(t.id)) problems.push(`${at(t.offset)}: the task id "${t.id}" is used twice`);
    seen.add(t.id);
    const taskType = t.taskType ?? t.legacyType;
    if (taskType === null && t.id) problems.push(`${at(t.offset)}: task "${t.id}" has no altinn:taskType`);
    return { id: t.id, name: t.name, taskType, element: t.element };
  });
  return { tasks, problems };
}
