// The person previewing gives the order lines a payment uses (Altinn computes them in the app's C#,
// which the preview cannot run): two lines typed in the Payment order editor, a problem named at its
// field first, saved to the studio's config folder, and shown with their total by the Payment component.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { PreviewPage } from '../pages/PreviewPage';
import { ShellPage } from '../pages/ShellPage';
import { flow, permitRule, policyXml, task } from '../../runtime/server/testing/processEngineTestApp';
import { json } from '../runtimeApps';

test.use({ locale: 'en-US' });


// Form → Pay → gateway: confirm → End, reject → Form.
const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P" isExecutable="false">
    <bpmn:startEvent id="Start" />
    ${task('Task_Form', 'data')}
    ${task('Task_Pay', 'payment', '<altinn:actions><altinn:action>pay</altinn:action><altinn:action>confirm</altinn:action><altinn:action>reject</altinn:action></altinn:actions><altinn:paymentConfig><altinn:paymentDataType>paymentInformation</altinn:paymentDataType></altinn:paymentConfig>')}
    <bpmn:exclusiveGateway id="GW_Pay" />
    <bpmn:endEvent id="End" />
    ${flow('f1', 'Start', 'Task_Form')}
    ${flow('f2', 'Task_Form', 'Task_Pay')}
    ${flow('f3', 'Task_Pay', 'GW_Pay')}
    ${flow('payBack', 'GW_Pay', 'Task_Form', '["equals", ["gatewayAction"], "reject"]')}
    ${flow('payDone', 'GW_Pay', 'End', '["equals", ["gatewayAction"], "confirm"]')}
  </bpmn:process>
