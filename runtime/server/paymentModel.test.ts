import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPaymentCompleted, orderDetailsOf } from './paymentModel';
import { defaultPreviewOrder, orderLinesFromFile, parsePreviewOrder } from './paymentOrderLines';

describe('order details', () => {
  it('totals as Altinn computes them: price × quantity, VAT on that, rounded to øre', () => {
    const details = orderDetailsOf(
      {
        orderLines: [
          { id: 'a', name: 'Søknad', priceExVat: 99.99, quantity: 3, vatPercent: 25, unit: 'pcs' },
          { id: 'b', name: 'Gebyr', priceExVat: 500, quantity: 1, vatPercent: 0, unit: 'pcs' },
        ],
      },
      { name: 'ttd' },
    );
    expect(details).toMatchObject({ currency: 'NOK', totalPriceExVat: 799.97, totalVat: 74.99, totalPriceIncVat: 874.96, receiver: { name: 'ttd' } });
  });

  it('the default order is one fee of 1000 NOK', () => {
    expect(orderDetailsOf(defaultPreviewOrder, {})).toMatchObject({ totalPriceIncVat: 1000, orderLines: [{ name: 'Gebyr', priceExVat: 1000, quantity: 1 }] });
  });

  it('only Paid and Skipped complete a payment', () => {
    expect(['Uninitialized', 'Created', 'Paid', 'Failed', 'Cancelled', 'Skipped'].filter((status) => isPaymentCompleted({ status } as never))).toEqual(['Paid', 'Skipped']);
    expect(isPaymentCompleted(null)).toBe(false);
  });
});

describe('the preview order lines', () => {
  it('reads lines with defaults (quantity 1, VAT 0, unit pcs) and a receiver', () => {
    const { order, problems } = parsePreviewOrder({ orderLines: [{ name: 'Gebyr', priceExVat: 250 }], receiver: { name: 'Patentstyret' } });
    expect(problems).toEqual([]);
    expect(order).toEqual({ orderLines: [{ id: '1', name: 'Gebyr', priceExVat: 250, quantity: 1, vatPercent: 0, unit: 'pcs' }], receiver: { name: 'Patentstyret' } });
  });

  it('names each bad line and field', () => {
    const { order, problems } = parsePreviewOrder([{ name: '', priceExVat: -1 }, { name: 'X', priceExVat: 1, quantity: 1.5, vatPercent: 120 }, 7]);
    expect(order).toBeNull();
    expect(problems).toEqual([
      'Order line 1 has no name',
      'Order line 1: priceExVat must be a number of 0 or more',
      'Order line 2: quantity must be a whole number of 1 or more',
      'Order line 2: vatPercent must be between 0 and 100',
      'Order line 3 is not an object',
    ]);
    expect(parsePreviewOrder({}).problems[0]).toContain('orderLines');
  });

  describe('from a file', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'order-lines-'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('an absent file gives the default; a damaged one the default with the reason; edits apply on the next read', async () => {
      const path = join(dir, 'payment-order-lines.json');
      const source = orderLinesFromFile(path);
      expect(await source({ org: 'ttd', appName: 'a' })).toEqual(defaultPreviewOrder);
      await writeFile(path, '{ "orderLines": [');
      const damaged = await source({ org: 'ttd', appName: 'a' });
      expect(damaged.orderLines).toEqual(defaultPreviewOrder.orderLines);
      expect(damaged.problem).toContain('not valid JSON');
      await writeFile(path, JSON.stringify({ orderLines: [{ name: 'Avgift', priceExVat: 10, quantity: 2 }] }));
      expect((await source({ org: 'ttd', appName: 'a' })).orderLines).toEqual([{ id: '1', name: 'Avgift', priceExVat: 10, quantity: 2, vatPercent: 0, unit: 'pcs' }]);
      await writeFile(path, JSON.stringify({ orderLines: [{ priceExVat: 10 }] }));
      expect((await source({ org: 'ttd', appName: 'a' })).problem).toContain('Order line 1 has no name');
    });
  });
});
