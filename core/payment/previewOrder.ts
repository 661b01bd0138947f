/**
 * The preview's payment order, pure: reading one from JSON with a problem per line and field, the
 * default order, and Altinn's totals. The runtime reads the studio's file with it; the studio's
 * editor checks what is typed with the same rules, so what the editor accepts the runtime uses.
 */
import type { PaymentOrderData, PaymentOrderLine, PaymentReceiver } from '../api/paymentOrderTypes';
import { isJsonObject } from '../text/jsonDocument';

/** The fields of an order line a problem can be at. */
export type OrderLineField = 'name' | 'priceExVat' | 'quantity' | 'vatPercent' | 'textResourceKey' | 'unit';
/** The receiver's fields. */
export type ReceiverField = keyof PaymentReceiver;

/** What is wrong, where: `line` is the line's index (null: the order or its receiver), `field` the field. */
export type OrderProblem =
  | { readonly line: null; readonly field: null; readonly code: 'orderLines'; readonly message: string }
  | { readonly line: number; readonly field: null; readonly code: 'notObject'; readonly message: string }
  | { readonly line: number; readonly field: OrderLineField; readonly code: 'name' | 'priceExVat' | 'quantity' | 'vatPercent' | 'text'; readonly message: string }
  | { readonly line: null; readonly field: ReceiverField; readonly code: 'text'; readonly message: string };

/** The order every payment has when the host gives none: one fee of 1000 NOK without VAT. */
export const defaultPreviewOrder: PaymentOrderData = {
  orderLines: [{ id: 'gebyr', name: 'Gebyr', priceExVat: 1000, quantity: 1, vatPercent: 0, unit: 'pcs' }],
};

const receiverFields: readonly ReceiverField[] = ['organisationNumber', 'name', 'bankAccountNumber', 'email'];
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Reads an order from JSON (`{ orderLines: [...], receiver? }` or a bare array); each problem names its line and field. */
export function readPreviewOrder(value: unknown): { order: PaymentOrderData | null; problems: OrderProblem[] } {
  const problems: OrderProblem[] = [];
  const lines = Array.isArray(value) ? value : isJsonObject(value) ? value.orderLines : undefined;
  if (!Array.isArray(lines)) {
    return { order: null, problems: [{ line: null, field: null, code: 'orderLines', message: 'The order needs "orderLines": a list of { id, name, priceExVat, quantity, vatPercent, unit }' }] };
  }
  const orderLines: PaymentOrderLine[] = [];
  lines.forEach((line: unknown, i) => {
    const at = `Order line ${i + 1}`;
    if (!isJsonObject(line)) return void problems.push({ line: i, field: null, code: 'notObject', message: `${at} is not an object` });
    const name = typeof line.name === 'string' && line.name.trim() !== '' ? line.name : null;
    if (!name) problems.push({ line: i, field: 'name', code: 'name', message: `${at} has no name` });
    if (!finite(line.priceExVat) || line.priceExVat < 0) problems.push({ line: i, field: 'priceExVat', code: 'priceExVat', message: `${at}: priceExVat must be a number of 0 or more` });
    const quantity = line.quantity === undefined ? 1 : line.quantity;
    if (!finite(quantity) || !Number.isInteger(quantity) || quantity < 1) problems.push({ line: i, field: 'quantity', code: 'quantity', message: `${at}: quantity must be a whole number of 1 or more` });
    const vatPercent = line.vatPercent === undefined ? 0 : line.vatPercent;
    if (!finite(vatPercent) || vatPercent < 0 || vatPercent > 100) problems.push({ line: i, field: 'vatPercent', code: 'vatPercent', message: `${at}: vatPercent must be between 0 and 100` });
    for (const field of ['textResourceKey', 'unit'] as const) {
      if (line[field] !== undefined && typeof line[field] !== 'string') problems.push({ line: i, field, code: 'text', message: `${at}: ${field} must be text` });
    }
    if (!name || !finite(line.priceExVat) || !finite(quantity) || !finite(vatPercent)) return;
    orderLines.push({
      id: typeof line.id === 'string' && line.id !== '' ? line.id : String(i + 1),
      name,
      ...(typeof line.textResourceKey === 'string' && line.textResourceKey !== '' ? { textResourceKey: line.textResourceKey } : {}),
      priceExVat: line.priceExVat,
      quantity,
      vatPercent,
      unit: typeof line.unit === 'string' && line.unit !== '' ? line.unit : 'pcs',
    });
  });
  let receiver: PaymentReceiver | undefined;
  if (isJsonObject(value) && isJsonObject(value.receiver)) {
    const given: Record<string, string> = {};
    for (const field of receiverFields) {
      const text = value.receiver[field];
      if (text === undefined || text === null) continue;
      if (typeof text !== 'string') problems.push({ line: null, field, code: 'text', message: `The receiver's ${field} must be text` });
      else if (text.trim() !== '') given[field] = text.trim();
    }
    if (Object.keys(given).length > 0) receiver = given;
  }
  if (problems.length > 0) return { order: null, problems };
  return { order: { orderLines, ...(receiver ? { receiver } : {}) }, problems };
}

/** Reads an order from JSON; the problems as sentences naming the line and field. */
export function parsePreviewOrder(value: unknown): { order: PaymentOrderData | null; problems: string[] } {
  const { order, problems } = readPreviewOrder(value);
  return { order, problems: problems.map((p) => p.message) };
}

/** Amounts to whole øre, as Altinn rounds them. */
export const money = (value: number): number => Math.round(value * 100) / 100;

/** A line's price × quantity, with its VAT. */
export function lineTotals(line: Pick<PaymentOrderLine, 'priceExVat' | 'quantity' | 'vatPercent'>): { exVat: number; vat: number; incVat: number } {
  const exVat = line.priceExVat * line.quantity;
  const vat = (exVat * line.vatPercent) / 100;
  return { exVat: money(exVat), vat: money(vat), incVat: money(exVat + vat) };
}

/** Altinn's totals of an order: Σ price × quantity, Σ of that × VAT %, and their sum. */
export function orderTotals(lines: readonly Pick<PaymentOrderLine, 'priceExVat' | 'quantity' | 'vatPercent'>[]): { totalPriceExVat: number; totalVat: number; totalPriceIncVat: number } {
  const totalPriceExVat = money(lines.reduce((sum, l) => sum + l.priceExVat * l.quantity, 0));
  const totalVat = money(lines.reduce((sum, l) => sum + (l.priceExVat * l.quantity * l.vatPercent) / 100, 0));
  return { totalPriceExVat, totalVat, totalPriceIncVat: money(totalPriceExVat + totalVat) };
}
