import { describe, expect, it } from 'vitest';
import { parseXml } from '../text/xmlDocument';
import { gatewayExpressionEvaluator } from './gatewayExpressions';
import { next, start, validatesOnLeave, type MachineState } from './machine';
import { readProcessModel, taskById } from './model';

const wrap = (body: string) => `<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P">${body}</bpmn:process>
</bpmn:definitions>`;

const task = (id: string, type: string, extra = '') =>
  `<bpmn:task id="${id}" name="${id} name"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>${type}</altinn:taskType>${extra}</altinn:taskExtension></bpmn:extensionElements></bpmn:task>`;
const flow = (id: string, from: string, to: string, condition?: string) =>
  condition ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression>${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>` : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

const modelOf = (body: string) => readProcessModel(parseXml(wrap(body)));

// Appendix C of the format reference: fill, then review only for companies.
const reviewApp = modelOf(
  [
    '<bpmn:startEvent id="Start" />',
    task('Task_Fill', 'data'),
    '<bpmn:exclusiveGateway id="GW"><bpmn:extensionElements><altinn:gatewayExtension><altinn:connectedDataTypeId>model</altinn:connectedDataTypeId></altinn:gatewayExtension></bpmn:extensionElements></bpmn:exclusiveGateway>',
    task('Task_Review', 'data', '<altinn:actions><altinn:action>reject</altinn:action><altinn:action type="serverAction">lookup</altinn:action></altinn:actions>'),
    '<bpmn:endEvent id="End" />',
    flow('f1', 'Start', 'Task_Fill'),
    flow('f2', 'Task_Fill', 'GW'),
    flow('f3', 'GW', 'Task_Review', '["equals", ["dataModel", "applicant.isCompany"], true]'),
    flow('f4', 'GW', 'End', '["notEquals", ["dataModel", "applicant.isCompany"], true]'),
    flow('f5', 'Task_Review', 'End'),
  ].join(''),
);

const inTask = (taskId: string, flowNumber = 2): MachineState => ({ currentTask: taskId, flow: flowNumber, ended: false });

describe('readProcessModel', () => {
  it('reads tasks with their extension, gateways, flows and events', () => {
    expect(reviewApp.problems).toEqual([]);
    expect(reviewApp.startEvents).toEqual(['Start']);
    const review = taskById(reviewApp, 'Task_Review')!;
    expect(review.taskType).toBe('data');
    expect(review.actions).toEqual([
      { id: 'reject', type: 'processAction' },
      { id: 'lookup', type: 'serverAction' },
    ]);
    expect(reviewApp.nodes.get('GW')).toMatchObject({ kind: 'gateway', connectedDataTypeId: 'model', defaultFlow: null });
    expect(reviewApp.outgoing.get('GW')!.map((f) => f.condition)).toEqual([
      ['equals', ['dataModel', 'applicant.isCompany'], true],
      ['notEquals', ['dataModel', 'applicant.isCompany'], true],
    ]);
  });

  it('reads signing and payment configuration', () => {
    const model = modelOf(
      '<bpmn:startEvent id="S" />' +
        task(
          'Sign',
          'signing',
          '<altinn:signatureConfig><altinn:dataTypesToSign><altinn:dataType>ref-data-as-pdf</altinn:dataType><altinn:dataType>model</altinn:dataType></altinn:dataTypesToSign><altinn:signatureDataType>sig</altinn:signatureDataType><altinn:runDefaultValidator>true</altinn:runDefaultValidator></altinn:signatureConfig>',
        ) +
        task('Pay', 'payment', '<altinn:paymentConfig><altinn:paymentDataType>paymentInformation</altinn:paymentDataType><altinn:paymentReceiptPdfDataType>receipt</altinn:paymentReceiptPdfDataType></altinn:paymentConfig>') +
        '<bpmn:endEvent id="E" />' + flow('a', 'S', 'Sign') + flow('b', 'Sign', 'Pay') + flow('c', 'Pay', 'E'),
    );
    expect(taskById(model, 'Sign')!.signatureConfig).toMatchObject({ dataTypesToSign: ['ref-data-as-pdf', 'model'], signatureDataType: 'sig', runDefaultValidator: true, signeeProviderId: null });
    expect(taskById(model, 'Pay')!.paymentConfig).toEqual({ paymentDataType: 'paymentInformation', paymentReceiptPdfDataType: 'receipt' });
  });

  it('lists what the engine would trip over', () => {
    const model = modelOf('<bpmn:startEvent id="S" /><bpmn:parallelGateway id="PG" />' + task('T', 'data') + flow('a', 'S', 'T') + flow('b', 'T', 'Nowhere', '["equals", 1'));
    expect(model.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('parallelGateway'),
        expect.stringContaining('"Nowhere", which is not an element'),
        expect.stringContaining('condition of sequence flow "b" is not a JSON expression'),
      ]),
    );
  });
});

describe('the process state machine', () => {
  const evaluateWith = (model: Record<string, unknown>) => gatewayExpressionEvaluator({ dataModels: { model } });

  it('starts in the first task', () => {
    const result = start(reviewApp);
    expect(result).toMatchObject({ ok: true, state: { currentTask: 'Task_Fill', flow: 2, ended: false } });
    expect(result.ok && result.steps.map((s) => s.type)).toEqual(['startEvent', 'startTask']);
  });

  it('routes through a gateway by the connected data model', () => {
    const company = next(reviewApp, inTask('Task_Fill'), { evaluate: evaluateWith({ applicant: { isCompany: true } }) });
    expect(company).toMatchObject({ ok: true, action: 'write', state: { currentTask: 'Task_Review', flow: 3 } });
    const person = next(reviewApp, inTask('Task_Fill'), { evaluate: evaluateWith({ applicant: { isCompany: false } }) });
    expect(person).toMatchObject({ ok: true, state: { currentTask: null, ended: true, endEvent: 'End' } });
    expect(person.ok && person.steps.map((s) => s.type)).toEqual(['endTask', 'gateway', 'endEvent']);
  });

  it('refuses unknown actions, server actions and moves of an ended process', () => {
    expect(next(reviewApp, inTask('Task_Fill'), { action: 'sign' })).toMatchObject({ ok: false, error: { code: 'unknownAction', elementId: 'Task_Fill' } });
    expect(next(reviewApp, inTask('Task_Review'), { action: 'lookup' })).toMatchObject({ ok: false, error: { code: 'serverAction' } });
    expect(next(reviewApp, { currentTask: null, flow: 3, ended: true, endEvent: 'End' })).toMatchObject({ ok: false, error: { code: 'ended' } });
    expect(next(reviewApp, inTask('Gone'))).toMatchObject({ ok: false, error: { code: 'unknownTask' } });
  });

  it('allows a listed reject, which skips validation', () => {
    const review = taskById(reviewApp, 'Task_Review')!;
    expect(validatesOnLeave(review, 'reject')).toBe(false);
    expect(validatesOnLeave(review, 'write')).toBe(true);
    expect(validatesOnLeave(taskById(reviewApp, 'Task_Fill')!, 'reject')).toBe(true);
    expect(next(reviewApp, inTask('Task_Review'), { action: 'reject' })).toMatchObject({ ok: true, state: { ended: true } });
  });

  it('fails when no flow or several flows survive, unless the default is among them', () => {
    const gatewayApp = (defaultFlow: string) =>
      modelOf(
        '<bpmn:startEvent id="S" />' + task('T', 'data') + task('A', 'data') + task('B', 'data') + '<bpmn:endEvent id="E" />' +
          `<bpmn:exclusiveGateway id="G" ${defaultFlow ? `default="${defaultFlow}"` : ''} />` +
          flow('s', 'S', 'T') + flow('t', 'T', 'G') +
          flow('ga', 'G', 'A', '["equals", ["gatewayAction"], "write"]') +
          flow('gb', 'G', 'B') +
          flow('ge', 'G', 'E', '["equals", ["gatewayAction"], "reject"]') +
          flow('ae', 'A', 'E') + flow('be', 'B', 'E'),
      );
    const evaluate = gatewayExpressionEvaluator({ dataModels: {} });
    // "gb" has no condition: it always survives, so "write" leaves two flows.
    expect(next(gatewayApp(''), inTask('T'), { evaluate })).toMatchObject({ ok: false, error: { code: 'severalFlows', elementId: 'G', flows: ['A', 'B'] } });
    expect(next(gatewayApp('ga'), inTask('T'), { evaluate })).toMatchObject({ ok: true, state: { currentTask: 'A' } });
    expect(next(gatewayApp('gb'), inTask('T'), { evaluate })).toMatchObject({ ok: true, state: { currentTask: 'B' } });

    const exclusive = modelOf(
      '<bpmn:startEvent id="S" />' + task('T', 'data') + '<bpmn:endEvent id="E" /><bpmn:exclusiveGateway id="G" default="g2" />' +
        flow('s', 'S', 'T') + flow('t', 'T', 'G') + flow('g1', 'G', 'E', '["equals", ["gatewayAction"], "confirm"]') + flow('g2', 'G', 'T', '["equals", ["gatewayAction"], "reject"]'),
    );
    // The default is no fallback: with neither condition true nothing survives.
    expect(next(exclusive, inTask('T'), { evaluate })).toMatchObject({ ok: false, error: { code: 'noFlow', elementId: 'G' } });
    // Without an evaluator a condition cannot be checked.
    expect(next(exclusive, inTask('T'))).toMatchObject({ ok: false, error: { code: 'conditionFailed' } });
  });

  it('follows gateways right after the start event', () => {
    const model = modelOf(
      '<bpmn:startEvent id="S" />' + task('A', 'data') + task('B', 'confirmation') + '<bpmn:exclusiveGateway id="G" /><bpmn:endEvent id="E" />' +
        flow('s', 'S', 'G') + flow('ga', 'G', 'A', '["equals", ["dataModel", "kind"], "a"]') + flow('gb', 'G', 'B', '["notEquals", ["dataModel", "kind"], "a"]') + flow('ae', 'A', 'E') + flow('be', 'B', 'E'),
    );
    expect(start(model, { evaluate: gatewayExpressionEvaluator({ dataModels: { m: { kind: 'a' } } }) })).toMatchObject({ ok: true, state: { currentTask: 'A' } });
    expect(start(model, { evaluate: gatewayExpressionEvaluator({ dataModels: { m: {} } }) })).toMatchObject({ ok: true, state: { currentTask: 'B' } });
    // No data model to read: the condition fails rather than guessing.
    expect(start(model, { evaluate: gatewayExpressionEvaluator({ dataModels: {} }) })).toMatchObject({ ok: false, error: { code: 'conditionFailed', elementId: 'G' } });
  });

  it('uses task-type default actions, waits in feedback tasks and passes service tasks', () => {
    const model = modelOf(
      '<bpmn:startEvent id="S" />' + task('C', 'confirmation') + task('F', 'feedback') +
        '<bpmn:serviceTask id="Pdf"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>pdf</altinn:taskType></altinn:taskExtension></bpmn:extensionElements></bpmn:serviceTask>' +
        task('P', 'payment', '<altinn:actions><altinn:action>reject</altinn:action></altinn:actions>') +
        '<bpmn:exclusiveGateway id="G" /><bpmn:endEvent id="E" />' +
        flow('a', 'S', 'C') + flow('b', 'C', 'F') + flow('c', 'F', 'Pdf') + flow('d', 'Pdf', 'P') + flow('e', 'P', 'G') +
        flow('g1', 'G', 'E', '["equals", ["gatewayAction"], "confirm"]') + flow('g2', 'G', 'C', '["equals", ["gatewayAction"], "reject"]'),
    );
    const evaluate = gatewayExpressionEvaluator({ dataModels: {} });
    expect(next(model, inTask('C'), { evaluate })).toMatchObject({ ok: true, action: 'confirm', state: { currentTask: 'F' } });
    expect(next(model, inTask('F'), { evaluate })).toMatchObject({ ok: false, error: { code: 'waitsForServiceOwner' } });
    const afterFeedback = next(model, inTask('F', 3), { evaluate, serviceOwner: true });
    expect(afterFeedback).toMatchObject({ ok: true, state: { currentTask: 'P', flow: 5 } });
    expect(afterFeedback.ok && afterFeedback.steps.map((s) => (s.type === 'startTask' || s.type === 'endTask' ? `${s.type}:${s.task.id}` : s.type))).toEqual([
      'endTask:F',
      'startTask:Pdf',
      'endTask:Pdf',
      'startTask:P',
    ]);
    // "pay" is the payment default; the gateway only knows confirm and reject.
    expect(next(model, inTask('P'), { evaluate })).toMatchObject({ ok: false, error: { code: 'noFlow' } });
    expect(next(model, inTask('P'), { evaluate, action: 'confirm' })).toMatchObject({ ok: true, state: { ended: true } });
    expect(next(model, inTask('P'), { evaluate, action: 'reject' })).toMatchObject({ ok: true, state: { currentTask: 'C' } });
  });

  it('fails when a task has two unconditional outgoing flows', () => {
    const model = modelOf('<bpmn:startEvent id="S" />' + task('T', 'data') + task('A', 'data') + task('B', 'data') + flow('s', 'S', 'T') + flow('a', 'T', 'A') + flow('b', 'T', 'B'));
    expect(next(model, inTask('T'))).toMatchObject({ ok: false, error: { code: 'severalFlows', elementId: 'T', flows: ['A', 'B'] } });
  });

  it("leaves a gateway by the flows it lists as <outgoing> (Altinn's rule), not by sourceRef, when it lists any", () => {
    const model = modelOf(
      [
        '<bpmn:startEvent id="Start" />',
        task('A', 'data', '<altinn:actions><altinn:action>reject</altinn:action></altinn:actions>'),
        '<bpmn:exclusiveGateway id="GW"><bpmn:outgoing>back</bpmn:outgoing><bpmn:outgoing>on</bpmn:outgoing></bpmn:exclusiveGateway>',
        task('B', 'data'),
        '<bpmn:endEvent id="End" />',
        flow('f1', 'Start', 'A'),
        flow('f2', 'A', 'GW'),
        flow('back', 'Elsewhere', 'A', '["equals", ["gatewayAction"], "reject"]'),
        flow('on', 'Elsewhere', 'B', '["notEquals", ["gatewayAction"], "reject"]'),
        flow('ignored', 'GW', 'End'),
        flow('f5', 'B', 'End'),
      ].join(''),
    );
    expect(model.outgoing.get('GW')?.map((f) => f.id)).toEqual(['back', 'on']);
    const evaluate = gatewayExpressionEvaluator({ dataModels: {} });
    expect(next(model, inTask('A'), { evaluate })).toMatchObject({ ok: true, state: { currentTask: 'B' } });
    expect(next(model, inTask('A'), { evaluate, action: 'reject' })).toMatchObject({ ok: true, state: { currentTask: 'A' } });
    expect(model.problems).toEqual(expect.arrayContaining([expect.stringContaining('"back" leaves gateway "GW"')]));
  });

  it('stops at a loop of gateways', () => {
    const model = modelOf(
      '<bpmn:startEvent id="S" />' + task('T', 'data') + '<bpmn:exclusiveGateway id="G1" /><bpmn:exclusiveGateway id="G2" />' +
        flow('s', 'S', 'T') + flow('t', 'T', 'G1') + flow('a', 'G1', 'G2') + flow('b', 'G2', 'G1'),
    );
    expect(next(model, inTask('T'))).toMatchObject({ ok: false, error: { code: 'tooManySteps' } });
  });
});
