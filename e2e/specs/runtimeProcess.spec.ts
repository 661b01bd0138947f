// A whole process as people walk it in the preview: fill and submit, sign (the accountant is refused by
// the policy, the general manager signs), pay with the local test provider, reach the receipt, and
// the receipt PDF printed by Chromium, looked at through pdftoppm.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { defaultPeople } from '../../runtime/server/people';
import { flow, permitRule, policyXml, task } from '../../runtime/server/testing/processEngineTestApp';
import { expect, test } from '../fixtures';
import { json, serveAppFiles, type ServedApp } from '../runtimeApps';

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P" isExecutable="false">
    <bpmn:startEvent id="Start" />
    ${task('Task_Form', 'data')}
    ${task('Task_Sign', 'signing', '<altinn:actions><altinn:action>sign</altinn:action><altinn:action>reject</altinn:action></altinn:actions><altinn:signatureConfig><altinn:dataTypesToSign><altinn:dataType>form</altinn:dataType></altinn:dataTypesToSign><altinn:signatureDataType>signature</altinn:signatureDataType></altinn:signatureConfig>')}
    <bpmn:exclusiveGateway id="GW_Sign" />
    ${task('Task_Pay', 'payment', '<altinn:actions><altinn:action>pay</altinn:action><altinn:action>confirm</altinn:action><altinn:action>reject</altinn:action></altinn:actions><altinn:paymentConfig><altinn:paymentDataType>paymentInformation</altinn:paymentDataType></altinn:paymentConfig>')}
    <bpmn:exclusiveGateway id="GW_Pay" />
    <bpmn:endEvent id="End" />
    ${flow('f1', 'Start', 'Task_Form')}
    ${flow('f2', 'Task_Form', 'Task_Sign')}
    ${flow('f3', 'Task_Sign', 'GW_Sign')}
    ${flow('signBack', 'GW_Sign', 'Task_Form', '["equals", ["gatewayAction"], "reject"]')}
    ${flow('signOn', 'GW_Sign', 'Task_Pay', '["notEquals", ["gatewayAction"], "reject"]')}
    ${flow('f4', 'Task_Pay', 'GW_Pay')}
    ${flow('payBack', 'GW_Pay', 'Task_Form', '["equals", ["gatewayAction"], "reject"]')}
    ${flow('payDone', 'GW_Pay', 'End', '["equals", ["gatewayAction"], "confirm"]')}
  </bpmn:process>
