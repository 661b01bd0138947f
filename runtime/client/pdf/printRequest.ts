/**
 * The print view's address (§2.13): Altinn's `?pdf=1` on an instance URL
 * (`…/?pdf=1#/instance/{partyId}/{guid}/{taskId}/…`), with `task=` naming the task to print and
 * `lang=` the language. The form app shows the print view instead of the form when it is given.
 */

export interface PrintRequest {
  /** `<partyId>/<guid>`. */
  readonly instanceId: string;
  /** The task whose layout set is printed; absent: the instance's current task. */
  readonly taskId?: string;
  readonly language: string;
}

/** The print request of a page address, or null when the address is not the print view's. */
export function printRequestOf(href: string): PrintRequest | null {
  const url = new URL(href);
  const pdf = url.searchParams.get('pdf');
  if (pdf !== '1' && pdf !== 'true') return null;
  const parts = url.hash.replace(/^#\/?/, '').split('/').filter((s) => s.length > 0).map(decodeURIComponent);
  if (parts[0] !== 'instance' || !parts[1] || !parts[2]) return null;
  if (!/^\d+$/.test(parts[1]) || !/^[0-9a-fA-F-]{8,}$/.test(parts[2])) return null;
  const taskId = url.searchParams.get('task') || parts[3] || undefined;
  return { instanceId: `${parts[1]}/${parts[2]}`, language: url.searchParams.get('lang') || 'nb', ...(taskId ? { taskId } : {}) };
}

/** The print view's address under `base` (`/{org}/{app}/`), as the PDF service opens it. */
export function printPath(base: string, request: PrintRequest): string {
  const query = new URLSearchParams({ pdf: '1', lang: request.language, ...(request.taskId ? { task: request.taskId } : {}) });
  return `${base}?${query.toString()}#/instance/${request.instanceId}${request.taskId ? `/${encodeURIComponent(request.taskId)}` : ''}`;
}

/**
 * How the print view tells a headless browser it is done: the attribute on <html> (`ready` once data,
 * texts, code lists and fonts are in and the pages drawn; `error` with `data-pdf-error` otherwise).
 */
export const pdfReadyAttribute = 'data-pdf-ready';
export const pdfErrorAttribute = 'data-pdf-error';
