// A scriptable StudioApi for store tests: handlers per channel, and events the test emits.
import { StudioError, type EventChannel, type RequestChannel, type RequestArgs, type RequestResult, type StudioApi, type StudioEvents } from '../../core/api';

type Handlers = { [C in RequestChannel]?: (args: RequestArgs<C>) => RequestResult<C> | Promise<RequestResult<C>> };

export interface FakeApi extends StudioApi {
  readonly calls: { channel: RequestChannel; args: unknown }[];
  emit<E extends EventChannel>(event: E, payload: StudioEvents[E]): void;
  reconnect(): void;
  onReconnect(listener: () => void): () => void;
  listenerCount(): number;
}

/** A fake API answering from `handlers`; a missing handler fails like a host that cannot do it. */
export function fakeApi(handlers: Handlers): FakeApi {
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const reconnects = new Set<() => void>();
  const calls: { channel: RequestChannel; args: unknown }[] = [];
  return {
    calls,
    invoke: (async (channel: RequestChannel, args?: unknown) => {
      calls.push({ channel, args });
      const handler = handlers[channel] as ((a: unknown) => unknown) | undefined;
      if (!handler) throw new StudioError('unsupported', `no handler for ${channel}`);
      return handler(args);
    }) as StudioApi['invoke'],
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit: (event, payload) => {
      for (const l of listeners.get(event) ?? []) (l as (p: typeof payload) => void)(payload);
    },
    onReconnect: (listener) => {
      reconnects.add(listener);
      return () => reconnects.delete(listener);
    },
    reconnect: () => {
      for (const l of reconnects) l();
    },
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0) + reconnects.size,
  };
}
