/**
 * The process engine host (§5.3, §5.4): starts an instance's process at creation and moves it on
 * with process/next — authorise the action, validate the task, end it (receipt PDF, a signing task's
 * signing PDF, locked data),
 * follow the BPMN through gateways (core/process), start the next task (unlocked and auto-created
 * data) or end the process — each state change one `storage.updateInstance`, each move recorded
 * as instance events.
 */
import { randomUUID } from 'node:crypto';
import { gatewayExpressionEvaluator, next, readProcessModel, start, taskById, validatesOnLeave, type MachineState, type ProcessModel, type ProcessStep, type ProcessTaskNode } from '../../core/process';
import { isJsonObject } from '../../core/text/jsonDocument';
import type { AppModel } from '../../core/app/model/types';
import { dataTypes, freshModel } from './appData';
import { actionsFor, authorizeAction } from './authorization';
import { HttpError, type RouteContext, type RouteResult } from './http';
import { createReceiptPdf } from './pdfElement';
import { formDataOf, validateTask } from './processEngineValidation';
import { prefillFromRegistry, type PrefillSubject } from './registryPrefill';
import { enterSigningTask, signingIssues, signingTaskOf } from './signing';
import type { CurrentTask, DataElement, Instance, InstanceEvent, ProcessState } from './storage';

/** The process model of the app, or a 409 when it has none (then nothing can move). */
export function processModelOf(app: AppModel): ProcessModel | null {
  return app.process ? readProcessModel(app.process.doc) : null;
}

/** The data type a task's layout set reads (gateway expressions fall back to it). */
function dataTypeOfTask(app: AppModel, taskId: string): string | null {
  return app.uiFolders.find((f) => f.taskIds.includes(taskId))?.defaultDataType ?? null;
}

function currentTaskOf(task: ProcessTaskNode, flow: number, now: string): CurrentTask {
  return { elementId: task.id, name: task.name, altinnTaskType: task.taskType, flow, started: now, flowType: 'CompleteCurrentMoveToNext' };
}

/** The single place process/next checks that the user may perform `action` in the instance's current task (policy.xml, §5.10): 401/403 otherwise. */
export function requireActionAllowed(ctx: RouteContext, instance: Instance, action: string): void {
  authorizeAction(ctx, instance, action);
}

/**
 * The data elements (and their content) a task creates on entry: form types of the task with
 * `appLogic.autoCreate` not yet present, prefilled from the registers for `subject` as app-lib does
 * whenever a task creates its data (at instantiation and on entering a later task).
 */
export function autoCreatedElements(
  app: AppModel,
  instanceGuid: string,
  taskId: string,
  existing: readonly DataElement[],
  now: string,
  subject: PrefillSubject,
): { elements: DataElement[]; contents: Map<string, unknown> } {
  const contents = new Map<string, unknown>();
  const elements = dataTypes(app)
    .filter((t) => t.taskId === taskId && isJsonObject(t.appLogic) && t.appLogic.autoCreate === true && !existing.some((d) => d.dataType === t.id))
    .map((t): DataElement => {
      const content = prefillFromRegistry(app, t.id as string, subject, freshModel(app, t.id as string, {}));
      const element: DataElement = { id: randomUUID(), instanceGuid, dataType: t.id as string, contentType: 'application/xml', size: JSON.stringify(content).length, locked: false, refs: [], tags: [], isRead: true, created: now, lastChanged: now };
      contents.set(element.id, content);
      return element;
    });
  return { elements, contents };
}

/** The process state of a new instance: the start event, gateways followed on fresh (prefilled) models, the first task. */
export function startProcess(app: AppModel, now: string): { process: ProcessState; steps: readonly ProcessStep[] } {
  const model = processModelOf(app);
  if (!model) return { process: { started: now, currentTask: null }, steps: [] };
  const dataModels = Object.fromEntries(dataTypes(app).filter((t) => isJsonObject(t.appLogic)).map((t) => [t.id as string, freshModel(app, t.id as string, {})]));
  const result = start(model, { evaluate: gatewayExpressionEvaluator({ dataModels, dataTypeOfTask: (id) => dataTypeOfTask(app, id) }) });
  if (!result.ok) throw new HttpError(500, `The process cannot start: ${result.error.message}`);
  const entered = [...result.steps].reverse().find((s) => s.type === 'startTask');
  const process: ProcessState = {
    started: now,
    ...(model.startEvents[0] ? { startEvent: model.startEvents[0] } : {}),
    currentTask: entered?.type === 'startTask' ? currentTaskOf(entered.task, entered.flow, now) : null,
    ...(result.state.ended ? { ended: now, endEvent: result.state.endEvent! } : {}),
  };
  return { process, steps: result.steps };
}

