/**
 * The order lines of a payment offline. Altinn computes them in the app's C# (`IOrderDetailsCalculator`,
 * §5.7), which the preview cannot run, so the person previewing enters them instead: the host passes
 * a source (`RuntimeServices.paymentOrderLines`, e.g. `orderLinesFromFile` over a JSON file the studio
 * keeps per app), and without one every payment is the default single line "Gebyr", 1000 NOK.
 */
import { readFile } from 'node:fs/promises';
import type { PaymentOrderData, PaymentOrderLine, PaymentReceiver } from '../../core/api/paymentOrderTypes';
import { defaultPreviewOrder, parsePreviewOrder } from '../../core/payment/previewOrder';

export type { PaymentOrderLine, PaymentReceiver } from '../../core/api/paymentOrderTypes';
export { defaultPreviewOrder, parsePreviewOrder } from '../../core/payment/previewOrder';

/** What stands in for the app's calculator: the order lines and, optionally, the receiver. */
export interface PreviewOrder extends PaymentOrderData {
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
