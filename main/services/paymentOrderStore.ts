/**
 * The payment order each app's preview uses in place of its C# IOrderDetailsCalculator:
 * `preview-orders/<org>-<app>.json` in the studio's config folder, never in the app repository.
 * Absent, the default order (a fee of 1000 NOK) stands; a damaged file is reported, not replaced.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PaymentOrderData } from '../../core/api';
import { readPreviewOrder } from '../../core/payment/previewOrder';
import { orderLinesFromFile, type PaymentOrderSource } from '../../runtime/server/paymentOrderLines';
import { writeFileAtomic } from '../../runtime/server/atomicWrite';

/** The app an order is kept for, as the preview names it (runtimeHost's appIdentity). */
export interface OrderApp {
  readonly org: string;
  readonly appName: string;
}

/** A saved order that cannot be used, or an order that cannot be saved; the message names each problem and where. */
export class PaymentOrderFileError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[],
  ) {
    super(message);
    this.name = 'PaymentOrderFileError';
  }
}

/** Where app `org/appName`'s order lives in `configDir`. */
export const paymentOrderFile = (configDir: string, app: OrderApp) => path.join(configDir, 'preview-orders', `${app.org}-${app.appName}.json`);

/** The app's saved order, null when none is saved; throws PaymentOrderFileError naming what is wrong in a damaged file. */
export async function readPaymentOrderStore(configDir: string, app: OrderApp): Promise<PaymentOrderData | null> {
  const file = paymentOrderFile(configDir, app);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new PaymentOrderFileError(`The payment order file ${file} is not valid JSON: ${(error as Error).message}`, []);
  }
  const { order, problems } = readPreviewOrder(value);
  if (!order) throw new PaymentOrderFileError(`The payment order file ${file} cannot be used:\n${problems.map((p) => `- ${p.message}`).join('\n')}`, problems.map((p) => p.message));
  return order;
}

/** Saves the app's order (atomically); an order with a problem is refused with PaymentOrderFileError naming each, and the file stays. */
export async function writePaymentOrderStore(configDir: string, app: OrderApp, order: PaymentOrderData): Promise<void> {
  const { order: checked, problems } = readPreviewOrder(order);
  if (!checked) throw new PaymentOrderFileError(`The payment order cannot be used:\n${problems.map((p) => `- ${p.message}`).join('\n')}`, problems.map((p) => p.message));
  const file = paymentOrderFile(configDir, app);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(checked, null, 2)}\n`);
}

/** The runtime's source of orders: each payment reads the app's file again, so a save applies to the next payment. */
export function paymentOrderSource(configDir: string): PaymentOrderSource {
  return (app) => orderLinesFromFile(paymentOrderFile(configDir, app))(app);
}
