import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureAppNames, fixtureAppsDir } from '../testing/fixtureApps';
import { parseXml } from '../text/xmlDocument';
import { gatewayExpressionEvaluator } from './gatewayExpressions';
import { next, start, type MachineState, type MoveResult } from './machine';
import { readProcessModel, type ProcessModel } from './model';

const appNames = fixtureAppNames();

function modelOf(name: string): ProcessModel {
  return readProcessModel(parseXml(readFileSync(path.join(fixtureAppsDir, name, 'App/config/process/process.bpmn'), 'utf8')));
}

/** The task (or `end:<id>`) a move lands in, or the error code. */
const landing = (result: MoveResult) => (result.ok ? (result.state.ended ? `end:${result.state.endEvent}` : result.state.currentTask) : `error:${result.error.code}`);

const at = (state: MachineState | undefined): MachineState => state!;

describe.skipIf(appNames.length === 0)('the process of every fixture app', () => {
  for (const name of appNames) {
    it(`${name}: starts in a user task and every task's default action reaches a task, an end or a typed error`, () => {
      const model = modelOf(name);
      const started = start(model);
      expect(started.ok, name).toBe(true);
      const evaluate = gatewayExpressionEvaluator({ dataModels: { any: {} }, dataTypeOfTask: () => 'any' });
      for (const node of model.nodes.values()) {
        if (node.kind !== 'task') continue;
        const result = next(model, { currentTask: node.id, flow: 2, ended: false }, { evaluate, serviceOwner: true });
        if (!result.ok) expect(['noFlow', 'severalFlows', 'conditionFailed', 'unknownElement']).toContain(result.error.code);
      }
    });
  }

  it('multiple-datamodels-test: two data tasks then the end; the custom action is a server action', () => {
    const model = modelOf('multiple-datamodels-test');
    const s1 = start(model);
    expect(landing(s1)).toBe('Task_1');
    expect(landing(next(model, at(s1.ok ? s1.state : undefined), { action: 'random' }))).toBe('error:serverAction');
    const s2 = next(model, at(s1.ok ? s1.state : undefined));
    expect(landing(s2)).toBe('Task_2');
    expect(landing(next(model, at(s2.ok ? s2.state : undefined)))).toBe('end:EndEvent_1');
  });

  it('payment-test: pay has no way out of the gateway, confirm ends, reject goes back to the form', () => {
    const model = modelOf('payment-test');
    const evaluate = gatewayExpressionEvaluator({ dataModels: {} });
    const inPayment = next(model, { currentTask: 'Task_1', flow: 2, ended: false }, { evaluate });
    expect(landing(inPayment)).toBe('Task_2');
    const state = at(inPayment.ok ? inPayment.state : undefined);
    expect(landing(next(model, state, { evaluate }))).toBe('error:noFlow');
    expect(landing(next(model, state, { evaluate, action: 'confirm' }))).toBe('end:EndEvent_1');
    expect(landing(next(model, state, { evaluate, action: 'reject' }))).toBe('Task_1');
    expect(landing(next(model, state, { evaluate, action: 'sign' }))).toBe('error:unknownAction');
  });

  it("signing-test: the gateway leaves by the flows it lists as outgoing, as Altinn's engine does, though their sourceRef names another element", () => {
    const model = modelOf('signing-test');
    expect(model.problems).toEqual(
      expect.arrayContaining([expect.stringContaining('"GW_From_Task_2", which is not an element'), expect.stringContaining('"To_Task_3" leaves gateway "Gateway_0"')]),
    );
    const evaluate = gatewayExpressionEvaluator({ dataModels: {} });
    expect(landing(next(model, { currentTask: 'Task_1', flow: 2, ended: false }, { evaluate }))).toBe('Task_2');
    const inFirstSigning: MachineState = { currentTask: 'Task_2', flow: 3, ended: false };
    expect(landing(next(model, inFirstSigning, { evaluate }))).toBe('Task_3');
    expect(landing(next(model, inFirstSigning, { evaluate, action: 'reject' }))).toBe('Task_1');
    expect(landing(next(model, { currentTask: 'Task_3', flow: 4, ended: false }, { evaluate }))).toBe('end:EndEvent_1');
  });

  it('stateless-app: the feedback task waits; the service owner moves it through the gateway by data of another type', () => {
    const model = modelOf('stateless-app');
    const feedback: MachineState = { currentTask: 'Task_3', flow: 4, ended: false };
    expect(landing(next(model, feedback))).toBe('error:waitsForServiceOwner');
    const route = (fail: boolean) => gatewayExpressionEvaluator({ dataModels: { task2: { gatewayShouldFail: fail } }, dataTypeOfTask: () => 'task2' });
    expect(landing(next(model, feedback, { serviceOwner: true, evaluate: route(false) }))).toBe('end:EndEvent_1');
    expect(landing(next(model, feedback, { serviceOwner: true, evaluate: route(true) }))).toBe('Task_4');
    expect(landing(next(model, { currentTask: 'Task_4', flow: 5, ended: false }))).toBe('Task_2');
  });

  it('component-library: a second data task, then the end', () => {
    const model = modelOf('component-library');
    expect(model.problems).toEqual([]);
    expect(landing(next(model, { currentTask: 'Task_1', flow: 2, ended: false }))).toBe('PreviousProcessSummary');
    expect(landing(next(model, { currentTask: 'PreviousProcessSummary', flow: 3, ended: false }))).toBe('end:EndEvent_1');
  });
});
