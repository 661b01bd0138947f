/**
 * The BPMN subset Altinn's process engine runs (§5.1, §5.2), read from the process document into a
 * model the state machine walks: start events, tasks with their `altinn:taskExtension`, exclusive
 * gateways, end events and sequence flows. Elements match by local name, so any prefix works.
 * Reading never throws; what the engine would trip over is listed in `problems`.
 */
import type { XmlDocument, XmlElement } from '../text/xmlDocument';
import { attributeValue, childrenByLocalName, findElements, firstChild } from '../text/xmlQuery';

/** An action listed in a task: `processAction` drives process/next, `serverAction` runs C# code via `POST …/actions`. */
export interface TaskAction {
  readonly id: string;
  readonly type: 'processAction' | 'serverAction';
}

/** `altinn:signatureConfig` (§5.6). */
export interface SignatureConfig {
  readonly dataTypesToSign: readonly string[];
  readonly signatureDataType: string | null;
  readonly uniqueFromSignaturesInDataTypes: readonly string[];
  readonly signeeProviderId: string | null;
  readonly signeeStatesDataTypeId: string | null;
  readonly signingPdfDataType: string | null;
  readonly runDefaultValidator: boolean;
}

/** `altinn:paymentConfig` (§5.7). */
export interface PaymentConfig {
  readonly paymentDataType: string | null;
  readonly paymentReceiptPdfDataType: string | null;
}

export interface ProcessTaskNode {
  readonly kind: 'task';
  readonly id: string;
  readonly name: string;
  /** `task`, or `serviceTask` for tasks the engine runs itself (pdf, eFormidling, …). */
  readonly element: string;
  /** `altinn:taskType`; null when missing. */
  readonly taskType: string | null;
  readonly actions: readonly TaskAction[];
  readonly signatureConfig: SignatureConfig | null;
  readonly paymentConfig: PaymentConfig | null;
}

export interface GatewayNode {
  readonly kind: 'gateway';
  readonly id: string;
  readonly name: string;
  /** Id of the flow followed when it is among those that survive the conditions. */
  readonly defaultFlow: string | null;
  /** The data type whose element `["dataModel", …]` reads. */
  readonly connectedDataTypeId: string | null;
  /**
   * The ids in its `<bpmn:outgoing>` elements. Altinn's engine leaves a gateway by these flows (a
   * task by the flows whose sourceRef names it), so a flow listed here leaves the gateway even when
   * its sourceRef is wrong; none listed: the flows whose sourceRef names the gateway.
   */
  readonly outgoingIds: readonly string[];
}

export interface EventNode {
  readonly kind: 'start' | 'end';
  readonly id: string;
  readonly name: string;
}

export type ProcessNode = ProcessTaskNode | GatewayNode | EventNode;

/** A sequence flow; `condition` is the parsed expression, `conditionText` what was written. */
export interface SequenceFlow {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly conditionText: string | null;
  /** The parsed condition; undefined when there is none or it is not valid JSON (see `problems`). */
  readonly condition: unknown;
  /** Legacy `altinn:flowtype`. */
  readonly flowType: string | null;
}

export interface ProcessModel {
  readonly startEvents: readonly string[];
  readonly nodes: ReadonlyMap<string, ProcessNode>;
  readonly flows: readonly SequenceFlow[];
  /** Outgoing flows by element id, in document order; a gateway's are those it lists (see GatewayNode.outgoingIds). */
  readonly outgoing: ReadonlyMap<string, readonly SequenceFlow[]>;
  /** What the engine would fail on (dangling references, unparsable conditions, several start events). */
  readonly problems: readonly string[];
}

const taskNames = new Set(['task', 'serviceTask', 'userTask', 'manualTask', 'scriptTask', 'sendTask', 'receiveTask', 'businessRuleTask']);

const textOf = (el: XmlElement | undefined): string | null => {
  const text = el?.text.trim();
  return text ? text : null;
};

