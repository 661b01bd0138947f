import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type StudioBridge, ipcEventChannel, requestChannels } from '../core/api';

// A fake of the two preload APIs, kept here so the preload folder stays self-contained.
const { contextBridge, ipcRenderer } = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const listeners = new Map<string, Listener[]>();
  return {
    contextBridge: {
      exposed: {} as Record<string, unknown>,
      exposeInMainWorld(key: string, api: unknown) {
        this.exposed[key] = api;
      },
    },
    ipcRenderer: {
      invocations: [] as [string, unknown][],
      async invoke(channel: string, args: unknown) {
        this.invocations.push([channel, args]);
        return { ok: true, value: null };
      },
      on(channel: string, listener: Listener) {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      },
      removeListener(channel: string, listener: Listener) {
        listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener));
      },
      emit(channel: string, ...args: unknown[]) {
        for (const listener of listeners.get(channel) ?? []) listener(...args);
      },
      listenerCount(channel: string) {
        return listeners.get(channel)?.length ?? 0;
      },
    },
  };
});

vi.mock('electron', () => ({ contextBridge, ipcRenderer }));

/** What Electron hands an ipcRenderer listener first: an event the page must never see. */
const ipcEvent = () => ({ sender: ipcRenderer, senderId: 0, ports: [] });
let studio: StudioBridge;

beforeAll(async () => {
  await import('./index');
  studio = contextBridge.exposed.studio as StudioBridge;
});

beforeEach(() => {
  ipcRenderer.invocations.length = 0;
});

describe('preload', () => {
  it('exposes exactly one frozen object, studio, with exactly invoke and on', () => {
    expect(Object.keys(contextBridge.exposed)).toEqual(['studio']);
    expect(Object.keys(studio).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(studio)).toBe(true);
    expect(Object.values(studio).every((value) => typeof value === 'function')).toBe(true);
  });

  it('invokes every contract channel with its arguments', async () => {
    for (const channel of requestChannels) await studio.invoke(channel, { probe: channel });
    expect(ipcRenderer.invocations).toEqual(requestChannels.map((channel) => [channel, { probe: channel }]));
  });

  it('refuses a channel outside the contract without sending it', async () => {
    for (const channel of ['evil:channel', 'studio-event:workspace:changed', '__proto__', 'toString', 42]) {
      await expect(studio.invoke(channel as never)).rejects.toThrow(/not a studio API channel/);
    }
    expect(ipcRenderer.invocations).toEqual([]);
  });

  it('refuses unknown events', () => {
    expect(() => studio.on('evil:event' as never, () => {})).toThrow(/not a studio event/);
    expect(() => studio.on('constructor' as never, () => {})).toThrow(/not a studio event/);
    expect(ipcRenderer.listenerCount('studio-event:evil:event')).toBe(0);
  });

  it('hands the listener the payload only, never the IPC event', () => {
    const listener = vi.fn();
    const off = studio.on('files:changed', listener);
    const payload = { dir: '/apps/a', paths: ['App/ui/layouts/Side1.json'] };
    ipcRenderer.emit(ipcEventChannel('files:changed'), ipcEvent(), payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]);
    off();
  });

  it('unsubscribes exactly the listener it returned', () => {
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = studio.on('workspace:changed', first);
    const offSecond = studio.on('workspace:changed', second);
    offFirst();
    offFirst();
    ipcRenderer.emit(ipcEventChannel('workspace:changed'), ipcEvent(), { app: null });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ app: null });
    offSecond();
    expect(ipcRenderer.listenerCount(ipcEventChannel('workspace:changed'))).toBe(0);
  });
});
