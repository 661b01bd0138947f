/**
 * The payment routes (§8.5): the payment's status, its order details and the test provider page. The
 * rule for leaving a payment task is in paymentLeave.ts, which process/next asks.
 */
import { HttpError, ok, type Route, type RouteContext, type RouteResult } from './http';
import { currentOrder, paymentTaskOf, readPayment, routeInstance, type PaymentInformation } from './paymentModel';
import { answerProviderPage, showProviderPage } from './paymentProvider';

/** GET …/payment: the stored payment of the task (`taskId`, default the current one), else `Uninitialized` with the order. */
async function paymentStatus(ctx: RouteContext): Promise<RouteResult> {
  const instance = await routeInstance(ctx);
  const taskId = ctx.query.get('taskId') || instance.process.currentTask?.elementId || null;
  const payment = paymentTaskOf(ctx, instance, taskId);
  if (!payment) throw new HttpError(409, `There is no payment: ${taskId ? `task ${taskId} is not a payment task` : 'the instance is in no task; name one with ?taskId='}`);
  const stored = await readPayment(ctx, instance, payment);
  if (stored) return ok(stored.info);
  const { details, problem } = await currentOrder(ctx);
  const info: PaymentInformation = { taskId: payment.task.id, status: 'Uninitialized', orderDetails: details, ...(problem ? { previewProblem: problem } : {}) };
  return ok(info);
}

/** The payment routes. */
export const paymentRoutes: readonly Route[] = [
  { method: 'GET', path: 'instances/:partyId/:guid/payment', action: 'read', handle: paymentStatus },
  {
    method: 'GET',
    path: 'instances/:partyId/:guid/payment/order-details',
    action: 'read',
    handle: async (ctx) => {
      await routeInstance(ctx);
      return ok((await currentOrder(ctx)).details);
    },
  },
  // The provider is not Altinn: it answers whoever has the link (the preview's guard still applies).
  { method: 'GET', path: 'instances/:partyId/:guid/payment-provider/:paymentId', handle: showProviderPage },
  { method: 'POST', path: 'instances/:partyId/:guid/payment-provider/:paymentId', handle: answerProviderPage },
];
