/**
 * The order lines of a payment offline. Altinn computes them in the app's C# (`IOrderDetailsCalculator`,
 * §5.7), which the preview cannot run, so the person previewing enters them instead: the host passes
 * a source (`RuntimeServices.paymentOrderLines`, e.g. `orderLinesFromFile` over a JSON file the studio
 * keeps per app), and without one every payment is the default single line "Gebyr", 1000 NOK.
 */
import { readFile } from 'node:fs/promises';
import { isJsonObject } from '../../core/text/jsonDocument';

/** One order line as Altinn's `PaymentOrderLine`: price per unit without VAT, VAT in percent. */
export interface PaymentOrderLine {
  readonly id: string;
  readonly name: string;
  readonly textResourceKey?: string;
  readonly priceExVat: number;
  readonly quantity: number;
  readonly vatPercent: number;
  readonly unit: string;
}

/** Who receives the money (Altinn's `PaymentReceiver`, the subset the preview fills). */
export interface PaymentReceiver {
  readonly organisationNumber?: string;
  readonly name?: string;
  readonly bankAccountNumber?: string;
  readonly email?: string;
}

/** What stands in for the app's calculator: the order lines and, optionally, the receiver. */
export interface PreviewOrder {
  readonly orderLines: readonly PaymentOrderLine[];
  readonly receiver?: PaymentReceiver;
  /** Why the host's lines could not be used (then the default lines are used and this says so). */
  readonly problem?: string;
}

/** Gives the order of app `org/appName` (read on every payment, so edits apply to the next one). */
export type PaymentOrderSource = (app: { readonly org: string; readonly appName: string }) => PreviewOrder | Promise<PreviewOrder>;

declare module './services' {
  interface RuntimeServices {
    /** The order lines payments use in place of the app's C# IOrderDetailsCalculator; absent: `defaultPreviewOrder`. */
    readonly paymentOrderLines?: PaymentOrderSource;
  }
}

/** The order every payment has when the host gives none: one fee of 1000 NOK without VAT. */
export const defaultPreviewOrder: PreviewOrder = {
  orderLines: [{ id: 'gebyr', name: 'Gebyr', priceExVat: 1000, quantity: 1, vatPercent: 0, unit: 'pcs' }],
};

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Reads order lines from JSON (`{ orderLines: [...], receiver? }` or a bare array); problems name the line and field. */
export function parsePreviewOrder(value: unknown): { order: PreviewOrder | null; problems: string[] } {
  const problems: string[] = [];
  const lines = Array.isArray(value) ? value : isJsonObject(value) ? value.orderLines : undefined;
  if (!Array.isArray(lines)) return { order: null, problems: ['The order needs "orderLines": a list of { id, name, priceExVat, quantity, vatPercent, unit }'] };
  const orderLines: PaymentOrderLine[] = [];
  lines.forEach((line: unknown, i) => {
    const at = `Order line ${i + 1}`;
    if (!isJsonObject(line)) return void problems.push(`${at} is not an object`);
    const name = typeof line.name === 'string' && line.name.trim() !== '' ? line.name : null;
    if (!name) problems.push(`${at} has no name`);
    if (!finite(line.priceExVat) || line.priceExVat < 0) problems.push(`${at}: priceExVat must be a number of 0 or more`);
    const quantity = line.quantity === undefined ? 1 : line.quantity;
    if (!finite(quantity) || !Number.isInteger(quantity) || quantity < 1) problems.push(`${at}: quantity must be a whole number of 1 or more`);
    const vatPercent = line.vatPercent === undefined ? 0 : line.vatPercent;
    if (!finite(vatPercent) || vatPercent < 0 || vatPercent > 100) problems.push(`${at}: vatPercent must be between 0 and 100`);
    if (!name || !finite(line.priceExVat) || !finite(quantity) || !finite(vatPercent)) return;
    orderLines.push({
      id: typeof line.id === 'string' && line.id !== '' ? line.id : String(i + 1),
      name,
      ...(typeof line.textResourceKey === 'string' ? { textResourceKey: line.textResourceKey } : {}),
      priceExVat: line.priceExVat,
      quantity,
      vatPercent,
      unit: typeof line.unit === 'string' && line.unit !== '' ? line.unit : 'pcs',
    });
  });
  const receiver = isJsonObject(value) && isJsonObject(value.receiver) ? (value.receiver as PaymentReceiver) : undefined;
  if (problems.length > 0) return { order: null, problems };
  return { order: { orderLines, ...(receiver ? { receiver } : {}) }, problems };
}

/**
 * A source reading the order from a JSON file (the studio's per-app preview file); an absent file
 * gives the default order, a damaged one the default order with the problem (shown on the provider page).
 */
export function orderLinesFromFile(path: string): PaymentOrderSource {
  return async () => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultPreviewOrder;
      return { ...defaultPreviewOrder, problem: `The order lines file ${path} cannot be read: ${(error as Error).message}` };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch (error) {
      return { ...defaultPreviewOrder, problem: `The order lines file ${path} is not valid JSON: ${(error as Error).message}` };
    }
    const { order, problems } = parsePreviewOrder(parsed);
    return order ?? { ...defaultPreviewOrder, problem: `The order lines file ${path} was not used: ${problems.join('; ')}` };
  };
}

/** A source that always gives these lines (tests, a host that keeps them in memory). */
export function fixedOrderLines(orderLines: readonly PaymentOrderLine[], receiver?: PaymentReceiver): PaymentOrderSource {
  return () => ({ orderLines, ...(receiver ? { receiver } : {}) });
}
