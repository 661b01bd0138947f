/**
 * Altinn's payment status model (§5.7, app-lib `PaymentInformation`): stored as one JSON data element
 * of the payment task's `paymentDataType`, read and written only by the runtime (the type is
 * `app:owned`). The order comes from the preview's order lines (paymentOrderLines) in place of C#.
 */
import { randomUUID } from 'node:crypto';
import { orderTotals } from '../../core/payment/previewOrder';
import { taskById, type ProcessTaskNode } from '../../core/process';
import { isJsonObject } from '../../core/text/jsonDocument';
import { HttpError, type RouteContext } from './http';
import { defaultPreviewOrder, type PaymentOrderLine, type PaymentReceiver, type PreviewOrder } from './paymentOrderLines';
import { processModelOf } from './processEngine';
import type { DataElement, Instance } from './storage';

export type PaymentStatus = 'Uninitialized' | 'Created' | 'Paid' | 'Failed' | 'Cancelled' | 'Skipped';

/** The id the preview's provider has in `orderDetails.paymentProcessorId` (Altinn: "Nets Easy", "Fake Payment Processor"). */
export const previewProcessorId = 'Studio preview payment provider';

/** Altinn's `OrderDetails` with its computed totals. */
export interface OrderDetails {
  readonly paymentProcessorId: string;
  readonly receiver: PaymentReceiver;
  readonly currency: 'NOK';
  readonly orderLines: readonly PaymentOrderLine[];
  readonly orderReference?: string;
  readonly totalPriceExVat: number;
  readonly totalVat: number;
  readonly totalPriceIncVat: number;
}

/** Who paid, as the provider reports it (Altinn's `Payer`). */
export interface Payer {
  readonly privatePerson?: { readonly firstName?: string; readonly lastName?: string; readonly email?: string };
  readonly company?: { readonly organisationNumber?: string; readonly name?: string };
}

/** Altinn's `PaymentDetails`: the payment at the provider. */
export interface PaymentDetails {
  readonly paymentId: string;
  readonly redirectUrl?: string;
  readonly payer?: Payer;
  readonly paymentType?: string;
  readonly paymentMethod?: string;
  readonly createdDate?: string;
  readonly chargedDate?: string;
  readonly cardDetails?: { readonly maskedPan?: string; readonly expiryDate?: string };
}

/** Altinn's `PaymentInformation`, what `GET …/payment` answers and the payment data element holds. */
export interface PaymentInformation {
  readonly taskId: string;
  readonly status: PaymentStatus;
  readonly orderDetails: OrderDetails;
  readonly paymentDetails?: PaymentDetails;
  /** Not Altinn's: why the preview's order lines were not the host's (shown by the provider page). */
  readonly previewProblem?: string;
}

/** A payment task with its configured data type. */
export interface PaymentTask {
  readonly task: ProcessTaskNode;
  readonly dataType: string;
}

/** A refused payment step with Altinn's error code (the actions route answers it as a UserActionResponse error). */
export class PaymentError extends HttpError {
  constructor(
    status: number,
    readonly code: string,
    message: string,
  ) {
    super(status, message);
  }
}

/** Order details with Altinn's totals: Σ price × quantity, Σ of that × VAT %, and their sum. */
export function orderDetailsOf(order: PreviewOrder, receiver: PaymentReceiver): OrderDetails {
  // The studio's editor shows the same totals before the order is saved.
  return { paymentProcessorId: previewProcessorId, receiver: order.receiver ?? receiver, currency: 'NOK', orderLines: order.orderLines, ...orderTotals(order.orderLines) };
}

/** The order of this app now (the host's lines, else the default), with the app owner as receiver. */
export async function currentOrder(ctx: RouteContext): Promise<{ details: OrderDetails; problem?: string }> {
  const source = ctx.services.paymentOrderLines;
  const order: PreviewOrder = source ? await source({ org: ctx.org, appName: ctx.appName }) : defaultPreviewOrder;
  const owner = ctx.services.people?.organisations.find((o) => o.serviceOwner === ctx.org);
  const receiver: PaymentReceiver = owner ? { organisationNumber: owner.orgNumber, name: owner.name } : { name: ctx.org };
  return { details: orderDetailsOf(order, receiver), ...(order.problem ? { problem: order.problem } : {}) };
}

/** Task `taskId` (default: the instance's current task) when it is a payment task with a payment data type; null otherwise. */
export function paymentTaskOf(ctx: Pick<RouteContext, 'app'>, instance: Instance, taskId?: string | null): PaymentTask | null {
  const model = processModelOf(ctx.app);
  const task = model ? taskById(model, taskId ?? instance.process.currentTask?.elementId ?? null) : undefined;
  if (!task || task.taskType !== 'payment') return null;
  const dataType = task.paymentConfig?.paymentDataType;
  if (!dataType) throw new HttpError(500, `Payment task "${task.id}" has no <altinn:paymentConfig><altinn:paymentDataType> in process.bpmn; add it (and the data type in applicationmetadata.json, application/json, app:owned)`);
  return { task, dataType };
}

/** The stored payment of a task (its data element and content), or null when none was started. */
export async function readPayment(ctx: RouteContext, instance: Instance, payment: PaymentTask): Promise<{ element: DataElement; info: PaymentInformation } | null> {
  for (const element of instance.data.filter((d) => d.dataType === payment.dataType)) {
    const stored = await ctx.storage.readData(instance.id, element.id);
    const content = stored?.content instanceof Uint8Array ? (JSON.parse(new TextDecoder().decode(stored.content)) as unknown) : stored?.content;
    if (isJsonObject(content) && content.taskId === payment.task.id) return { element, info: content as unknown as PaymentInformation };
  }
  return null;
}

/** Stores `info` as the task's payment element, replacing `previous` (Altinn deletes and inserts). */
export async function storePayment(ctx: RouteContext, instance: Instance, payment: PaymentTask, info: PaymentInformation, previous: DataElement | null): Promise<Instance> {
  const now = new Date().toISOString();
  const bytes = new TextEncoder().encode(JSON.stringify(info));
  if (previous) {
    const written = await ctx.storage.writeData(instance.id, previous.id, bytes, bytes.byteLength, now);
    if (!written) throw new HttpError(404, `The payment of ${instance.id} is gone`);
    return (await ctx.storage.getInstance(instance.id)) ?? instance;
  }
  const by = ctx.user ? String(ctx.user.userId ?? ctx.user.partyId) : undefined;
  const element: DataElement = {
    id: randomUUID(),
    instanceGuid: instance.id.split('/')[1]!,
    dataType: payment.dataType,
    contentType: 'application/json',
    size: bytes.byteLength,
    locked: false,
    refs: [],
    tags: [],
    isRead: true,
    created: now,
    lastChanged: now,
    ...(by ? { createdBy: by, lastChangedBy: by } : {}),
  };
  const updated = await ctx.storage.addData(instance.id, element, bytes, now);
  if (!updated) throw new HttpError(404, `The instance "${instance.id}" does not exist`);
  return updated;
}

/** Whether the payment lets the process move on (Altinn's IsPaymentCompleted: Paid or Skipped). */
export function isPaymentCompleted(info: PaymentInformation | null | undefined): boolean {
  return info?.status === 'Paid' || info?.status === 'Skipped';
}

/** The instance `:partyId/:guid` of the route, 404 when unknown. */
export async function routeInstance(ctx: RouteContext): Promise<Instance> {
  const id = `${ctx.params.partyId}/${ctx.params.guid}`;
  const instance = await ctx.storage.getInstance(id);
  if (!instance) throw new HttpError(404, `The instance "${id}" does not exist`);
  return instance;
}
