/**
 * Leaving a payment task (§5.7). Altinn's payment task ends only when the payment is Paid or Skipped
 * (PaymentProcessTask.End); the frontend moves on with `confirm` once it reads Paid, and `reject` goes
 * back without paying. process/next asks this before the engine moves an instance out of a payment task.
 */
import { defaultAction } from '../../core/process';
import { authorizeAction } from './authorization';
import type { RouteContext, RouteResult } from './http';
import { isPaymentCompleted, readPayment, type PaymentTask } from './paymentModel';
import { createPaymentReceiptPdf, removePaymentReceiptPdf } from './paymentReceiptPdf';
import { moveNext } from './processEngine';
import type { AltinnValidationIssue } from './processEngineValidation';
import type { Instance } from './storage';

/** The issue that keeps an unpaid payment task from ending. */
function notPaidIssue(status: string): AltinnValidationIssue {
  const description = status === 'Uninitialized' ? 'The payment has not been started. Pay before you continue.' : `The payment is not completed (status ${status}). Pay before you continue.`;
  return { severity: 1, source: 'Payment', code: 'PaymentNotCompleted', description, customTextKey: 'payment.alert.not_completed', customTextParameters: { '0': status } };
}

/** process/next in payment task `payment`: leaving needs a completed payment (reject excepted), then the engine moves on. */
export async function leavePaymentTask(ctx: RouteContext, instance: Instance, requested: string | null, payment: PaymentTask): Promise<RouteResult> {
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
