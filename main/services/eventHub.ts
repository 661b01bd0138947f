import type { EventChannel, StudioEvents } from '../../core/api';

type Listener = <E extends EventChannel>(event: E, payload: StudioEvents[E]) => void;

/** Fans studio events out to every connected transport (Electron windows, browser sockets). */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  /** Adds a transport; returns the function that removes it. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends one event to every transport; a failing transport does not stop the others. */
  emit<E extends EventChannel>(event: E, payload: StudioEvents[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A closed socket or destroyed window; its transport removes itself.
      }
    }
  }
}
