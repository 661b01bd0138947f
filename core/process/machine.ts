/**
 * The process state machine (§5.4, §5.5): start an instance's process, and move it on from its
 * current task with an action, following sequence flows through exclusive gateways to the next task
 * or an end event. Service tasks are passed through (the host runs them). Pure: gateway conditions
 * are evaluated by the caller's `evaluate` (see `gatewayExpressions.ts`), failures are typed values.
 */
import { isServiceTask, type GatewayNode, type ProcessModel, type ProcessNode, type ProcessTaskNode, type SequenceFlow, taskById } from './model';

/** Where a process is: in a task, ended at an end event, or (never started) nowhere. */
export interface MachineState {
  readonly currentTask: string | null;
  /** Counts the elements entered since the start event (Altinn's `currentTask.flow`). */
  readonly flow: number;
  readonly ended: boolean;
  readonly endEvent?: string;
}

/** One thing that happened during a move, in order; hosts turn these into instance events. */
export type ProcessStep =
  | { readonly type: 'startEvent'; readonly elementId: string }
  | { readonly type: 'endTask'; readonly task: ProcessTaskNode; readonly action: string | null }
  | { readonly type: 'startTask'; readonly task: ProcessTaskNode; readonly flow: number }
  | { readonly type: 'gateway'; readonly elementId: string; readonly flow: string }
  | { readonly type: 'endEvent'; readonly elementId: string };

export type ProcessErrorCode =
  | 'noStartEvent'
  | 'notStarted'
  | 'ended'
  | 'unknownTask'
  | 'unknownAction'
  | 'serverAction'
  | 'waitsForServiceOwner'
  | 'noFlow'
  | 'severalFlows'
  | 'conditionFailed'
  | 'unknownElement'
  | 'tooManySteps';

/** Why a process could not start or move. */
export interface ProcessError {
  readonly code: ProcessErrorCode;
  readonly message: string;
  /** The element it happened at. */
  readonly elementId?: string;
  /** For `severalFlows`: the flows that survived. */
  readonly flows?: readonly string[];
}

/** What a gateway condition is evaluated in. */
export interface GatewayScope {
  readonly gateway: GatewayNode;
  readonly flow: SequenceFlow;
  /** The action that moved the process (`["gatewayAction"]`); null at the start. */
  readonly action: string | null;
  /** The task being left; null after the start event. */
  readonly fromTask: string | null;
}

