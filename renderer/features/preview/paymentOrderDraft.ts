/**
 * The payment order editor's state: the lines and receiver as typed (numbers as text, so "12,50" or a
 * half-typed value is kept), checked with the runtime's own rules (core/payment) so each problem is at
 * its line and field, and the totals Altinn would compute for the lines that can be read.
 */
import type { PaymentOrderData, PaymentOrderLine, PaymentReceiver } from '../../../core/api';
import { lineTotals, type OrderLineField, type OrderProblem, orderTotals, readPreviewOrder, type ReceiverField } from '../../../core/payment/previewOrder';
import type { TextKey } from '../../i18n/texts';

export type { OrderLineField, ReceiverField };

export interface OrderLineDraft {
  /** Stable while editing (React key, field ids); not saved. */
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly textResourceKey: string;
  readonly priceExVat: string;
  readonly quantity: string;
  readonly vatPercent: string;
  readonly unit: string;
}

export interface OrderDraft {
  readonly lines: readonly OrderLineDraft[];
  readonly receiver: Readonly<Record<ReceiverField, string>>;
}

/** A problem at a line's field (`key` the line's) or at a receiver field (`key` null). */
export interface OrderDraftProblem {
  readonly key: string | null;
  readonly field: OrderLineField | ReceiverField;
  readonly message: TextKey;
}

export const receiverFields: readonly ReceiverField[] = ['name', 'organisationNumber', 'bankAccountNumber', 'email'];
export const lineFields: readonly OrderLineField[] = ['name', 'textResourceKey', 'priceExVat', 'quantity', 'vatPercent', 'unit'];

let made = 0;
const newKey = () => `line-${++made}`;

/** The editor's draft of a saved (or the default) order. */
export function draftOfOrder(order: PaymentOrderData): OrderDraft {
  return {
    lines: order.orderLines.map((line) => ({
      key: newKey(),
      id: line.id,
      name: line.name,
      textResourceKey: line.textResourceKey ?? '',
      priceExVat: String(line.priceExVat),
      quantity: String(line.quantity),
      vatPercent: String(line.vatPercent),
      unit: line.unit,
    })),
    receiver: {
      name: order.receiver?.name ?? '',
      organisationNumber: order.receiver?.organisationNumber ?? '',
      bankAccountNumber: order.receiver?.bankAccountNumber ?? '',
      email: order.receiver?.email ?? '',
    },
  };
}

/** A typed amount as a number ("1 000,50" and "1000.5" both read); text that is no number stays text, for the check to name. */
export function amountOf(text: string): number | string {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(compact) ? Number(compact) : text;
}

/** What would be saved: the lines with their amounts read, the receiver's filled fields (none: the app owner receives). */
export function orderOfDraft(draft: OrderDraft): PaymentOrderData {
  const used = new Set<string>();
  const orderLines = draft.lines.map((line, i) => {
    // Ids name lines in the payment; a new or repeated one gets the next free number.
    let id = line.id.trim();
    for (let n = i + 1; id === '' || used.has(id); n++) id = String(n);
    used.add(id);
    return {
      id,
      name: line.name.trim(),
      ...(line.textResourceKey.trim() !== '' ? { textResourceKey: line.textResourceKey.trim() } : {}),
      priceExVat: amountOf(line.priceExVat),
      quantity: amountOf(line.quantity),
      vatPercent: amountOf(line.vatPercent),
      unit: line.unit.trim() || 'pcs',
    };
  }) as unknown as PaymentOrderLine[];
  const receiver = Object.fromEntries(receiverFields.map((f) => [f, draft.receiver[f].trim()]).filter(([, v]) => v !== '')) as PaymentReceiver;
  return { orderLines, ...(Object.keys(receiver).length > 0 ? { receiver } : {}) };
}

const messages: Record<OrderProblem['code'], TextKey> = {
  orderLines: 'paymentOrder.problem.name',
  notObject: 'paymentOrder.problem.name',
  name: 'paymentOrder.problem.name',
  priceExVat: 'paymentOrder.problem.priceExVat',
  quantity: 'paymentOrder.problem.quantity',
  vatPercent: 'paymentOrder.problem.vatPercent',
  text: 'paymentOrder.problem.text',
};

/** Every problem of the draft, at its line and field, by the rules the runtime reads the saved file with. */
export function orderDraftProblems(draft: OrderDraft): OrderDraftProblem[] {
  return readPreviewOrder(orderOfDraft(draft)).problems.flatMap((p): OrderDraftProblem[] => {
    if (p.field === null) return [];
    const key = p.line === null ? null : (draft.lines[p.line]?.key ?? null);
    return [{ key, field: p.field, message: messages[p.code] }];
  });
}

/** The order to save, or null while it has problems. */
export function savableOrder(draft: OrderDraft): PaymentOrderData | null {
  return readPreviewOrder(orderOfDraft(draft)).order;
}

/** Each line's total with VAT (null while its amounts cannot be read) and the order's totals over the lines that can. */
export function draftTotals(draft: OrderDraft): { lines: Readonly<Record<string, number | null>>; totalPriceExVat: number; totalVat: number; totalPriceIncVat: number } {
  const lines: Record<string, number | null> = {};
  const readable: { priceExVat: number; quantity: number; vatPercent: number }[] = [];
  for (const line of draft.lines) {
    const amounts = { priceExVat: amountOf(line.priceExVat), quantity: amountOf(line.quantity), vatPercent: amountOf(line.vatPercent) };
    const numbers = Object.values(amounts).every((v) => typeof v === 'number') ? (amounts as { priceExVat: number; quantity: number; vatPercent: number }) : null;
    lines[line.key] = numbers ? lineTotals(numbers).incVat : null;
    if (numbers) readable.push(numbers);
  }
  return { lines, ...orderTotals(readable) };
}

/** The draft with a new empty line (quantity 1, no VAT) at the end, and the line's key. */
export function addLine(draft: OrderDraft): { draft: OrderDraft; key: string } {
  const key = newKey();
  return { draft: { ...draft, lines: [...draft.lines, { key, id: '', name: '', textResourceKey: '', priceExVat: '', quantity: '1', vatPercent: '0', unit: 'pcs' }] }, key };
}

export function removeLine(draft: OrderDraft, key: string): OrderDraft {
  return { ...draft, lines: draft.lines.filter((l) => l.key !== key) };
}

export function updateLine(draft: OrderDraft, key: string, patch: Partial<Omit<OrderLineDraft, 'key'>>): OrderDraft {
  return { ...draft, lines: draft.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) };
}

export function updateReceiver(draft: OrderDraft, field: ReceiverField, value: string): OrderDraft {
  return { ...draft, receiver: { ...draft.receiver, [field]: value } };
}
