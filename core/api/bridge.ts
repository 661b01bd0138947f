import type { EventChannel, RequestChannel, StudioEvents } from './contract';
import type { Envelope } from './types';

/** The one object the Electron preload exposes as `window.studio`. */
export interface StudioBridge {
  /** Sends a request on a contract channel; resolves to the envelope main returned. */
  invoke(channel: RequestChannel, args?: unknown): Promise<Envelope<unknown>>;
  /** Subscribes to an event; the listener gets the payload only. Returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: StudioEvents[E]) => void): () => void;
}

/** The IPC channel on which main sends an event to the renderer. */
export function ipcEventChannel(event: EventChannel): string {
  return `studio-event:${event}`;
}