/** Evaluates one gateway condition: the value, or why it failed. */
export type ConditionEvaluator = (condition: unknown, scope: GatewayScope) => { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

export type MoveResult =
  | { readonly ok: true; readonly state: MachineState; readonly steps: readonly ProcessStep[]; readonly action: string | null }
  | { readonly ok: false; readonly error: ProcessError };

export interface StartOptions {
  /** The start event; the only one when absent. */
  readonly startEvent?: string;
  readonly evaluate?: ConditionEvaluator;
}

export interface NextOptions {
  /** The action sent to process/next; absent: the task type's default. */
  readonly action?: string | null;
  readonly evaluate?: ConditionEvaluator;
  /** The service owner (not an end user) moves the process: it may leave a feedback task. */
  readonly serviceOwner?: boolean;
}

const maxSteps = 100;

const fail = (code: ProcessErrorCode, message: string, extra: Partial<ProcessError> = {}): MoveResult => ({ ok: false, error: { code, message, ...extra } });

/** With no evaluator, a condition cannot be true: a gateway that needs one ends with "no flow". */
const noEvaluator: ConditionEvaluator = () => ({ ok: false, message: 'no expression evaluator was given' });

/** The action process/next uses for a task when the request names none (§5.3); null: users cannot move it. */
export function defaultAction(task: ProcessTaskNode): string | null {
  if (isServiceTask(task)) return 'write';
  switch (task.taskType) {
    case 'confirmation':
      return 'confirm';
    case 'signing':
      return 'sign';
    case 'payment':
      return 'pay';
    case 'feedback':
      return null;
    default:
      return 'write';
  }
}

/** Actions a task type accepts on process/next besides those its BPMN lists. */
const builtInActions: Readonly<Record<string, readonly string[]>> = {
  data: ['write'],
  confirmation: ['confirm', 'write'],
  signing: ['sign', 'write'],
  payment: ['pay', 'confirm', 'write'],
  feedback: [],
};

/** Whether `action` may move `task` on: a built-in action of its type or a listed process action. */
export function checkAction(task: ProcessTaskNode, action: string, serviceOwner = false): ProcessError | null {
  const listed = task.actions.find((a) => a.id === action);
  if (listed?.type === 'serverAction') {
    return { code: 'serverAction', message: `"${action}" is a server action of task "${task.id}": it runs the app's C# code through POST …/actions and cannot move the process`, elementId: task.id };
  }
  if (task.taskType === 'feedback' && !serviceOwner) {
    return { code: 'waitsForServiceOwner', message: `Task "${task.id}" waits for feedback from the service owner; only the service owner can move the process on`, elementId: task.id };
  }
  if (listed) return null;
  const builtIn = isServiceTask(task) ? ['write', task.taskType ?? 'write'] : task.taskType === 'feedback' ? ['write'] : (builtInActions[task.taskType ?? ''] ?? ['write']);
  if (builtIn.includes(action)) return null;
  const allowed = [...builtIn, ...task.actions.filter((a) => a.type === 'processAction').map((a) => a.id)];
  return { code: 'unknownAction', message: `The action "${action}" is not allowed in ${task.taskType ?? 'untyped'} task "${task.id}"; allowed: ${allowed.join(', ') || 'none'}`, elementId: task.id };
}

/** Whether leaving `task` with `action` runs the validators first (§5.4): not for a listed `reject`, not for service tasks. */
export function validatesOnLeave(task: ProcessTaskNode, action: string | null): boolean {
  if (isServiceTask(task)) return false;
  return !(action === 'reject' && task.actions.some((a) => a.id === 'reject'));
}

/** The flows of a gateway that survive (§5.5): conditions evaluated when any flow has one, else all. */
function filterGatewayFlows(gateway: GatewayNode, flows: readonly SequenceFlow[], scope: Omit<GatewayScope, 'gateway' | 'flow'>, evaluate: ConditionEvaluator): SequenceFlow[] | ProcessError {
  if (!flows.some((f) => f.conditionText !== null)) return [...flows];
  const kept: SequenceFlow[] = [];
  for (const flow of flows) {
    if (flow.conditionText === null) {
      kept.push(flow);
      continue;
    }
    if (flow.condition === undefined) return { code: 'conditionFailed', message: `The condition of flow "${flow.id}" is not a JSON expression: ${flow.conditionText}`, elementId: gateway.id };
    const result = evaluate(flow.condition, { ...scope, gateway, flow });
    if (!result.ok) return { code: 'conditionFailed', message: `The condition of flow "${flow.id}" failed: ${result.message}`, elementId: gateway.id };
    if (result.value === true) kept.push(flow);
  }
  // The default flow decides only between flows that survived; it is no fallback when none did.
  const preferred = kept.find((f) => f.id === gateway.defaultFlow);
  return preferred ? [preferred] : kept;
}

interface Walk {
  readonly steps: ProcessStep[];
  count: number;
}

/** The one element reached from `sourceId` through gateways, or an error. */
function follow(model: ProcessModel, sourceId: string, scope: Omit<GatewayScope, 'gateway' | 'flow'>, evaluate: ConditionEvaluator, walk: Walk): ProcessNode | ProcessError {
  const outgoing = model.outgoing.get(sourceId) ?? [];
  if (outgoing.length === 0) return { code: 'noFlow', message: `"${sourceId}" has no outgoing sequence flow`, elementId: sourceId };
  const reached: { node: ProcessNode; via: { gateway: string; flow: string }[] }[] = [];
  const visit = (flows: readonly SequenceFlow[], via: { gateway: string; flow: string }[]): ProcessError | null => {
    for (const flow of flows) {
      if (++walk.count > maxSteps) return { code: 'tooManySteps', message: `The process passed more than ${maxSteps} gateways without reaching a task; is there a loop of gateways?`, elementId: flow.id };
      const target = model.nodes.get(flow.target);
      if (!target) return { code: 'unknownElement', message: `Sequence flow "${flow.id}" leads to "${flow.target}", which is not an element of the process`, elementId: flow.id };
      if (target.kind !== 'gateway') {
        reached.push({ node: target, via });
        continue;
      }
      const gatewayFlows = model.outgoing.get(target.id) ?? [];
      const kept = filterGatewayFlows(target, gatewayFlows, scope, evaluate);
      if (!Array.isArray(kept)) return kept;
      if (kept.length === 0) {
        const why = gatewayFlows.length === 0 ? 'has no outgoing sequence flow' : `has no flow whose condition is true (action: ${scope.action ?? 'none'})`;
        return { code: 'noFlow', message: `Gateway "${target.id}" ${why}`, elementId: target.id };
      }
      if (kept.length > 1) {
        return {
          code: 'severalFlows',
          message: `Gateway "${target.id}" keeps ${kept.length} flows (${kept.map((f) => f.id).join(', ')}) and none of them is its default; exactly one is expected — make the conditions exclusive or name a default flow`,
          elementId: target.id,
          flows: kept.map((f) => f.target),
        };
      }
      const failed = visit(kept, [...via, { gateway: target.id, flow: kept[0]!.id }]);
      if (failed) return failed;
    }
    return null;
  };
  const failed = visit(outgoing, []);
  if (failed) return failed;
  if (reached.length !== 1) {
    return {
      code: reached.length === 0 ? 'noFlow' : 'severalFlows',
      message: `Leaving "${sourceId}" leads to ${reached.length} elements (${reached.map((r) => r.node.id).join(', ')}); exactly one is expected`,
      elementId: sourceId,
      flows: reached.map((r) => r.node.id),
    };
  }
  for (const { gateway, flow } of reached[0]!.via) walk.steps.push({ type: 'gateway', elementId: gateway, flow });
  return reached[0]!.node;
}

/** Enters `node` (a task or an end event); service tasks are run through by following their flows. */
function enter(model: ProcessModel, node: ProcessNode, flow: number, evaluate: ConditionEvaluator, walk: Walk): MoveResult {
  let at = node;
  let counter = flow;
  for (;;) {
    if (at.kind === 'end') {
      walk.steps.push({ type: 'endEvent', elementId: at.id });
      return { ok: true, state: { currentTask: null, flow: counter, ended: true, endEvent: at.id }, steps: walk.steps, action: null };
    }
    if (at.kind !== 'task') return fail('unknownElement', `The process cannot stop at "${at.id}" (${at.kind})`, { elementId: at.id });
    counter++;
    walk.steps.push({ type: 'startTask', task: at, flow: counter });
    if (!isServiceTask(at)) return { ok: true, state: { currentTask: at.id, flow: counter, ended: false }, steps: walk.steps, action: null };
    // A service task runs on entry and moves on by itself, with its type as the action.
    const action = at.taskType ?? 'write';
    walk.steps.push({ type: 'endTask', task: at, action });
    const next = follow(model, at.id, { action, fromTask: at.id }, evaluate, walk);
    if ('code' in next) return { ok: false, error: next };
    at = next;
  }
}

/** Starts a process: the start event, then through gateways (no action) to the first task. */
export function start(model: ProcessModel, options: StartOptions = {}): MoveResult {
  const startEvent = options.startEvent ?? model.startEvents[0];
  if (!startEvent || !model.startEvents.includes(startEvent)) return fail('noStartEvent', options.startEvent ? `The process has no start event "${options.startEvent}"` : 'The process has no start event');
  const walk: Walk = { steps: [{ type: 'startEvent', elementId: startEvent }], count: 0 };
  const evaluate = options.evaluate ?? noEvaluator;
  const first = follow(model, startEvent, { action: null, fromTask: null }, evaluate, walk);
  if ('code' in first) return { ok: false, error: first };
  return enter(model, first, 1, evaluate, walk);
}

/** Moves the process on from its current task with an action (or the task type's default). */
export function next(model: ProcessModel, state: MachineState, options: NextOptions = {}): MoveResult {
  if (state.ended) return fail('ended', `The process has ended${state.endEvent ? ` at "${state.endEvent}"` : ''}; it cannot move on`);
  if (!state.currentTask) return fail('notStarted', 'The process has not started');
  const task = taskById(model, state.currentTask);
  if (!task) return fail('unknownTask', `The current task "${state.currentTask}" is not a task of the process (was the BPMN changed?)`, { elementId: state.currentTask });
  const action = options.action ?? defaultAction(task) ?? (options.serviceOwner ? 'write' : null);
  if (action === null) {
    return fail('waitsForServiceOwner', `Task "${task.id}" waits for feedback from the service owner; only the service owner can move the process on`, { elementId: task.id });
  }
  const refused = checkAction(task, action, options.serviceOwner ?? false);
  if (refused) return { ok: false, error: refused };
  const evaluate = options.evaluate ?? noEvaluator;
  const walk: Walk = { steps: [{ type: 'endTask', task, action }], count: 0 };
  const target = follow(model, task.id, { action, fromTask: task.id }, evaluate, walk);
  if ('code' in target) return { ok: false, error: target };
  const moved = enter(model, target, state.flow, evaluate, walk);
  return moved.ok ? { ...moved, action } : moved;
}
