import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPreviewOrder } from '../../core/payment/previewOrder';
import { tempDirs } from '../testing/tempDirs';
import { PaymentOrderFileError, paymentOrderFile, paymentOrderSource, readPaymentOrderStore, writePaymentOrderStore } from './paymentOrderStore';

const temp = tempDirs('studio-payment-order-');
afterAll(() => temp.cleanup());

const app = { org: 'ttd', appName: 'betaling' };
const order = {
  orderLines: [
    { id: 'a', name: 'Søknadsgebyr', priceExVat: 500, quantity: 1, vatPercent: 25, unit: 'stk' },
    { id: 'b', name: 'Kopi', textResourceKey: 'order.copy', priceExVat: 20, quantity: 3, vatPercent: 0, unit: 'stk' },
  ],
  receiver: { organisationNumber: '991825827', name: 'Testdepartementet' },
};

describe('payment order store', () => {
  it('keeps each app\'s order in preview-orders/<org>-<app>.json in the config folder, none until saved', async () => {
    const dir = temp.make();
    expect(paymentOrderFile(dir, app)).toBe(path.join(dir, 'preview-orders', 'ttd-betaling.json'));
    expect(await readPaymentOrderStore(dir, app)).toBeNull();
    await writePaymentOrderStore(dir, app, order);
    expect(await readPaymentOrderStore(dir, app)).toEqual(order);
    expect(await readPaymentOrderStore(dir, { org: 'ttd', appName: 'other' })).toBeNull();
    expect(JSON.parse(await readFile(paymentOrderFile(dir, app), 'utf8'))).toEqual(order);
  });

  it('writes atomically: no temp file is left, and a failed write leaves the saved file as it was', async () => {
    const dir = temp.make();
    await writePaymentOrderStore(dir, app, order);
    const before = await readFile(paymentOrderFile(dir, app), 'utf8');
    await writePaymentOrderStore(dir, app, { orderLines: [order.orderLines[0]!] });
    expect(await readdir(path.join(dir, 'preview-orders'))).toEqual(['ttd-betaling.json']);
    const second = await readFile(paymentOrderFile(dir, app), 'utf8');
    expect(second).not.toBe(before);
    if (process.getuid?.() !== 0) {
      // A folder the studio cannot write to: the temp file cannot be made, and the saved order stays whole.
      await chmod(path.join(dir, 'preview-orders'), 0o555);
      try {
        await expect(writePaymentOrderStore(dir, app, order)).rejects.toThrow(/EACCES|EPERM/);
      } finally {
        await chmod(path.join(dir, 'preview-orders'), 0o755);
      }
      expect(await readFile(paymentOrderFile(dir, app), 'utf8')).toBe(second);
    }
  });

  it('refuses an order with problems, naming each line and field, and keeps the saved file', async () => {
    const dir = temp.make();
    await writePaymentOrderStore(dir, app, order);
    const before = await readFile(paymentOrderFile(dir, app), 'utf8');
    const bad = { orderLines: [{ ...order.orderLines[0]!, name: ' ' }, { ...order.orderLines[1]!, quantity: 1.5, vatPercent: 120 }] };
    const refused = await writePaymentOrderStore(dir, app, bad).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PaymentOrderFileError);
    expect((refused as PaymentOrderFileError).problems).toEqual([
      'Order line 1 has no name',
      'Order line 2: quantity must be a whole number of 1 or more',
      'Order line 2: vatPercent must be between 0 and 100',
    ]);
    expect(await readFile(paymentOrderFile(dir, app), 'utf8')).toBe(before);
  });

  it('names a damaged file clearly without replacing it', async () => {
    const dir = temp.make();
    await mkdir(path.join(dir, 'preview-orders'));
    await writeFile(paymentOrderFile(dir, app), '{ "orderLines": [ { "name": "x", ');
    await expect(readPaymentOrderStore(dir, app)).rejects.toThrow(/payment order file .*ttd-betaling\.json is not valid JSON/);
    await writeFile(paymentOrderFile(dir, app), JSON.stringify({ orderLines: [{ name: 'Gebyr', priceExVat: -5 }] }));
    await expect(readPaymentOrderStore(dir, app)).rejects.toThrow('cannot be used:\n- Order line 1: priceExVat must be a number of 0 or more');
    expect(await readFile(paymentOrderFile(dir, app), 'utf8')).toContain('-5');
  });

  it('gives the runtime the saved order on every payment, so a save applies to the next one', async () => {
    const dir = temp.make();
    const source = paymentOrderSource(dir);
    expect(await source(app)).toEqual(defaultPreviewOrder);
    await writePaymentOrderStore(dir, app, order);
    expect(await source(app)).toEqual(order);
    await writePaymentOrderStore(dir, app, { orderLines: [order.orderLines[1]!] });
    expect((await source(app)).orderLines).toEqual([order.orderLines[1]]);
  });
});
