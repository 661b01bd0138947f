/**
 * The Electron bridge. It exposes exactly one frozen object, `window.studio`, with `invoke` and `on`
 * for contract channels only. Never `ipcRenderer`, never its event objects: a page that gets those
 * can talk to any channel and reach `event.sender`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { type Envelope, ipcEventChannel, isEventChannel, isRequestChannel, type StudioBridge } from '../core/api';

const bridge: StudioBridge = Object.freeze({
  invoke(channel, args) {
    if (!isRequestChannel(channel)) {
      return Promise.reject(new Error(`"${String(channel)}" is not a studio API channel, so the request was not sent.`));
    }
    return ipcRenderer.invoke(channel, args) as Promise<Envelope<unknown>>;
  },
  on(event, listener) {
    if (!isEventChannel(event)) throw new Error(`"${String(event)}" is not a studio event, so nothing was subscribed.`);
    if (typeof listener !== 'function') throw new TypeError('The listener of a studio event must be a function.');
    const channel = ipcEventChannel(event);
    // The wrapper drops the IpcRendererEvent: the page gets the payload and nothing it could misuse.
    const wrapper = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as never);
    ipcRenderer.on(channel, wrapper);
    return () => {
      ipcRenderer.removeListener(channel, wrapper);
    };
  },
} satisfies StudioBridge);

contextBridge.exposeInMainWorld('studio', bridge);