</bpmn:definitions>`;

// The general manager (DAGL, the preview's default persona) may do everything the process asks.
const policy = policyXml(permitRule('dagl', 'DAGL', ['instantiate', 'read', 'write', 'pay', 'confirm', 'reject']));

const files: Record<string, string> = {
  'App/config/authorization/policy.xml': policy,
  'App/config/applicationmetadata.json': json({
    id: 'ttd/betaling',
    org: 'ttd',
    title: { nb: 'Søknad med gebyr' },
    dataTypes: [
      { id: 'ref-data-as-pdf', allowedContentTypes: ['application/pdf'], minCount: 0, maxCount: 0 },
      { id: 'form', taskId: 'Task_Form', minCount: 1, maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Form' } },
      { id: 'paymentInformation', allowedContentTypes: ['application/json'], allowedContributers: ['app:owned'], minCount: 0, maxCount: 1 },
    ],
    partyTypesAllowed: {},
  }),
  'App/config/process/process.bpmn': bpmn,
  'App/config/texts/resource.nb.json': json({ language: 'nb', resources: [{ id: 'appName', value: 'Søknad med gebyr' }] }),
  'App/ui/layout-sets.json': json({
    sets: [
      { id: 'form', dataType: 'form', tasks: ['Task_Form'] },
      { id: 'pay', dataType: 'form', tasks: ['Task_Pay'] },
    ],
  }),
  'App/ui/form/layouts/Soknad.json': json({
    data: {
      layout: [
        { id: 'applicant', type: 'Input', dataModelBindings: { simpleBinding: 'applicant' }, textResourceBindings: { title: 'Søker' } },
        { id: 'send', type: 'Button', textResourceBindings: { title: 'Send inn' } },
      ],
    },
  }),
  'App/ui/pay/layouts/Betaling.json': json({ data: { layout: [{ id: 'payment', type: 'Payment' }] } }),
  'App/models/form.schema.json': json({ type: 'object', properties: { applicant: { type: 'string' } } }),
};

test('order lines typed in the Payment order editor are what the preview\'s Payment component asks to be paid', async ({ page, studio }) => {
  test.setTimeout(120_000);
  const appDir = path.join(studio.workDir, 'betaling');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(appDir, rel)), { recursive: true });
    writeFileSync(path.join(appDir, rel), text);
  }
  const served = await studio.restart(appDir);
  const shell = new ShellPage(page);
  const preview = new PreviewPage(page);
  await page.goto(served.url);
  await shell.expectOpen('betaling');
  await shell.showArea('Preview');

  // The editor starts from the default order: one fee of 1000 NOK.
  const dialog = await preview.openPaymentOrderEditor();
  await expect(dialog).toContainText('every payment is the default fee');
  await expect(preview.orderField('Name', 1)).toHaveValue('Gebyr');
  await preview.orderField('Name', 1).fill('Søknadsgebyr');
  await preview.orderField('Price ex VAT', 1).fill('500');
  await preview.orderField('VAT %', 1).fill('25');

  // A second line, with a price that is no number: saving names it at its field and keeps what was typed.
  await dialog.getByRole('button', { name: 'Add line' }).click();
  await expect(preview.orderField('Name', 2)).toBeFocused();
  await preview.orderField('Name', 2).fill('Kopi av vedtak');
  await preview.orderField('Price ex VAT', 2).fill('20 kr');
  await preview.orderField('Quantity', 2).fill('3');
  await dialog.getByRole('button', { name: 'Save order' }).click();
  const summary = dialog.getByRole('alert');
  await expect(summary).toContainText('Correct 1 thing before saving:');
  await expect(summary).toContainText('Line 2 (Kopi av vedtak), Price ex VAT: A number of 0 or more');
  await expect(preview.orderField('Price ex VAT', 2)).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: path.join(test.info().outputDir, 'payment-order-problem.png') });
  await summary.getByRole('button').click();
  await expect(preview.orderField('Price ex VAT', 2)).toBeFocused();
  await preview.orderField('Price ex VAT', 2).fill('20,50');
  await expect(preview.orderField('Price ex VAT', 2)).not.toHaveAttribute('aria-invalid', 'true');

  // Totals as Altinn computes them: 500 + 25 % VAT, and 3 × 20.50 without VAT.
  await expect(dialog.getByTestId('payment-order-total')).toHaveText(/686\.50/);
  await dialog.getByLabel('Name', { exact: true }).fill('Testdepartementet');
  await page.screenshot({ path: 'e2e/screenshots/preview-payment-order.png' });
  await dialog.getByRole('button', { name: 'Save order' }).click();
  await expect(dialog).toBeHidden();

  // Saved per app in the studio's config folder, not in the app.
  const saved = JSON.parse(readFileSync(path.join(studio.configDir, 'preview-orders', 'ttd-betaling.json'), 'utf8')) as unknown;
  expect(saved).toEqual({
    orderLines: [
      { id: 'gebyr', name: 'Søknadsgebyr', priceExVat: 500, quantity: 1, vatPercent: 25, unit: 'pcs' },
      { id: '2', name: 'Kopi av vedtak', priceExVat: 20.5, quantity: 3, vatPercent: 0, unit: 'pcs' },
    ],
    receiver: { name: 'Testdepartementet' },
  });

  // Walk the preview to the payment step, without a restart: the Payment component shows the two lines and the total.
  const frame = page.frameLocator('iframe[title="Preview of the app"]');
  await frame.getByLabel('Søker').fill('Testbedrift AS');
  await frame.getByRole('button', { name: 'Send inn' }).click();
  const order = frame.getByTestId('payment-order');
  await expect(order).toBeVisible({ timeout: 30_000 });
  const rows = order.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Søknadsgebyr');
  await expect(rows.nth(1)).toContainText('Kopi av vedtak');
  await expect(rows.nth(1)).toContainText('3');
  await expect(order.locator('tfoot tr').last()).toContainText(/686[.,]50/);
  await page.screenshot({ path: path.join(test.info().outputDir, 'payment-order-in-preview.png') });

  // The editor opens again with what was saved.
  const again = await preview.openPaymentOrderEditor();
  await expect(preview.orderField('Name', 2)).toHaveValue('Kopi av vedtak');
  await expect(again).not.toContainText('every payment is the default fee');
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(again).toBeHidden();
});
