import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatchRequest, type StudioHandlers } from '../../core/api';
import { defaultPreviewOrder } from '../../core/payment/previewOrder';
import { tempDirs, writeMinimalApp } from '../testing/tempDirs';
import { paymentOrderHandlers } from './paymentOrderHandlers';
import { paymentOrderFile } from './paymentOrderStore';
import { createStudioServices } from './studioServices';

const temp = tempDirs('studio-payment-order-handlers-');
afterAll(() => temp.cleanup());

const app = { org: 'ttd', appName: 'betaling' };
const line = { id: 'a', name: 'Søknadsgebyr', priceExVat: 500, quantity: 2, vatPercent: 25, unit: 'stk' };

/** The handlers behind the same dispatch the transports use (argument checks included). */
function orders(configDir: string, open: () => Promise<typeof app> = async () => app) {
  const handlers = paymentOrderHandlers(configDir, open) as unknown as StudioHandlers;
  return (channel: 'payment:getOrder' | 'payment:saveOrder', args?: unknown) => dispatchRequest(handlers, channel, args);
}

describe('payment:getOrder and payment:saveOrder', () => {
  it('gives the default order until one is saved, then the saved one, for the open app', async () => {
    const dir = temp.make();
    const call = orders(dir);
    expect(await call('payment:getOrder')).toEqual({ ok: true, value: { app: 'ttd/betaling', order: defaultPreviewOrder, saved: false, problem: null } });
    const order = { orderLines: [line], receiver: { name: 'Testdepartementet' } };
    expect(await call('payment:saveOrder', { order })).toEqual({ ok: true, value: null });
    expect(JSON.parse(await readFile(paymentOrderFile(dir, app), 'utf8'))).toEqual(order);
    expect(await call('payment:getOrder')).toEqual({ ok: true, value: { app: 'ttd/betaling', order, saved: true, problem: null } });
  });

  it('refuses an order with problems, naming line and field, and keeps the saved file', async () => {
    const dir = temp.make();
    const call = orders(dir);
    await call('payment:saveOrder', { order: { orderLines: [line] } });
    const before = await readFile(paymentOrderFile(dir, app), 'utf8');
    const refused = await call('payment:saveOrder', { order: { orderLines: [line, { ...line, id: 'b', name: '', priceExVat: -1 }] } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toMatch(/^The payment order was not saved:/);
    expect(message).toContain('- Order line 2 has no name');
    expect(message).toContain('- Order line 2: priceExVat must be a number of 0 or more');
    expect(message).toMatch(/Correct these and save again\.$/);
    expect(await readFile(paymentOrderFile(dir, app), 'utf8')).toBe(before);
  });

  it('refuses arguments of the wrong shape before they reach the file', async () => {
    const dir = temp.make();
    const call = orders(dir);
    expect(await call('payment:saveOrder', {})).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'arguments.order must be an object, got undefined' } });
    expect(await call('payment:saveOrder', { order: { orderLines: [{ ...line, priceExVat: '500' }] } })).toMatchObject({
      ok: false,
      error: { message: 'arguments.order.orderLines[0].priceExVat must be a number, got string' },
    });
    expect(await call('payment:saveOrder', { order: { orderLines: [line], receiver: { iban: 'x' } } })).toMatchObject({ ok: false, error: { message: 'arguments.order.receiver.iban is not a known argument' } });
    expect(await call('payment:getOrder', { app: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    await expect(readFile(paymentOrderFile(dir, app), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('answers a damaged file with the default order and the reason, leaving it until a save', async () => {
    const dir = temp.make();
    const call = orders(dir);
    await mkdir(path.join(dir, 'preview-orders'));
    await writeFile(paymentOrderFile(dir, app), '[{ "name": 1 }]');
    const answer = await call('payment:getOrder');
    expect(answer).toMatchObject({ ok: true, value: { order: defaultPreviewOrder, saved: false, problem: expect.stringContaining('Order line 1 has no name') } });
    expect(await readFile(paymentOrderFile(dir, app), 'utf8')).toBe('[{ "name": 1 }]');
    expect(await call('payment:saveOrder', { order: { orderLines: [line] } })).toEqual({ ok: true, value: null });
    expect(await call('payment:getOrder')).toMatchObject({ ok: true, value: { saved: true, problem: null } });
  });

  it('says when the config folder cannot be written', async () => {
    const dir = temp.make();
    await writeFile(path.join(dir, 'not-a-folder'), '');
    const call = orders(path.join(dir, 'not-a-folder'));
    expect(await call('payment:saveOrder', { order: { orderLines: [line] } })).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringContaining('The payment order could not be saved') } });
    expect(await call('payment:getOrder')).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringContaining('could not be read') } });
  });

  it('is served by the studio for the open app, named as the preview names it', async () => {
    const configDir = temp.make();
    const services = createStudioServices({ host: 'web', configDir });
    expect(await dispatchRequest(services.handlers, 'payment:getOrder', undefined)).toMatchObject({ ok: false });
    const appDir = temp.make();
    await writeMinimalApp(appDir);
    await services.handlers['workspace:open']({ dir: appDir });
    expect(await dispatchRequest(services.handlers, 'payment:saveOrder', { order: { orderLines: [line] } })).toEqual({ ok: true, value: null });
    expect(JSON.parse(await readFile(path.join(configDir, 'preview-orders', 'ttd-minimal.json'), 'utf8'))).toEqual({ orderLines: [line] });
    expect(await dispatchRequest(services.handlers, 'payment:getOrder', undefined)).toMatchObject({ ok: true, value: { app: 'ttd/minimal', saved: true } });
    await services.preview.dispose();
    services.watcher.dispose();
  });
});
