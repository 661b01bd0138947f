import { StudioError, type EventChannel, type HostKind, type RequestChannel, type StudioApi, type StudioBridge, type StudioEvents } from '../../core/api';
import { unwrapEnvelope } from './envelope';
import { EventSocket, type SocketLike } from './eventSocket';
import { createOffThreadInvoke } from './offThreadInvoke';
import { createWebInvoke } from './webInvoke';
import { takeToken, type TokenWindow } from './webToken';

/** The studio API plus what the transport knows about itself. */
export interface PlatformApi extends StudioApi {
  /** Which transport carries the API (the host itself is told by `studio:info`). */
  readonly transport: HostKind;
  /** Calls `listener` when the event stream is back after a drop, so views can reload what they show. */
  onReconnect(listener: () => void): () => void;
}

/** Builds the API over a raw invoke function and an event subscription. */
function typedApi(
  transport: HostKind,
  rawInvoke: (channel: RequestChannel, args: unknown) => Promise<unknown>,
  on: <E extends EventChannel>(event: E, listener: (payload: StudioEvents[E]) => void) => () => void,
  onReconnect: (listener: () => void) => () => void,
): PlatformApi {
  return {
    transport,
    invoke: ((channel: RequestChannel, args?: unknown) => rawInvoke(channel, args)) as StudioApi['invoke'],
    on,
    onReconnect,
  };
}

/** The API over the Electron preload bridge (`window.studio`). */
export function createElectronApi(bridge: StudioBridge): PlatformApi {
  return typedApi(
    'electron',
    async (channel, args) => {
      let envelope: unknown;
      try {
        envelope = await bridge.invoke(channel, args);
      } catch (error) {
        throw new StudioError('io', `The studio could not reach its main process: ${error instanceof Error ? error.message : String(error)}`);
      }
      return unwrapEnvelope(envelope, channel);
    },
    (event, listener) => bridge.on(event, listener),
    // IPC does not drop; there is never a reconnect.
    () => () => undefined,
  );
}

/** What the web transport needs from the browser; the real `window` fits. */
export interface WebWindow extends TokenWindow {
  readonly location: { readonly href: string; readonly origin: string; readonly host: string; readonly protocol: string };
  fetch: typeof fetch;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (handle: number) => void;
  readonly WebSocket: new (url: string) => SocketLike;
}

/** The API over the browser host: HTTP for requests (large ones from `makeInvokeWorker`'s worker), a WebSocket for events. */
export function createWebApi(win: WebWindow, makeInvokeWorker?: () => Worker): PlatformApi {
  const token = takeToken(win);
  const { origin, host, protocol } = win.location;
  const wsUrl = `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/api/events${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  const socket = new EventSocket({
    url: wsUrl,
    createSocket: (url) => new win.WebSocket(url),
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (handle) => win.clearTimeout(handle as number),
  });
  const offThread = makeInvokeWorker ? createOffThreadInvoke(origin, token, makeInvokeWorker) : undefined;
  const invoke = createWebInvoke({ origin, token, fetch: (input, init) => win.fetch(input, init), offThread });
  return typedApi('web', invoke, (event, listener) => socket.on(event, listener), (listener) => socket.onReconnect(listener));
}

/** The API for this window: the Electron bridge when the preload exposed one, the browser host otherwise. */
export function createStudioApi(win: WebWindow & { studio?: StudioBridge }, makeInvokeWorker?: () => Worker): PlatformApi {
  return win.studio ? createElectronApi(win.studio) : createWebApi(win, makeInvokeWorker);
}
