/**
 * The payment routes (§8.5): the payment's status, its order details, the test provider page, and the
 * rule for leaving a payment task. Altinn's payment task ends only when the payment is Paid or
 * Skipped (PaymentProcessTask.End); the frontend moves on with `confirm` once it reads Paid, and
 * `reject` goes back without paying. process/next in a payment task therefore passes through here
 * first (this table is listed before the process routes) and on to the engine when the move may go.
 */
import { defaultAction } from '../../core/process';
import { isJsonObject } from '../../core/text/jsonDocument';
import { authorizeAction } from './authorization';
import { HttpError, ok, type Route, type RouteContext, type RouteResult } from './http';
import { currentOrder, isPaymentCompleted, paymentTaskOf, readPayment, routeInstance, type PaymentInformation } from './paymentModel';
import { answerProviderPage, showProviderPage } from './paymentProvider';
import { createPaymentReceiptPdf, removePaymentReceiptPdf } from './paymentReceiptPdf';
import type { AltinnValidationIssue } from './processEngineValidation';
import { moveNext } from './processEngine';

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

/** The action of a process/next body (as the process routes read it). */
async function requestedAction(ctx: RouteContext): Promise<string | null> {
  const body = await ctx.jsonBody();
  if (body === undefined || body === null) return null;
  if (!isJsonObject(body)) throw new HttpError(400, 'The body of process/next must be a JSON object like {"action": "confirm"}, or empty');
  if (body.action === undefined || body.action === null || body.action === '') return null;
  if (typeof body.action !== 'string') throw new HttpError(400, 'The "action" of process/next must be a string');
  return body.action;
}

/** The issue that keeps an unpaid payment task from ending. */
function notPaidIssue(status: string): AltinnValidationIssue {
  const description = status === 'Uninitialized' ? 'The payment has not been started. Pay before you continue.' : `The payment is not completed (status ${status}). Pay before you continue.`;
  return { severity: 1, source: 'Payment', code: 'PaymentNotCompleted', description, customTextKey: 'payment.alert.not_completed', customTextParameters: { '0': status } };
}

/** process/next: in a payment task, leaving needs a completed payment (reject excepted); elsewhere straight to the engine. */
async function processNext(ctx: RouteContext): Promise<RouteResult> {
  const instance = await routeInstance(ctx);
  const requested = await requestedAction(ctx);
  const payment = instance.process.ended ? null : paymentTaskOf(ctx, instance);
  if (!payment) return moveNext(ctx, instance, requested);
  const action = requested ?? defaultAction(payment.task) ?? 'pay';
  const rejects = action === 'reject' && payment.task.actions.some((a) => a.id === 'reject');
  if (rejects) return moveNext(ctx, instance, requested);
  // Who may not act gets 403 before hearing about the payment.
  authorizeAction(ctx, instance, action);
  const stored = await readPayment(ctx, instance, payment);
  const status = stored?.info.status ?? 'Uninitialized';
  const conflict = (message: string): RouteResult => ({ status: 409, body: { status: 409, title: message, detail: message, message, validationIssues: isPaymentCompleted(stored?.info) ? [] : [notPaidIssue(status)] } });
  if (action === 'pay') {
    return conflict(`"pay" starts a payment (POST …/actions {"action": "pay"}) and does not move the process; once the payment is Paid, move on with "confirm"`);
  }
  if (!isPaymentCompleted(stored?.info)) return conflict(`The payment of task ${payment.task.id} is not completed (status ${status}); the task cannot end before it is Paid`);
  // Ending the task renders the payment receipt (Altinn: PaymentProcessTask.End); a move that then fails takes it back.
  const receipt = await createPaymentReceiptPdf(ctx, instance, payment);
  const moved = await moveNext(ctx, (receipt && (await ctx.storage.getInstance(instance.id))) || instance, requested);
  if (receipt && moved.status !== 200) await removePaymentReceiptPdf(ctx, instance.id, receipt);
  return moved;
}

/** The payment routes; listed before the process routes so process/next passes the payment rule first. */
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
  { method: 'PUT', path: 'instances/:partyId/:guid/process/next', handle: processNext },
];
