/**
 * The studio's side of the preview bridge (runtime/client/previewBridge.ts): which messages from the
 * framed form app it believes, and the one it sends back. Pure, so the shape checks are tested alone.
 */

/** The form app's state as it reports it. */
export interface PreviewFormState {
  readonly page: string | null;
  readonly pages: readonly string[];
  readonly setId: string | null;
  readonly data: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const isNameOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** The form state of a `{ source: 'studio-preview', type: 'state', … }` message, or null when the message is anything else. */
export function previewStateOf(message: unknown): PreviewFormState | null {
  if (!isPlainObject(message) || message.source !== 'studio-preview' || message.type !== 'state') return null;
  const { page, pages, setId, data } = message;
  if (!isNameOrNull(page) || !isNameOrNull(setId) || !Array.isArray(pages) || !pages.every((p) => typeof p === 'string')) return null;
  if (!('data' in message)) return null;
  return { page, pages: pages as string[], setId, data };
}

/** Whether a message event comes from the preview frame: its window and the preview URL's origin. */
export function isFromPreview(event: Pick<MessageEvent, 'source' | 'origin'>, frame: Window | null | undefined, previewUrl: string | null): boolean {
  if (!frame || !previewUrl || event.source !== frame) return false;
  try {
    return event.origin === new URL(previewUrl).origin;
  } catch {
    return false;
  }
}

/** The request to show a page. */
export function navigateMessage(page: string): { source: 'studio'; type: 'navigate'; page: string } {
  return { source: 'studio', type: 'navigate', page };
}

/** The form data as the panel shows it: pretty-printed JSON. */
export function formDataText(data: unknown): string {
  return JSON.stringify(data ?? {}, null, 2) ?? '';
}
