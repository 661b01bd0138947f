import { memoryFileSource } from '../../core/app/fileSource';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppHandler } from './appApi';
import { personaHeader, userFromRequest } from './authorization';
import { flow, json, permitRule, policyXml, task } from './testing/processEngineTestApp';
import { defaultPeople } from './people';
import { memoryStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

// Fill → Feedback (the service owner answers) → End.
const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P">
    <bpmn:startEvent id="Start" />${task('Task_Fill', 'data')}${task('Task_Feedback', 'feedback')}<bpmn:endEvent id="End" />
    ${flow('a', 'Start', 'Task_Fill')}${flow('b', 'Task_Fill', 'Task_Feedback')}${flow('c', 'Task_Feedback', 'End')}
  </bpmn:process>
</bpmn:definitions>`;

const files = {
  'App/config/applicationmetadata.json': json({ id: 'ttd/feedback', org: 'ttd', dataTypes: [] }),
  'App/config/process/process.bpmn': bpmn,
  'App/config/authorization/policy.xml': policyXml(permitRule('person', 'PRIV', ['instantiate', 'read', 'write']), permitRule('owner', 'org:[ORG]', ['read', 'write'])),
};

let server: RunningServer;
let base: string;
beforeAll(async () => {
  const people = defaultPeople();
  const app = await loadAppModel(memoryFileSource(files));
  // User 1001 is a private person (party 50001); org:310000099 is Testdepartementet, the service owner ttd.
  server = await startServer(createAppHandler({ app, org: 'ttd', appName: 'feedback', storage: memoryStorage(), services: { people }, userOf: (req) => userFromRequest(req, people, 1001) }));
  base = `${server.url}/ttd/feedback`;
});
afterAll(() => server.close());

const next = async (instanceId: string, persona?: string) => {
  const res = await fetch(`${base}/instances/${instanceId}/process/next`, { method: 'PUT', headers: persona ? { [personaHeader]: persona } : {} });
  return { status: res.status, body: (await res.json()) as { message?: string; code?: string; currentTask?: { elementId: string } | null; endEvent?: string | null } };
};

describe('a feedback task', () => {
  it('waits for the service owner: the person cannot move it, the service owner can', async () => {
    const created = await fetch(`${base}/instances?instanceOwnerPartyId=50001`, { method: 'POST' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await next(id)).body.currentTask?.elementId).toBe('Task_Feedback');
    const person = await next(id);
    expect(person.status).toBe(409);
    expect(person.body).toMatchObject({ code: 'waitsForServiceOwner', message: expect.stringContaining('service owner') });
    // Another organisation is no service owner of ttd either.
    expect((await next(id, 'org:310000001')).status).not.toBe(200);
    const owner = await next(id, 'org:310000099');
    expect(owner.status).toBe(200);
    expect(owner.body).toMatchObject({ currentTask: null, endEvent: 'End' });
  });
});
