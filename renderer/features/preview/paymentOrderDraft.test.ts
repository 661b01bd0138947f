import { describe, expect, it } from 'vitest';
import type { StudioApi } from '../../../core/api';
import { StudioError } from '../../../core/api';
import { defaultPreviewOrder } from '../../../core/payment/previewOrder';
import { paymentOrderClient } from './paymentOrderClient';
import { addLine, amountOf, draftOfOrder, draftTotals, orderDraftProblems, orderOfDraft, removeLine, savableOrder, updateLine, updateReceiver } from './paymentOrderDraft';

describe('payment order draft', () => {
  it('reads typed amounts with a comma or spaces, and leaves what is no number as typed', () => {
    expect(amountOf('1 000,50')).toBe(1000.5);
    expect(amountOf('12.5')).toBe(12.5);
    expect(amountOf(' 25 ')).toBe(25);
    expect(amountOf('')).toBe('');
    expect(amountOf('12kr')).toBe('12kr');
    expect(amountOf('1,2,3')).toBe('1,2,3');
  });

  it('starts from the saved order, and saves two typed lines and a receiver as the runtime reads them', () => {
    const start = draftOfOrder(defaultPreviewOrder);
    expect(start.lines.map((l) => [l.name, l.priceExVat, l.quantity, l.vatPercent])).toEqual([['Gebyr', '1000', '1', '0']]);
    let draft = updateLine(start, start.lines[0]!.key, { name: 'Søknadsgebyr', priceExVat: '500', vatPercent: '25' });
    const made = addLine(draft);
    draft = updateLine(made.draft, made.key, { name: 'Kopi', textResourceKey: ' order.copy ', priceExVat: '20,50', quantity: '3', unit: '' });
    draft = updateReceiver(draft, 'name', ' Testdepartementet ');
    expect(orderDraftProblems(draft)).toEqual([]);
    expect(savableOrder(draft)).toEqual({
      orderLines: [
        { id: 'gebyr', name: 'Søknadsgebyr', priceExVat: 500, quantity: 1, vatPercent: 25, unit: 'pcs' },
        { id: '2', name: 'Kopi', textResourceKey: 'order.copy', priceExVat: 20.5, quantity: 3, vatPercent: 0, unit: 'pcs' },
      ],
      receiver: { name: 'Testdepartementet' },
    });
    // 500 + 125 VAT, and 61.50 without VAT.
    const totals = draftTotals(draft);
    expect(totals).toMatchObject({ totalPriceExVat: 561.5, totalVat: 125, totalPriceIncVat: 686.5 });
    expect(totals.lines[made.key]).toBe(61.5);
  });

  it('names each problem at its line and field, by the runtime\'s rules, and saves nothing then', () => {
    const made = addLine(draftOfOrder(defaultPreviewOrder));
    const second = made.key;
    const first = made.draft.lines[0]!.key;
    let draft = updateLine(made.draft, second, { priceExVat: '-3', quantity: '1.5', vatPercent: 'mye' });
    draft = updateLine(draft, first, { name: '  ' });
    expect(orderDraftProblems(draft)).toEqual([
      { key: first, field: 'name', message: 'paymentOrder.problem.name' },
      { key: second, field: 'name', message: 'paymentOrder.problem.name' },
      { key: second, field: 'priceExVat', message: 'paymentOrder.problem.priceExVat' },
      { key: second, field: 'quantity', message: 'paymentOrder.problem.quantity' },
      { key: second, field: 'vatPercent', message: 'paymentOrder.problem.vatPercent' },
    ]);
    expect(savableOrder(draft)).toBeNull();
    // A line whose amounts cannot be read has no total and is left out of the order's.
    const totals = draftTotals(draft);
    expect(totals.lines[second]).toBeNull();
    expect(totals.totalPriceIncVat).toBe(1000);
    expect(orderDraftProblems(updateLine(draft, second, { vatPercent: '101' })).find((p) => p.field === 'vatPercent')).toMatchObject({ key: second });
  });

  it('removes lines; an order without lines is free and may be saved', () => {
    const draft = draftOfOrder(defaultPreviewOrder);
    const empty = removeLine(draft, draft.lines[0]!.key);
    expect(savableOrder(empty)).toEqual({ orderLines: [] });
    expect(draftTotals(empty)).toMatchObject({ totalPriceIncVat: 0 });
  });

  it('gives new lines ids that do not repeat the ones kept', () => {
    const draft = draftOfOrder({ orderLines: [{ id: '2', name: 'A', priceExVat: 1, quantity: 1, vatPercent: 0, unit: 'pcs' }] });
    const made = addLine(draft);
    const order = orderOfDraft(updateLine(made.draft, made.key, { name: 'B', priceExVat: '1' }));
    expect(order.orderLines.map((l) => l.id)).toEqual(['2', '3']);
  });
});

describe('payment order client', () => {
  const api = (answer: (channel: string, args: unknown) => unknown): StudioApi =>
    ({ invoke: async (channel: string, args: unknown) => answer(channel, args), on: () => () => undefined }) as unknown as StudioApi;

  it('loads the open app\'s order and saves one, saying why when the host refuses', async () => {
    const calls: unknown[] = [];
    const client = paymentOrderClient(
      api((channel, args) => {
        calls.push([channel, args]);
        if (channel === 'payment:getOrder') return { app: 'ttd/a', order: defaultPreviewOrder, saved: false, problem: null };
        if ((args as { order: { orderLines: unknown[] } }).order.orderLines.length === 0) throw new StudioError('invalid-argument', 'The payment order was not saved');
        return null;
      }),
    );
    expect(await client.load()).toEqual({ ok: true, info: { app: 'ttd/a', order: defaultPreviewOrder, saved: false, problem: null } });
    expect(await client.save(defaultPreviewOrder)).toEqual({ ok: true });
    expect(await client.save({ orderLines: [] })).toEqual({ ok: false, message: 'The payment order was not saved' });
    expect(calls[1]).toEqual(['payment:saveOrder', { order: defaultPreviewOrder }]);
    const failing = paymentOrderClient(api(() => { throw new StudioError('io', 'No app is open'); }));
    expect(await failing.load()).toEqual({ ok: false, message: 'No app is open' });
  });
});
