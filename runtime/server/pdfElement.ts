/**
 * The receipt PDF of a task (§5.3, v8's "legacy" path: generated when a data task ends), stored as a
 * `ref-data-as-pdf` data element (§6.3) that GET …/data/{id} serves as application/pdf.
 *
 * The PDF needs Chromium (services.pdf: runtime/server/chromiumPdf.ts on a server,
 * main/electron/electronPdf.ts in the desktop app). A host without Chromium offers no PDF: the task
 * ends without one and the instance is returned unchanged, as Altinn's local test environment does
 * when its PDF generator is not running.
 */
import { randomUUID } from 'node:crypto';
import { isJsonObject } from '../../core/text/jsonDocument';
import type { RouteContext } from './http';
import type { DataElement, Instance } from './storage';

/** The data type Altinn gives generated PDFs. */
export const pdfDataType = 'ref-data-as-pdf';

/** Altinn's reference from a generated PDF to the task it was made from (stored with the element). */
interface TaskReference {
  readonly relation: 'GeneratedFrom';
  readonly valueType: 'Task';
  readonly value: string;
}

/** A PDF data element with the task it was generated from. */
export type PdfElement = DataElement & { readonly references?: readonly TaskReference[] };

/** The PDF's file name: the app's title in `language` (else Norwegian, else the app name), without characters file systems refuse. */
export function pdfFilename(ctx: Pick<RouteContext, 'app' | 'appName'>, language: string): string {
  const metadata = ctx.app.metadata?.doc.value;
  const title = isJsonObject(metadata) && isJsonObject(metadata.title) ? metadata.title : {};
  const named = [title[language], title.nb, ...Object.values(title)].find((t): t is string => typeof t === 'string' && t.trim() !== '');
  // eslint-disable-next-line no-control-regex
  const safe = (named ?? ctx.appName).replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').trim().slice(0, 120);
  return `${safe || ctx.appName}.pdf`;
}

/** Whether `element` is the generated PDF of `taskId` stored as `dataType`. */
function isPdfOf(element: PdfElement, taskId: string, dataType: string): boolean {
  return element.dataType === dataType && (element.references ?? []).some((r) => r.valueType === 'Task' && r.value === taskId);
}

/**
 * The print view of `taskId` rendered by `ctx.services.pdf` as the user who moved the process (whom
 * the policy let in); null without a PDF service (a host without Chromium). A failing render rejects.
 */
export async function renderTaskPdf(ctx: RouteContext, instance: Instance, taskId: string, language: string): Promise<Uint8Array | null> {
  const service = ctx.services.pdf;
  if (!service) return null;
  const persona = ctx.user?.userId !== undefined ? String(ctx.user.userId) : ctx.user?.organisationNumber ? `org:${ctx.user.organisationNumber}` : undefined;
  return service.render({ org: ctx.org, appName: ctx.appName, instanceId: instance.id, language, taskId, ...(persona ? { persona } : {}) });
}

/** A locked PDF element of `dataType` generated from `taskId`, made by the acting user. */
export function generatedPdfElement(
  ctx: RouteContext,
  instance: Instance,
  pdf: { readonly taskId: string; readonly dataType: string; readonly filename: string; readonly size: number; readonly now: string },
): PdfElement {
  const by = ctx.user?.userId !== undefined ? String(ctx.user.userId) : ctx.user?.organisationNumber;
  return {
    id: randomUUID(),
    instanceGuid: instance.id.split('/')[1] ?? instance.id,
    dataType: pdf.dataType,
    contentType: 'application/pdf',
    filename: pdf.filename,
    size: pdf.size,
    locked: true,
    refs: [],
    tags: [],
    isRead: true,
    created: pdf.now,
    lastChanged: pdf.now,
    ...(by ? { createdBy: by, lastChangedBy: by } : {}),
    references: [{ relation: 'GeneratedFrom', valueType: 'Task', value: pdf.taskId }],
  };
}

/**
 * Renders the receipt PDF of `taskId` through `ctx.services.pdf` and stores it as a locked
 * element of `dataType` (`ref-data-as-pdf`; a signing task's `signingPdfDataType`), replacing the
 * one an earlier pass through the same task made, and records a `PdfGenerated` event. Returns the
 * instance as stored; without a PDF service (a host without Chromium) returns `instance` unchanged.
 * A failing render rejects and stores nothing.
 */
export async function createReceiptPdf(ctx: RouteContext, instance: Instance, taskId: string, dataType: string = pdfDataType): Promise<Instance> {
  const language = ctx.query.get('language') || 'nb';
  const bytes = await renderTaskPdf(ctx, instance, taskId, language);
  if (!bytes) return instance;
  const now = new Date().toISOString();
  const element = generatedPdfElement(ctx, instance, { taskId, dataType, filename: pdfFilename(ctx, language), size: bytes.byteLength, now });
  // The new PDF goes in before the old one goes out, so a failure in between never leaves the task without one.
  const earlier = ((await ctx.storage.getInstance(instance.id))?.data ?? instance.data).filter((d) => isPdfOf(d, taskId, dataType)).map((d) => d.id);
  let stored = await ctx.storage.addData(instance.id, element, bytes, now);
  if (!stored) throw new Error(`The instance ${instance.id} no longer exists, so its PDF could not be stored`);
  for (const id of earlier) stored = (await ctx.storage.removeData(instance.id, id, now)) ?? stored;
  await ctx.storage.appendEvent({
    id: randomUUID(),
    instanceId: instance.id,
    eventType: 'PdfGenerated',
    created: now,
    ...(ctx.user ? { user: { ...(ctx.user.userId !== undefined ? { userId: ctx.user.userId } : {}), partyId: ctx.user.partyId, ...(ctx.user.organisationNumber ? { orgNumber: ctx.user.organisationNumber } : {}) } } : {}),
    processInfo: { taskId, dataId: element.id, filename: element.filename },
  });
  return stored;
}
