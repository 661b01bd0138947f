/**
 * A machine client's whole journey over HTTP only: stateless prefill from query parameters, instance
 * creation (InstanceCreation with prefill, and a plain instance template), form data uploaded as JSON
 * and as XML, validation, the process moved to its end, the instance and its history read back, and
 * the receipt PDF downloaded — when the host has a PDF service. The journey runs twice, with and
 * without one; without it the receipt is simply absent.
 */
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../core/app/fileSource';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { createAppHandler } from './appApi';
import { flow, json, permitRule, policyXml, task } from './testing/processEngineTestApp';
import type { PdfService, RuntimeUser } from './services';
import { memoryStorage } from './storage';
import { type RunningServer, startServer } from './testServer';

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P">
    <bpmn:startEvent id="Start" />
    ${task('Task_1', 'data')}
    ${task('Task_2', 'confirmation')}
    <bpmn:endEvent id="End" />
    ${flow('f1', 'Start', 'Task_1')}
    ${flow('f2', 'Task_1', 'Task_2')}
    ${flow('f3', 'Task_2', 'End')}
  </bpmn:process>
</bpmn:definitions>`;

const metadata = {
  id: 'acme/claim',
  org: 'acme',
  title: { nb: 'Krav', en: 'Claim' },
  onEntry: { show: 'start' },
  dataTypes: [
    { id: 'ref-data-as-pdf', allowedContentTypes: ['application/pdf'], minCount: 0, maxCount: 0 },
    { id: 'start', minCount: 0, maxCount: 0, appLogic: { classRef: 'Altinn.App.Models.Start', allowAnonymousOnStateless: true } },
    { id: 'claim', taskId: 'Task_1', minCount: 1, maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Claim' } },
  ],
};
const claimSchema = {
  type: 'object',
  properties: {
    reference: { type: 'string' },
    applicant: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } } },
    comment: { type: 'string', maxLength: 20 },
  },
};
const files: Record<string, string> = {
  'App/config/applicationmetadata.json': json(metadata),
  'App/config/process/process.bpmn': bpmn,
  'App/config/authorization/policy.xml': policyXml(permitRule('owner', 'PRIV', ['instantiate', 'read', 'write', 'confirm'])),
  'App/config/texts/resource.nb.json': json({ language: 'nb', resources: [] }),
  'App/ui/layout-sets.json': json({ sets: [{ id: 'start', dataType: 'start' }, { id: 'claim', dataType: 'claim', tasks: ['Task_1'] }] }),
  'App/ui/start/layouts/Start.json': json({ data: { layout: [{ id: 'ref', type: 'Input', dataModelBindings: { simpleBinding: 'reference' } }] } }),
  'App/ui/claim/layouts/Claim.json': json({
    data: {
      layout: [
        { id: 'name', type: 'Input', required: true, dataModelBindings: { simpleBinding: 'applicant.name' } },
        { id: 'comment', type: 'TextArea', dataModelBindings: { simpleBinding: 'comment' } },
      ],
    },
  }),
  'App/ui/claim/Settings.json': json({ pages: { order: ['Claim'] } }),
  'App/models/start.schema.json': json({ type: 'object', properties: { reference: { type: 'string' } } }),
  'App/models/start.prefill.json': json({ allowOverwrite: true, QueryParameters: { ref: 'reference' } }),
  'App/models/claim.schema.json': json(claimSchema),
};

/** A PDF service standing in for Chromium: a tiny PDF naming the instance, and the requests it got. */
function fakePdf(): PdfService & { requests: unknown[] } {
  const requests: unknown[] = [];
  return {
    requests,
    render: (request) => {
      requests.push(request);
      return Promise.resolve(new TextEncoder().encode(`%PDF-1.4\n% receipt of ${request.instanceId}\n%%EOF\n`));
    },
  };
}

// The client acts as person 501 (PRIV for its own party); `x-anonymous` makes it nobody.
const userOf = (req: IncomingMessage): RuntimeUser | null => (req.headers['x-anonymous'] ? null : { userId: 501, partyId: '501', name: 'Client 501', authenticationLevel: 2 });

for (const withPdf of [true, false]) {
  describe(`a machine client from creation to the end over HTTP (${withPdf ? 'with' : 'without'} a PDF service)`, () => {
    let server: RunningServer;
    let base: string;
    const pdf = fakePdf();

    beforeAll(async () => {
      const app = await loadAppModel(memoryFileSource(files));
      server = await startServer(createAppHandler({ app, org: 'acme', appName: 'claim', storage: memoryStorage(), userOf, services: withPdf ? { pdf } : {} }));
      base = `${server.url}/acme/claim/`;
    });
    afterAll(() => server.close());

    async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; type: string }> {
      const init: RequestInit = { method, headers: { Accept: 'application/json', ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        init.headers = { 'Content-Type': 'application/json', ...init.headers };
      }
      const res = await fetch(base + path, init);
      const type = res.headers.get('content-type') ?? '';
      const text = await res.text();
      return { status: res.status, type, body: type.includes('json') && text ? JSON.parse(text) : text };
    }

    it('runs the whole journey', async () => {
      // Stateless: the start page's model, prefilled from query parameters, without logging in.
      const stateless = await call('GET', `v1/data/anonymous?dataType=start&prefill=${encodeURIComponent(JSON.stringify({ ref: 'R-77', other: 'x' }))}`, undefined, { 'x-anonymous': '1' });
      expect(stateless).toMatchObject({ status: 200, body: { reference: 'R-77' } });
      expect(stateless.body).not.toHaveProperty('other');

      // A plain instance template creates an instance too.
      const plain = await call('POST', 'instances', { instanceOwner: { partyId: '501' } });
      expect(plain.status).toBe(201);
      expect(plain.body.instanceOwner.partyId).toBe('501');

      // InstanceCreation with prefill: the stateless value and one more field go into the first task's model.
      const created = await call('POST', 'instances/create?language=nb', { instanceOwner: { partyId: 501 }, prefill: { reference: stateless.body.reference, 'applicant.age': 41 } });
      expect(created.status).toBe(201);
      const instanceId: string = created.body.id;
      expect(created.body.process.currentTask.elementId).toBe('Task_1');
      const claimId: string = created.body.data.find((d: { dataType: string }) => d.dataType === 'claim').id;
      expect((await call('GET', `instances/${instanceId}/data/${claimId}`)).body).toEqual({ reference: 'R-77', applicant: { age: 41 } });

      // The required name is missing.
      const invalid = await call('GET', `instances/${instanceId}/validate`);
      expect(invalid.status).toBe(200);
      expect(invalid.body).toEqual([expect.objectContaining({ severity: 1, field: 'applicant.name' })]);
      const refused = await call('PUT', `instances/${instanceId}/process/next`);
      expect(refused.status).toBe(409);

      // Form data as JSON, then as XML.
      expect((await call('PUT', `instances/${instanceId}/data/${claimId}`, { reference: 'R-77', applicant: { name: 'Ada', age: 41 } })).status).toBe(200);
      const xml = await call('GET', `instances/${instanceId}/data/${claimId}`, undefined, { Accept: 'application/xml' });
      expect(xml.type).toContain('application/xml');
      expect(xml.body).toContain('<name>Ada</name>');
      const edited = (xml.body as string).replace('<name>Ada</name>', '<name>Ada L</name>').replace(/<\/(\w+)>\s*$/, '<comment>by XML</comment></$1>');
      expect((await call('PUT', `instances/${instanceId}/data/${claimId}`, edited, { 'Content-Type': 'application/xml' })).status).toBe(200);
      expect((await call('GET', `instances/${instanceId}/data/${claimId}`)).body).toEqual({ reference: 'R-77', applicant: { name: 'Ada L', age: 41 }, comment: 'by XML' });

      const valid = await call('GET', `instances/${instanceId}/validate?language=nb`);
      expect(valid.body.filter((i: { severity: number }) => i.severity === 1)).toEqual([]);

      // The process to its end: data task, then the confirmation.
      const next = await call('PUT', `instances/${instanceId}/process/next`, {});
      expect(next).toMatchObject({ status: 200, body: { currentTask: { elementId: 'Task_2', altinnTaskType: 'confirmation' } } });
      const end = await call('PUT', `instances/${instanceId}/process/next`, { action: 'confirm' });
      expect(end.status).toBe(200);
      expect(end.body).toMatchObject({ currentTask: null, endEvent: 'End' });
      expect(end.body.ended).toBeTruthy();

      // Read back: the instance archived, its history as events.
      const instance = (await call('GET', `instances/${instanceId}`)).body;
      expect(instance.status.isArchived).toBe(true);
      expect(instance.data.find((d: { id: string }) => d.id === claimId).locked).toBe(true);
      const history = await call('GET', `instances/${instanceId}/process/history`);
      expect(history.body.processHistory.map((e: { eventType: string }) => e.eventType)).toEqual(expect.arrayContaining(['process_StartTask', 'process_EndTask', 'process_EndEvent']));
      expect((await call('PUT', `instances/${instanceId}/data/${claimId}`, { reference: 'late' })).status).toBeGreaterThanOrEqual(400);

      // The receipt: present and downloadable with a PDF service, absent without one.
      const receipts = instance.data.filter((d: { dataType: string }) => d.dataType === 'ref-data-as-pdf');
      if (!withPdf) {
        expect(receipts).toEqual([]);
        return;
      }
      expect(receipts).toHaveLength(1);
      expect(pdf.requests).toEqual([expect.objectContaining({ org: 'acme', appName: 'claim', instanceId, taskId: 'Task_1', persona: '501' })]);
      const res = await fetch(`${base}instances/${instanceId}/data/${receipts[0].id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(new TextDecoder().decode(await res.arrayBuffer())).toMatch(/^%PDF-1\.4\n% receipt of /);
    });
  });
}
