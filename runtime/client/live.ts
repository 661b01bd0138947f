/**
 * Live updates from the studio preview: `GET {base}api/preview/events` (Server-Sent Events) sends
 * `{"type":"app-changed"}`; each one reloads the definitions while the form data stays. Outside the
 * preview the endpoint does not exist (404), and the subscription ends silently.
 */
import type { FormStore } from './state/formStore';

/** Whether an SSE `data:` payload announces a changed app. */
export function isAppChanged(payload: string): boolean {
  try {
    const value = JSON.parse(payload) as { type?: unknown };
    return value.type === 'app-changed';
  } catch {
    return false;
  }
}

/** Subscribes `store` to the preview's change feed; returns the unsubscribe function. */
export function subscribeToPreviewEvents(url: string, store: FormStore): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource(url);
  source.onmessage = (event: MessageEvent<string>) => {
    if (isAppChanged(event.data)) void store.actions.reloadDefinitions();
  };
  // A 404 (or any non-stream answer) closes the source for good: no retries, nothing to tell the user.
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) source.close();
  };
  return () => source.close();
}