/** Texts of `parent/<listName>/<itemName>*`. */
function listOf(parent: XmlElement, listName: string, itemName: string): string[] {
  const list = firstChild(parent, listName);
  return list ? childrenByLocalName(list, itemName).map((el) => el.text.trim()).filter((t) => t.length > 0) : [];
}

function signatureConfigOf(extension: XmlElement): SignatureConfig | null {
  const config = firstChild(extension, 'signatureConfig');
  if (!config) return null;
  return {
    dataTypesToSign: listOf(config, 'dataTypesToSign', 'dataType'),
    signatureDataType: textOf(firstChild(config, 'signatureDataType')),
    uniqueFromSignaturesInDataTypes: listOf(config, 'uniqueFromSignaturesInDataTypes', 'dataType'),
    signeeProviderId: textOf(firstChild(config, 'signeeProviderId')),
    signeeStatesDataTypeId: textOf(firstChild(config, 'signeeStatesDataTypeId')),
    signingPdfDataType: textOf(firstChild(config, 'signingPdfDataType')),
    runDefaultValidator: textOf(firstChild(config, 'runDefaultValidator'))?.toLowerCase() === 'true',
  };
}

function paymentConfigOf(extension: XmlElement): PaymentConfig | null {
  const config = firstChild(extension, 'paymentConfig');
  if (!config) return null;
  return { paymentDataType: textOf(firstChild(config, 'paymentDataType')), paymentReceiptPdfDataType: textOf(firstChild(config, 'paymentReceiptPdfDataType')) };
}

function taskOf(el: XmlElement, id: string): ProcessTaskNode {
  const extension = findElements(el, (x) => x.localName === 'taskExtension')[0];
  const legacyType = el.attributes.find((a) => a.localName.toLowerCase() === 'tasktype')?.value.trim() || null;
  const actionsList = extension ? firstChild(extension, 'actions') : undefined;
  const actions = actionsList
    ? childrenByLocalName(actionsList, 'action')
        .map((a): TaskAction => ({ id: a.text.trim(), type: attributeValue(a, 'type') === 'serverAction' ? 'serverAction' : 'processAction' }))
        .filter((a) => a.id.length > 0)
    : [];
  return {
    kind: 'task',
    id,
    name: attributeValue(el, 'name') ?? '',
    element: el.localName,
    taskType: (extension ? textOf(firstChild(extension, 'taskType')) : null) ?? legacyType,
    actions,
    signatureConfig: extension ? signatureConfigOf(extension) : null,
    paymentConfig: extension ? paymentConfigOf(extension) : null,
  };
}

function parseCondition(text: string | null, flowId: string, problems: string[]): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    problems.push(`the condition of sequence flow "${flowId}" is not a JSON expression: ${text}`);
    return undefined;
  }
}

const modelCache = new WeakMap<XmlDocument, ProcessModel>();

