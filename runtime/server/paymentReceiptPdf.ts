/**
 * The payment receipt PDF: when a paid payment task ends, Altinn (PaymentProcessTask.End) renders the
 * task through the PDF service and stores it as the `paymentReceiptPdfDataType` element
 * ("Betalingskvittering.pdf"). A host without a PDF service stores none, as for the form receipt.
 */
import type { RouteContext } from './http';
import type { PaymentTask } from './paymentModel';
import { generatedPdfElement, renderTaskPdf } from './pdfElement';
import type { Instance } from './storage';

/** Altinn's file name of the payment receipt. */
export const paymentReceiptFilename = 'Betalingskvittering.pdf';

/** Renders and stores the receipt of `payment`; returns the new element's id, or null (no PDF service or no receipt data type). */
export async function createPaymentReceiptPdf(ctx: RouteContext, instance: Instance, payment: PaymentTask): Promise<string | null> {
  const dataType = payment.task.paymentConfig?.paymentReceiptPdfDataType;
  if (!dataType) return null;
  const bytes = await renderTaskPdf(ctx, instance, payment.task.id, ctx.query.get('language') || 'nb');
  if (!bytes) return null;
  const now = new Date().toISOString();
  const element = generatedPdfElement(ctx, instance, { taskId: payment.task.id, dataType, filename: paymentReceiptFilename, size: bytes.byteLength, now });
  if (!(await ctx.storage.addData(instance.id, element, bytes, now))) throw new Error(`The instance ${instance.id} no longer exists, so its payment receipt could not be stored`);
  return element.id;
}

/** Takes back a receipt stored for a move that then did not happen. */
export async function removePaymentReceiptPdf(ctx: RouteContext, instanceId: string, elementId: string): Promise<void> {
  await ctx.storage.removeData(instanceId, elementId, new Date().toISOString());
}
