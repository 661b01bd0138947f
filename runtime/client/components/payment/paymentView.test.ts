import { describe, expect, it } from 'vitest';
import { mappedQuery } from './PaymentDetails';
import { paymentTaskIds } from './PaymentReceipt';
import { formatMoney, hasAmount, lineTotal, paymentStep, paymentTextsFor, shouldConfirm } from './paymentView';

describe('the Payment component logic', () => {
  it('shows Pay before and while a payment is open, try again after failure or cancel, moves on when paid or free', () => {
    expect(paymentStep('Uninitialized')).toBe('pay');
    expect(paymentStep('Created')).toBe('pay');
    expect(paymentStep('Failed')).toBe('failed');
    expect(paymentStep('Cancelled')).toBe('cancelled');
    expect(paymentStep('Paid')).toBe('done');
    expect(paymentStep('Skipped')).toBe('done');
  });

  it('confirms once, only when the payment is complete', () => {
    expect(shouldConfirm('Paid', false)).toBe(true);
    expect(shouldConfirm('Skipped', false)).toBe(true);
    expect(shouldConfirm('Paid', true)).toBe(false);
    expect(shouldConfirm('Created', false)).toBe(false);
    expect(shouldConfirm('Failed', false)).toBe(false);
    expect(shouldConfirm(null, false)).toBe(false);
  });

  it('formats money the Norwegian way and sums a line with VAT', () => {
    expect(formatMoney(1250, 'NOK', 'nb').replace(/\s/g, ' ')).toBe('1 250,00 kr');
    expect(formatMoney(1250, 'NOK', 'en')).toContain('NOK');
    expect(formatMoney(1250, 'NOK', 'en')).toContain('1,250.00');
    expect(lineTotal({ id: 'a', name: 'A', priceExVat: 99.99, quantity: 3, vatPercent: 25, unit: 'pcs' })).toBe(374.96);
    expect(hasAmount({ currency: 'NOK', orderLines: [], totalPriceExVat: 0, totalVat: 0, totalPriceIncVat: 0 })).toBe(false);
    expect(hasAmount(null)).toBe(false);
  });

  it('has its texts in nb, nn and en, with the same keys', () => {
    const keys = Object.keys(paymentTextsFor('nb')).sort();
    expect(Object.keys(paymentTextsFor('nn')).sort()).toEqual(keys);
    expect(Object.keys(paymentTextsFor('en')).sort()).toEqual(keys);
    expect(paymentTextsFor('en')['payment.pay']).toBe('Pay');
    expect(paymentTextsFor('nn')['payment.alert.failed']).toContain('Betalinga');
    expect(paymentTextsFor('de')).toBe(paymentTextsFor('nb'));
  });

  it('PaymentDetails sends its mapped values; the receipt finds the payment tasks', () => {
    expect(mappedQuery({ 'a.count': 'count', 'a.kind': 'kind', missing: 'gone' }, { a: { count: 3, kind: 'x' } })).toEqual({ count: '3', kind: 'x' });
    expect(mappedQuery(undefined, {})).toEqual({});
    expect(paymentTaskIds([{ elementId: 'Task_1', altinnTaskType: 'data' }, { elementId: 'Task_2', altinnTaskType: 'payment' }])).toEqual(['Task_2']);
    expect(paymentTaskIds(undefined)).toEqual([]);
  });
});