const eventTypes: Readonly<Record<ProcessStep['type'], string | null>> = { startEvent: 'process_StartEvent', startTask: 'process_StartTask', endTask: 'process_EndTask', endEvent: 'process_EndEvent', gateway: null };

/** Records the steps of a move as instance events (plus `Submited` when the process ended). */
export async function recordSteps(ctx: RouteContext, instanceId: string, steps: readonly ProcessStep[], now: string): Promise<void> {
  const user = ctx.user ? { ...(ctx.user.userId !== undefined ? { userId: ctx.user.userId } : {}), partyId: ctx.user.partyId } : undefined;
  const event = (eventType: string, processInfo?: unknown): InstanceEvent => ({ id: randomUUID(), instanceId, eventType, created: now, ...(user ? { user } : {}), ...(processInfo ? { processInfo } : {}) });
  for (const step of steps) {
    const type = eventTypes[step.type];
    if (!type) continue;
    const elementId = step.type === 'startTask' || step.type === 'endTask' ? step.task.id : step.elementId;
    await ctx.storage.appendEvent(event(type, { elementId, ...(step.type === 'endTask' && step.action ? { action: step.action } : {}) }));
    if (step.type === 'endEvent') await ctx.storage.appendEvent(event('Submited'));
  }
}

/** Whether the user is the app's service owner: an organisation (no person) the registry names as owner `org` (only it leaves feedback tasks). */
function isServiceOwner(ctx: RouteContext): boolean {
  const user = ctx.user;
  if (!user?.organisationNumber || user.userId !== undefined) return false;
  return ctx.services.people?.organisations.find((o) => o.orgNumber === user.organisationNumber)?.serviceOwner === ctx.org;
}

/** The move refused, as Altinn answers it: 409 with the reason (and validation issues when those are why). */
function conflict(message: string, extra: Record<string, unknown> = {}): RouteResult {
  return { status: 409, body: { status: 409, title: message, detail: message, message, ...extra } };
}

/** Data types whose elements Altinn renders into the receipt PDF at the end of a data task (v8). */
function hasPdfData(app: AppModel, taskId: string): boolean {
  return dataTypes(app).some((t) => t.taskId === taskId && isJsonObject(t.appLogic) && t.enablePdfCreation !== false);
}

