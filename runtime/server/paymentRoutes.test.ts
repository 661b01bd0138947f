import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPaymentServer, type PaymentServer } from './testing/paymentTestApp';

let served: PaymentServer;
let base: string;

beforeAll(async () => {
  served = await startPaymentServer();
  base = served.base;
});
afterAll(() => served.server.close());

interface Answer {
  readonly status: number;
  readonly body: any;
  readonly headers: Headers;
}

async function call(method: string, path: string, body?: unknown, persona = '1002'): Promise<Answer> {
  const res = await fetch(`${base}/${path}`, {
    method,
    redirect: 'manual',
    headers: { 'x-studio-persona': persona, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json');
  return { status: res.status, body: json && text ? JSON.parse(text) : text, headers: res.headers };
}

/** Presses a button on the provider page (a form post, as the browser sends it). */
async function provider(url: string, outcome: string): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', redirect: 'manual', headers: { 'x-studio-persona': '1002', 'Content-Type': 'application/x-www-form-urlencoded' }, body: `outcome=${outcome}` });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

/** A new instance of party 50101 moved into the payment task. */
async function inPaymentTask(): Promise<string> {
  const created = await call('POST', 'instances?instanceOwnerPartyId=50101', {});
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const moved = await call('PUT', `instances/${id}/process/next`);
  expect(moved.status).toBe(200);
  expect(moved.body.currentTask).toMatchObject({ elementId: 'Task_Pay', altinnTaskType: 'payment' });
  return id;
}

const pay = (id: string, persona = '1002') => call('POST', `instances/${id}/actions?language=nb`, { action: 'pay' }, persona);

describe('payment as Altinn does it, offline', () => {
  it('pay creates the payment and redirects to the provider; Pay marks it paid; confirm ends the process', async () => {
    const id = await inPaymentTask();
    const before = await call('GET', `instances/${id}/payment`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ taskId: 'Task_Pay', status: 'Uninitialized', orderDetails: { currency: 'NOK', totalPriceExVat: 1000, totalVat: 250, totalPriceIncVat: 1250, receiver: { name: 'acme' } } });
    expect(before.body.orderDetails.orderLines).toEqual([{ id: 'fee', name: 'Gebyr', priceExVat: 1000, quantity: 1, vatPercent: 25, unit: 'pcs' }]);

    const started = await pay(id);
    expect(started.status).toBe(200);
    expect(started.body.error).toBeNull();
    expect(started.body.redirectUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/acme/pay/instances/${id}/payment-provider/[0-9a-f-]{36}$`));
    expect(started.body.instance.data.map((d: { dataType: string }) => d.dataType)).toContain('paymentInformation');
    const created = await call('GET', `instances/${id}/payment`);
    expect(created.body).toMatchObject({ status: 'Created', paymentDetails: { paymentId: expect.any(String), redirectUrl: started.body.redirectUrl, createdDate: expect.any(String) } });

    const page = await fetch(started.body.redirectUrl, { headers: { 'x-studio-persona': '1002' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('Gebyr');
    expect(html).toContain('IOrderDetailsCalculator');
    expect(html).not.toMatch(/<script|https?:\/\/(?!127)/);

    const paid = await provider(started.body.redirectUrl, 'Paid');
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`/acme/pay/#/instance/${id}`);
    const status = await call('GET', `instances/${id}/payment`);
    expect(status.body).toMatchObject({ status: 'Paid', paymentDetails: { chargedDate: expect.any(String), payer: { privatePerson: { firstName: expect.any(String) } } } });

    const again = await pay(id);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'PaymentAlreadyCompleted' });

    const done = await call('PUT', `instances/${id}/process/next`, { action: 'confirm' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ currentTask: null, endEvent: 'End' });
    // Ending the paid task stored the payment receipt, rendered from the payment task.
    const receipt = (await served.storage.getInstance(id))!.data.filter((d) => d.dataType === 'paymentReceiptPdf');
    expect(receipt).toEqual([expect.objectContaining({ contentType: 'application/pdf', filename: 'Betalingskvittering.pdf', locked: true })]);
    expect(served.pdfRequests).toContainEqual({ taskId: 'Task_Pay', instanceId: id });
    // After the end the receipt still reads the payment of its task.
    expect((await call('GET', `instances/${id}/payment?taskId=Task_Pay`)).body).toMatchObject({ status: 'Paid', taskId: 'Task_Pay' });
  });

  it('a failed payment keeps the task; trying again replaces it with a new payment, and the old page is gone', async () => {
    const id = await inPaymentTask();
    const first = await pay(id);
    expect((await provider(first.body.redirectUrl, 'Failed')).status).toBe(303);
    expect((await call('GET', `instances/${id}/payment`)).body.status).toBe('Failed');
    const blocked = await call('PUT', `instances/${id}/process/next`, { action: 'confirm' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.validationIssues).toEqual([expect.objectContaining({ severity: 1, code: 'PaymentNotCompleted', customTextParameters: { '0': 'Failed' } })]);

    const second = await pay(id);
    expect(second.status).toBe(200);
    expect(second.body.redirectUrl).not.toBe(first.body.redirectUrl);
    expect(second.body.instance.data.filter((d: { dataType: string }) => d.dataType === 'paymentInformation')).toHaveLength(1);
    expect((await call('GET', `instances/${id}/payment`)).body.status).toBe('Created');
    expect((await provider(first.body.redirectUrl, 'Paid')).status).toBe(404);
    expect((await provider(second.body.redirectUrl, 'Paid')).status).toBe(303);
    expect((await call('PUT', `instances/${id}/process/next`, { action: 'confirm' })).status).toBe(200);
  });

  it('a cancelled payment can be retried; a closed payment cannot be changed on the provider page', async () => {
    const id = await inPaymentTask();
    const first = await pay(id);
    expect((await provider(first.body.redirectUrl, 'Cancelled')).status).toBe(303);
    expect((await call('GET', `instances/${id}/payment`)).body.status).toBe('Cancelled');
    const page = await (await fetch(first.body.redirectUrl, { headers: { 'x-studio-persona': '1002' } })).text();
    expect(page).toContain('cancelled');
    expect(page).not.toContain('name="outcome"');
    expect((await provider(first.body.redirectUrl, 'Paid')).status).toBe(409);
    expect((await call('GET', `instances/${id}/payment`)).body.status).toBe('Cancelled');
    expect((await provider(first.body.redirectUrl, 'Refund')).status).toBe(400);
    const retry = await pay(id);
    expect(retry.status).toBe(200);
    expect((await call('GET', `instances/${id}/payment`)).body.status).toBe('Created');
  });

  it('moving on unpaid is a 409 with the issue; pay through process/next does not move; reject goes back unpaid', async () => {
    const id = await inPaymentTask();
    const unpaid = await call('PUT', `instances/${id}/process/next`, { action: 'confirm' });
    expect(unpaid.status).toBe(409);
    expect((await served.storage.getInstance(id))!.data.some((d) => d.dataType === 'paymentReceiptPdf')).toBe(false);
    expect(unpaid.body.validationIssues).toEqual([expect.objectContaining({ severity: 1, source: 'Payment', code: 'PaymentNotCompleted' })]);
    const byDefault = await call('PUT', `instances/${id}/process/next`);
    expect(byDefault.status).toBe(409);
    expect(byDefault.body.message).toContain('confirm');
    await pay(id);
    expect((await call('PUT', `instances/${id}/process/next`, { action: 'confirm' })).status).toBe(409);
    const rejected = await call('PUT', `instances/${id}/process/next`, { action: 'reject' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.currentTask.elementId).toBe('Task_Form');
  });

  it('a person the policy refuses "pay" gets 403 and no payment; they may still read its status', async () => {
    const id = await inPaymentTask();
    const refused = await pay(id, '1003');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'NotAuthorized' });
    expect(refused.body.instance).toBeNull();
    expect(refused.body.message).toContain('"pay"');
    expect((await call('GET', `instances/${id}/payment`, undefined, '1003')).body.status).toBe('Uninitialized');
    expect((await call('PUT', `instances/${id}/process/next`, { action: 'confirm' }, '1003')).status).toBe(403);
    // Nobody writes the app-owned payment element through the data API.
    await pay(id);
    const element = (await call('GET', `instances/${id}`)).body.data.find((d: { dataType: string }) => d.dataType === 'paymentInformation');
    expect((await call('PUT', `instances/${id}/data/${element.id}`, { status: 'Paid' })).status).toBeGreaterThanOrEqual(400);
    expect((await call('GET', `instances/${id}/payment`)).body.status).toBe('Created');
  });

  it('an order of 0 NOK is skipped without the provider and lets the process move on', async () => {
    const id = await inPaymentTask();
    served.order = { orderLines: [{ id: 'free', name: 'Gratis', priceExVat: 0, quantity: 1, vatPercent: 25, unit: 'pcs' }] };
    try {
      const skipped = await pay(id);
      expect(skipped.status).toBe(200);
      expect(skipped.body.redirectUrl).toBeNull();
      expect((await call('GET', `instances/${id}/payment`)).body.status).toBe('Skipped');
      expect((await call('PUT', `instances/${id}/process/next`, { action: 'confirm' })).status).toBe(200);
    } finally {
      served.order = { orderLines: [{ id: 'fee', name: 'Gebyr', priceExVat: 1000, quantity: 1, vatPercent: 25, unit: 'pcs' }] };
    }
  });

  it('answers order details before the payment task, and refuses payment routes outside a payment task', async () => {
    const created = await call('POST', 'instances?instanceOwnerPartyId=50101', {});
    const id = created.body.id as string;
    expect((await call('GET', `instances/${id}/payment/order-details`)).body).toMatchObject({ totalPriceIncVat: 1250, paymentProcessorId: expect.any(String) });
    expect((await call('GET', `instances/${id}/payment`)).status).toBe(409);
    const notHere = await pay(id);
    expect(notHere.status).toBe(409);
    expect(notHere.body.error.code).toBe('NoPaymentTask');
    const unknown = await call('POST', `instances/${id}/actions`, { action: 'write' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ActionNotFound');
    expect((await call('POST', `instances/${id}/actions`, { nothing: true })).status).toBe(400);
  });
});
