import { describe, expect, it } from 'vitest';
import { createPaymentApi } from './paymentApi';

type Call = { url: string; init?: RequestInit };

function fakeFetch(status: number, body: unknown, calls: Call[]) {
  return async (url: string, init?: RequestInit) => {
    calls.push({ url, ...(init ? { init } : {}) });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
}

describe('the payment client', () => {
  it('pay posts the action with the preview token and answers the redirect', async () => {
    const calls: Call[] = [];
    const api = createPaymentApi('/ttd/app/', fakeFetch(200, { redirectUrl: 'http://127.0.0.1:1/ttd/app/instances/1/g/payment-provider/p', error: null }, calls), 'tok');
    expect(await api.pay('1/g', 'nb')).toEqual({ ok: true, redirectUrl: 'http://127.0.0.1:1/ttd/app/instances/1/g/payment-provider/p' });
    expect(calls[0]!.url).toBe('/ttd/app/instances/1/g/actions?language=nb');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({ action: 'pay' });
    expect((calls[0]!.init?.headers as Record<string, string>)['X-Preview-Token']).toBe('tok');
  });

  it('a refused pay keeps the code and message', async () => {
    const api = createPaymentApi('/a/b/', fakeFetch(409, { error: { code: 'PaymentAlreadyCompleted', message: 'Payment already completed.' } }, []));
    expect(await api.pay('1/g', 'nb')).toEqual({ ok: false, status: 409, code: 'PaymentAlreadyCompleted', message: 'Payment already completed.' });
  });

  it('reads the status of a task and the order details with mapped values; errors carry the server message', async () => {
    const calls: Call[] = [];
    const api = createPaymentApi('/a/b/', fakeFetch(200, { status: 'Paid' }, calls));
    expect((await api.payment('1/g', 'en', 'Task_2')).status).toBe('Paid');
    await api.orderDetails('1/g', 'nb', { count: '3' });
    expect(calls.map((c) => c.url)).toEqual(['/a/b/instances/1/g/payment?language=en&taskId=Task_2', '/a/b/instances/1/g/payment/order-details?language=nb&count=3']);
    const failing = createPaymentApi('/a/b/', fakeFetch(409, { message: 'task Task_1 is not a payment task' }, []));
    await expect(failing.payment('1/g', 'nb')).rejects.toThrow('not a payment task');
  });
});
