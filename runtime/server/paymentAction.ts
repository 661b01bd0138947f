/**
 * The `pay` user action (app-lib's PaymentUserAction + PaymentService.StartPayment): a payment already
 * paid is refused (409 `PaymentAlreadyCompleted`); an open, failed or cancelled one is replaced by a
 * new payment at the provider — here the runtime's own test provider page — whose address the
 * answer's `redirectUrl` sends the user to. An order of 0 NOK is `Skipped` with no redirect.
 */
import { randomUUID } from 'node:crypto';
import type { RouteContext } from './http';
import { currentOrder, PaymentError, paymentTaskOf, readPayment, storePayment, type PaymentInformation } from './paymentModel';
import type { UserActionHandler } from './userActions';

/** The provider page of a payment: absolute when the request named its host (Altinn's redirect URLs are). */
export function providerUrl(ctx: RouteContext, instanceId: string, paymentId: string): string {
  const path = `/${ctx.org}/${ctx.appName}/instances/${instanceId}/payment-provider/${encodeURIComponent(paymentId)}`;
  const host = typeof ctx.headers.host === 'string' ? ctx.headers.host : null;
  return host ? `http://${host}${path}` : path;
}

/** `pay`: starts a payment in the current payment task and answers with the provider's address. */
export const payAction: UserActionHandler = async ({ ctx, instance, taskId }) => {
  const payment = paymentTaskOf(ctx, instance, taskId);
  if (!payment) throw new PaymentError(409, 'NoPaymentTask', `"pay" runs in a payment task; task ${taskId} is not one (taskType payment with <altinn:paymentConfig>)`);
  const existing = await readPayment(ctx, instance, payment);
  if (existing?.info.status === 'Paid') {
    throw new PaymentError(409, 'PaymentAlreadyCompleted', 'Payment already completed.');
  }
  const { details, problem } = await currentOrder(ctx);
  const now = new Date().toISOString();
  const paymentId = randomUUID();
  const info: PaymentInformation =
    details.totalPriceIncVat > 0
      ? { taskId, status: 'Created', orderDetails: details, paymentDetails: { paymentId, redirectUrl: providerUrl(ctx, instance.id, paymentId), createdDate: now }, ...(problem ? { previewProblem: problem } : {}) }
      : { taskId, status: 'Skipped', orderDetails: details, ...(problem ? { previewProblem: problem } : {}) };
  // An earlier payment that was not paid is cancelled and replaced, as PaymentService does.
  const updated = await storePayment(ctx, instance, payment, info, existing?.element ?? null);
  return { instance: updated, ...(info.paymentDetails?.redirectUrl ? { redirectUrl: info.paymentDetails.redirectUrl } : {}) };
};