/** process/next: moves the instance on with `requested` (or the task type's default action). */
export async function moveNext(ctx: RouteContext, instance: Instance, requested: string | null): Promise<RouteResult> {
  const model = processModelOf(ctx.app);
  if (!model) return conflict('The app has no process (App/config/process/process.bpmn), so the process cannot move');
  const current = instance.process.currentTask;
  const state: MachineState = { currentTask: current?.elementId ?? null, flow: current?.flow ?? 1, ended: Boolean(instance.process.ended), ...(instance.process.endEvent ? { endEvent: instance.process.endEvent } : {}) };
  const task = taskById(model, state.currentTask);
  const serviceOwner = isServiceOwner(ctx);
  const { data } = await formDataOf(ctx, instance);
  const evaluate = gatewayExpressionEvaluator({ dataModels: data, dataTypeOfTask: (id) => dataTypeOfTask(ctx.app, id), instance: { id: instance.id, data: instance.data } });
  const planned = next(model, state, { action: requested, evaluate, serviceOwner });
  if (!planned.ok) {
    const status = planned.error.code === 'serverAction' || planned.error.code === 'unknownAction' ? 400 : 409;
    return status === 400 ? { status, body: { status, message: planned.error.message, code: planned.error.code } } : conflict(planned.error.message, { code: planned.error.code });
  }
  requireActionAllowed(ctx, instance, planned.action ?? 'write');
  if (task && validatesOnLeave(task, planned.action)) {
    const issues = await validateTask(ctx, instance, task.id, ctx.query.get('language') ?? 'nb');
    issues.push(...(await signingIssues(ctx, instance, task, requested)));
    const errors = issues.filter((i) => i.severity === 1);
    if (errors.length > 0) return conflict(`Validation failed for task ${task.id}: ${errors.length} error${errors.length === 1 ? '' : 's'}`, { validationIssues: issues });
  }
  const now = new Date().toISOString();
  // The PDF service stores its element itself; the update below reads the instance as stored.
  if (task?.taskType === 'data' && hasPdfData(ctx.app, task.id)) await createReceiptPdf(ctx, instance, task.id);
  // A signing task with signingPdfDataType leaves the PDF of what was signed, and by whom, as that type (§5.6).
  const signingPdfType = task && validatesOnLeave(task, planned.action) ? signingTaskOf(ctx, instance, task.id)?.config.signingPdfDataType : null;
  if (task && signingPdfType) await createReceiptPdf(ctx, instance, task.id, signingPdfType);
  const ended = planned.steps.filter((s): s is Extract<ProcessStep, { type: 'endTask' }> => s.type === 'endTask').map((s) => s.task.id);
  const entered = planned.steps.filter((s): s is Extract<ProcessStep, { type: 'startTask' }> => s.type === 'startTask');
  const last = entered[entered.length - 1];
  const typesOf = (taskIds: readonly string[]) => new Set(dataTypes(ctx.app).filter((t) => typeof t.taskId === 'string' && taskIds.includes(t.taskId)).map((t) => t.id as string));
  const lockTypes = typesOf(ended);
  const unlockTypes = typesOf(last && !planned.state.ended ? [last.task.id] : []);
  let moved = false;
  const updated = await ctx.storage.updateInstance(instance.id, (stored) => {
    // Someone else moved it since we read it: leave it.
    if (stored.process.currentTask?.elementId !== current?.elementId || stored.process.currentTask?.flow !== current?.flow || stored.process.ended) return null;
    moved = true;
    const process: ProcessState = {
      ...stored.process,
      currentTask: last && !planned.state.ended ? currentTaskOf(last.task, last.flow, now) : null,
      ...(planned.state.ended ? { ended: now, endEvent: planned.state.endEvent! } : {}),
    };
    const data = stored.data.map((d) => (unlockTypes.has(d.dataType) ? { ...d, locked: false } : lockTypes.has(d.dataType) ? { ...d, locked: true } : d));
    const status = planned.state.ended ? { ...stored.status, isArchived: true, archived: now } : stored.status;
    return { ...stored, process, data, status, lastChanged: now, ...(ctx.user ? { lastChangedBy: String(ctx.user.userId ?? ctx.user.partyId) } : {}) };
  });
  if (!updated) throw new HttpError(404, `The instance "${instance.id}" does not exist`);
  if (!moved) return conflict(`The process of ${instance.id} was moved by another request; reload it and try again`);
  let result = updated;
  if (last && !planned.state.ended) {
    const subject = { user: ctx.user, party: result.instanceOwner.partyId, people: ctx.services.people };
    const { elements, contents } = autoCreatedElements(ctx.app, instance.id.split('/')[1]!, last.task.id, result.data, now, subject);
    for (const element of elements) result = (await ctx.storage.addData(instance.id, element, contents.get(element.id), now)) ?? result;
    // A signing task with signeeStatesDataTypeId starts with its signees' states.
    result = await enterSigningTask(ctx, result, last.task.id);
  }
  await recordSteps(ctx, instance.id, planned.steps, now);
  return { status: 200, body: processStateJson(ctx, result) };
}

/** The process state as `GET …/process` returns it (§5.9): the stored state with the user's permissions in the task and the task list. */
export function processStateJson(ctx: RouteContext, instance: Instance): Record<string, unknown> {
  const model = processModelOf(ctx.app);
  const process = instance.process;
  const processTasks = model ? [...model.nodes.values()].filter((n): n is ProcessTaskNode => n.kind === 'task').map((t) => ({ elementId: t.id, altinnTaskType: t.taskType })) : [];
  if (!process.currentTask) return { ...process, currentTask: null, processTasks, ended: process.ended ?? null, endEvent: process.endEvent ?? null };
  const task = model ? taskById(model, process.currentTask.elementId) : undefined;
  const permissions = actionsFor(ctx, instance, process.currentTask.elementId);
  return {
    ...process,
    currentTask: { ...process.currentTask, elementType: task?.element === 'serviceTask' ? 'ServiceTask' : 'Task', ...permissions },
    processTasks,
    ended: null,
    endEvent: null,
  };
}