/** Reads the process of a BPMN document into a model. Never throws. */
export function readProcessModel(doc: XmlDocument): ProcessModel {
  const cached = modelCache.get(doc);
  if (cached) return cached;
  const problems: string[] = [];
  const process = findElements(doc.root, (el) => el.localName === 'process')[0] ?? null;
  if (!process) problems.push('the file has no <process> element');
  const nodes = new Map<string, ProcessNode>();
  const flows: SequenceFlow[] = [];
  const startEvents: string[] = [];
  for (const el of process?.children ?? []) {
    const id = attributeValue(el, 'id') ?? '';
    const name = attributeValue(el, 'name') ?? '';
    if (el.localName === 'sequenceFlow') {
      const conditionText = textOf(firstChild(el, 'conditionExpression'));
      flows.push({
        id,
        source: attributeValue(el, 'sourceRef') ?? '',
        target: attributeValue(el, 'targetRef') ?? '',
        conditionText,
        condition: parseCondition(conditionText, id, problems),
        flowType: el.attributes.find((a) => a.localName.toLowerCase() === 'flowtype')?.value ?? null,
      });
      continue;
    }
    let node: ProcessNode | null = null;
    if (taskNames.has(el.localName)) node = taskOf(el, id);
    else if (el.localName === 'exclusiveGateway') {
      const extension = findElements(el, (x) => x.localName === 'gatewayExtension')[0];
      node = {
        kind: 'gateway',
        id,
        name,
        defaultFlow: attributeValue(el, 'default') ?? null,
        connectedDataTypeId: extension ? textOf(firstChild(extension, 'connectedDataTypeId')) : null,
        outgoingIds: childrenByLocalName(el, 'outgoing').map((o) => o.text.trim()).filter((t) => t.length > 0),
      };
    } else if (el.localName === 'startEvent' || el.localName === 'endEvent') node = { kind: el.localName === 'startEvent' ? 'start' : 'end', id, name };
    else if (el.localName.endsWith('Gateway') || el.localName === 'subProcess') problems.push(`<${el.localName}> "${id}" is not supported by Altinn's process engine`);
    if (!node) continue;
    if (!id) problems.push(`a <${el.localName}> has no id`);
    else if (nodes.has(id)) problems.push(`the id "${id}" is used twice`);
    else nodes.set(id, node);
    if (node.kind === 'start' && id) startEvents.push(id);
  }
  if (process && startEvents.length === 0) problems.push('the process has no start event');
  if (startEvents.length > 1) problems.push(`the process has ${startEvents.length} start events; Altinn expects one`);
  const outgoing = new Map<string, SequenceFlow[]>();
  for (const flow of flows) {
    if (!nodes.has(flow.source)) problems.push(`sequence flow "${flow.id}" starts at "${flow.source}", which is not an element of the process`);
    if (!nodes.has(flow.target)) problems.push(`sequence flow "${flow.id}" leads to "${flow.target}", which is not an element of the process`);
    const from = nodes.get(flow.source);
    if (from?.kind === 'gateway' && from.outgoingIds.length > 0) continue;
    outgoing.set(flow.source, [...(outgoing.get(flow.source) ?? []), flow]);
  }
  for (const node of nodes.values()) {
    if (node.kind !== 'gateway' || node.outgoingIds.length === 0) continue;
    const listed = new Set(node.outgoingIds);
    const leaving = flows.filter((f) => listed.has(f.id));
    for (const id of listed) if (!leaving.some((f) => f.id === id)) problems.push(`gateway "${node.id}" lists the outgoing flow "${id}", which is not a sequence flow of the process`);
    for (const f of leaving) if (f.source !== node.id) problems.push(`sequence flow "${f.id}" leaves gateway "${node.id}" (listed as its outgoing flow) but its sourceRef is "${f.source}"`);
    if (leaving.length > 0) outgoing.set(node.id, leaving);
  }
  for (const node of nodes.values()) {
    if (node.kind !== 'end' && !outgoing.has(node.id)) problems.push(`"${node.id}" has no outgoing sequence flow`);
    if (node.kind === 'gateway' && node.defaultFlow && !outgoing.get(node.id)?.some((f) => f.id === node.defaultFlow)) {
      problems.push(`the default flow "${node.defaultFlow}" of gateway "${node.id}" is not one of its outgoing flows`);
    }
  }
  const model: ProcessModel = { startEvents, nodes, flows, outgoing, problems };
  modelCache.set(doc, model);
  return model;
}

/** The tasks of a model in document order. */
export function processTasks(model: ProcessModel): ProcessTaskNode[] {
  return [...model.nodes.values()].filter((n): n is ProcessTaskNode => n.kind === 'task');
}

/** The task with this id, or undefined. */
export function taskById(model: ProcessModel, id: string | null | undefined): ProcessTaskNode | undefined {
  const node = id ? model.nodes.get(id) : undefined;
  return node?.kind === 'task' ? node : undefined;
}

/** Service tasks run by the engine on entry (§5.8); user tasks wait for process/next. */
export function isServiceTask(task: ProcessTaskNode): boolean {
  return task.element === 'serviceTask';
}