</bpmn:definitions>`;

// The general manager (DAGL) does everything; the accountant (REGNA) may read and write, not sign.
const policy = policyXml(permitRule('DAGL', 'DAGL', ['instantiate', 'read', 'write', 'sign', 'pay', 'confirm', 'reject']), permitRule('REGNA', 'REGNA', ['read', 'write']));

const files: Record<string, string> = {
  'App/config/authorization/policy.xml': policy,
  'App/config/applicationmetadata.json': json({
    id: 'ttd/soknad',
    org: 'ttd',
    title: { nb: 'Søknad om løyve' },
    dataTypes: [
      { id: 'ref-data-as-pdf', allowedContentTypes: ['application/pdf'], minCount: 0, maxCount: 0 },
      { id: 'form', taskId: 'Task_Form', minCount: 1, maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Form' } },
      { id: 'signature', taskId: 'Task_Sign', allowedContentTypes: ['application/json'], minCount: 0, maxCount: 0 },
      { id: 'paymentInformation', allowedContentTypes: ['application/json'], minCount: 0, maxCount: 1 },
    ],
  }),
  'App/config/process/process.bpmn': bpmn,
  'App/config/texts/resource.nb.json': json({ language: 'nb', resources: [{ id: 'appName', value: 'Søknad om løyve' }] }),
  'App/ui/layout-sets.json': json({
    sets: [
      { id: 'form', dataType: 'form', tasks: ['Task_Form'] },
      { id: 'sign', dataType: 'form', tasks: ['Task_Sign'] },
      { id: 'pay', dataType: 'form', tasks: ['Task_Pay'] },
    ],
  }),
  'App/ui/form/layouts/Soknad.json': json({
    data: {
      layout: [
        { id: 'applicant', type: 'Input', required: true, dataModelBindings: { simpleBinding: 'applicant' }, textResourceBindings: { title: 'Søker' } },
        { id: 'send', type: 'Button', textResourceBindings: { title: 'Send inn' } },
      ],
    },
  }),
  'App/ui/sign/layouts/Signering.json': json({ data: { layout: [{ id: 'documents', type: 'SigningDocumentList' }, { id: 'signees', type: 'SigneeList' }, { id: 'actions', type: 'SigningActions' }] } }),
  'App/ui/pay/layouts/Betaling.json': json({ data: { layout: [{ id: 'payment', type: 'Payment' }] } }),
  'App/models/form.schema.json': json({ type: 'object', properties: { applicant: { type: 'string' } } }),
};

let app: ServedApp;
test.beforeAll(async () => {
  app = await serveAppFiles(files, { people: defaultPeople(), pdf: true });
});
test.afterAll(() => app.close());

/** The app's address acting as `persona`, opening `instanceId` when given. */
const as = (persona: number, instanceId?: string) => `${app.url}&persona=${persona}${instanceId ? `#/instance/${instanceId}` : ''}`;

test('a person fills, submits, is refused signing as the accountant, signs as the manager, pays and gets the receipt with its PDF', async ({ page }) => {
  test.setTimeout(150_000);
  // Kari Dagny Leder (1002) is the general manager of Testbedrift AS and acts for it.
  await page.goto(as(1002));
  await page.getByLabel('Søker').fill('Testbedrift AS');
  await page.getByRole('button', { name: 'Send inn' }).click();
  const sign = page.getByRole('button', { name: 'Signer' });
  await expect(sign).toBeVisible({ timeout: 30_000 });
  const instanceId = /#\/instance\/(\d+\/[0-9a-f-]{36})/.exec(page.url())![1]!;

  // Per Regnskap (1003) is the accountant: he sees what is to be signed, but the policy does not let
  // him sign — the form offers him no Sign button, and the server refuses him if he asks anyway.
  await page.goto(as(1003, instanceId));
  await expect(page.getByRole('heading', { name: 'Signatarer' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Signer' })).toHaveCount(0);
  const refused = await fetch(`${app.base}instances/${instanceId}/actions`, { method: 'POST', headers: { ...app.headers, 'x-studio-persona': '1003', 'content-type': 'application/json' }, body: JSON.stringify({ action: 'sign' }) });
  expect(refused.status).toBe(403);

  // Kari signs; the process moves on to the payment.
  await page.goto(as(1002, instanceId));
  await page.getByRole('button', { name: 'Signer' }).click();
  await page.getByRole('button', { name: 'Betal' }).click();
  // The local test provider, then back to the instance, paid: the process ends.
  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByRole('heading', { name: 'Skjemaet er sendt inn' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'e2e/screenshots/runtime-receipt.png' });

  // The instance as a machine client reads it: ended, signed, paid, with the receipt PDF.
  const headers = { ...app.headers, 'x-studio-persona': '1002' };
  const instance = (await (await fetch(`${app.base}instances/${instanceId}`, { headers })).json()) as { process: { ended?: string }; data: { id: string; dataType: string }[] };
  expect(instance.process.ended).toBeTruthy();
  expect(instance.data.map((d) => d.dataType).sort()).toEqual(['form', 'paymentInformation', 'ref-data-as-pdf', 'signature']);
  const payment = (await (await fetch(`${app.base}instances/${instanceId}/payment?taskId=Task_Pay`, { headers })).json()) as { status: string };
  expect(payment.status).toBe('Paid');
  const pdfElement = instance.data.find((d) => d.dataType === 'ref-data-as-pdf')!;
  const pdf = Buffer.from(await (await fetch(`${app.base}instances/${instanceId}/data/${pdfElement.id}`, { headers })).arrayBuffer());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'studio-receipt-'));
  try {
    writeFileSync(path.join(folder, 'receipt.pdf'), pdf);
    await promisify(execFile)('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path.join(folder, 'receipt.pdf'), path.join(folder, 'page')]);
    const [first] = readdirSync(folder).filter((f) => f.endsWith('.png'));
    expect(first).toBeTruthy();
    const { stdout } = await promisify(execFile)('pdftotext', [path.join(folder, 'receipt.pdf'), '-']);
    expect(stdout).toContain('Testbedrift AS');
    await promisify(execFile)('cp', [path.join(folder, first!), 'e2e/screenshots/runtime-receipt-pdf.png']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
