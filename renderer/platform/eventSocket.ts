import { isEventChannel, type EventChannel, type StudioEvents } from '../../core/api';

/** The part of a WebSocket the event stream uses; the browser's WebSocket fits. */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  close(): void;
}

export interface EventSocketOptions {
  readonly url: string;
  readonly createSocket: (url: string) => SocketLike;
  readonly setTimeout: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
  /** First retry delay; doubled on every failed attempt up to `maxDelayMs`. */
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
}

type AnyListener = (payload: never) => void;

/**
 * The browser host's event stream: one WebSocket shared by all subscribers, opened on the first
 * subscription and reopened with growing delays whenever it drops.
 */
export class EventSocket {
  private readonly listeners = new Map<EventChannel, Set<AnyListener>>();
  private readonly reconnectListeners = new Set<() => void>();
  private socket: SocketLike | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private everOpened = false;
  private stopped = false;

  constructor(private readonly options: EventSocketOptions) {}

  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: StudioEvents[E]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as AnyListener);
    this.ensureConnected();
    return () => {
      set.delete(listener as AnyListener);
    };
  }

  /**
   * Calls `listener` each time the stream is back after a drop: events sent in between are lost,
   * so subscribers reload what they show.
   */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    this.ensureConnected();
    return () => {
      this.reconnectListeners.delete(listener);
    };
  }

  /** Closes the stream for good. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.options.clearTimeout(this.timer);
    this.timer = null;
    this.socket?.close();
    this.socket = null;
  }

  private ensureConnected(): void {
    if (!this.socket && this.timer === null && !this.stopped) this.connect();
  }

  private connect(): void {
    let socket: SocketLike;
    try {
      socket = this.options.createSocket(this.options.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      const wasReconnect = this.everOpened;
      this.everOpened = true;
      this.attempt = 0;
      if (wasReconnect) for (const listener of [...this.reconnectListeners]) listener();
    };
    socket.onmessage = (message) => this.deliver(message.data);
    socket.onerror = () => undefined; // onclose follows and does the retry
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const initial = this.options.initialDelayMs ?? 250;
    const max = this.options.maxDelayMs ?? 10_000;
    const delay = Math.min(max, initial * 2 ** this.attempt);
    this.attempt++;
    this.timer = this.options.setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.connect();
    }, delay);
  }

  private deliver(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { event, payload } = message as { event?: unknown; payload?: unknown };
    if (!isEventChannel(event)) return;
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        listener(payload as never);
      } catch (error) {
        // One broken view must not stop the others from hearing the event.
        console.error(`A listener of "${event}" failed`, error);
      }
    }
  }
}
