/** The IPC side of the studio API: one checked `ipcMain.handle` per contract channel, and events out. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatchRequest, type Envelope, ipcEventChannel, requestChannels } from '../../core/api';
import type { StudioServices } from '../services/studioServices';
import { isAppUrl } from './appOrigin';
import { isTrustedSender, type SenderFacts } from './senderCheck';
import type { StudioWindows } from './studioWindows';

/** What an untrusted sender gets back instead of a result; the handler never runs. */
export const refusedEnvelope: Envelope<never> = Object.freeze({
  ok: false,
  error: Object.freeze({
    code: 'forbidden',
    message: 'This request came from a page or frame the studio did not load, so it was refused. Reload the studio window.',
  }),
});

/** Reads the facts the sender check needs from an IPC event. */
export function senderFactsOf(event: IpcMainInvokeEvent, windows: StudioWindows): SenderFacts {
  // senderFrame is null once the frame navigated away or died; such a late message is not trusted.
  const frame = event.senderFrame;
  return {
    frameExists: frame !== null,
    isMainFrame: frame !== null && frame.parent === null,
    isStudioWindow: windows.has(event.sender),
    frameUrl: frame?.url ?? '',
  };
}

/**
 * Registers a handler for every request channel of the contract and forwards service events to the
 * studio windows. Returns the function that undoes both.
 */
export function registerIpcHandlers(services: Pick<StudioServices, 'handlers' | 'events'>, windows: StudioWindows): () => void {
  for (const channel of requestChannels) {
    ipcMain.handle(channel, async (event, args: unknown) => {
      if (!isTrustedSender(senderFactsOf(event, windows))) {
        console.warn(`[studio] refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return refusedEnvelope;
      }
      return dispatchRequest(services.handlers, channel, args);
    });
  }

  const unsubscribe = services.events.subscribe((event, payload) => {
    for (const contents of windows.list()) {
      // A window that somehow left app://studio gets no more data from the services.
      if (isAppUrl(contents.getURL())) contents.send(ipcEventChannel(event), payload);
    }
  });

  return () => {
    unsubscribe();
    for (const channel of requestChannels) ipcMain.removeHandler(channel);
  };
}
