/**
 * The payment receipt PDF: when a paid payment task ends, Altinn (PaymentProcessTask.End) renders the
 * task through the PDF service and stores it as the `paymentReceiptPdfDataType` element
 * ("Betalingskvittering.pdf"). A host without a PDF service stores none, as for the form receipt.
 */
import { randomUUID } from 'node:crypto';
import type { RouteContext } from './http';
import type { PaymentTask } from './paymentModel';
import type { DataElement, Instance } from './storage';

/** Altinn's file name of the payment receipt. */
export const paymentReceiptFilename = 'Betalingskvittering.pdf';

/** Renders and stores the receipt of `payment`; returns the new element's id, or null (no PDF service or no receipt data type). */
export async function createPaymentReceiptPdf(ctx: RouteContext, instance: Instance, payment: PaymentTask): Promise<string | null> {
  const service = ctx.services.pdf;
  const dataType = payment.task.paymentConfig?.paymentReceiptPdfDataType;
  if (!service || !dataType) return null;
  const language = ctx.query.get('language') || 'nb';
  const persona = ctx.user?.userId !== undefined ? String(ctx.user.userId) : ctx.user?.organisationNumber ? `org:${ctx.user.organisationNumber}` : undefined;
  const bytes = await service.render({ org: ctx.org, appName: ctx.appName, instanceId: instance.id, language, taskId: payment.task.id, ...(persona ? { persona } : {}) });
  const now = new Date().toISOString();
  const by = ctx.user ? String(ctx.user.userId ?? ctx.user.organisationNumber ?? ctx.user.partyId) : undefined;
  const element: DataElement = {
    id: randomUUID(),
    instanceGuid: instance.id.split('/')[1]!,
    dataType,
    contentType: 'application/pdf',
    filename: paymentReceiptFilename,
    size: bytes.byteLength,
    locked: true,
    refs: [],
    tags: [],
    isRead: true,
    created: now,
    lastChanged: now,
    ...(by ? { createdBy: by, lastChangedBy: by } : {}),
  };
  if (!(await ctx.storage.addData(instance.id, element, bytes, now))) throw new Error(`The instance ${instance.id} no longer exists, so its payment receipt could not be stored`);
  return element.id;
}

/** Takes back a receipt stored for a move that then did not happen. */
export async function removePaymentReceiptPdf(ctx: RouteContext, instanceId: string, elementId: string): Promise<void> {
  await ctx.storage.removeData(instanceId, elementId, new Date().toISOString());
}
