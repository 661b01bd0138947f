import { describe, expect, it, vi } from 'vitest';
import { EventSocket, type SocketLike } from './eventSocket';

class FakeSocket implements SocketLike {
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.({});
  }
  drop() {
    this.onerror?.({});
    this.onclose?.({});
  }
  send(message: unknown) {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const events = new EventSocket({
    url: 'ws://h/api/events?token=t',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: () => undefined,
  });
  const fire = () => timers.shift()!.fn();
  return { sockets, timers, events, fire };
}

describe('EventSocket', () => {
  it('connects on the first subscription and delivers payloads of known events', () => {
    const { sockets, events } = setup();
    const changed = vi.fn();
    const files = vi.fn();
    events.on('workspace:changed', changed);
    events.on('files:changed', files);
    expect(sockets).toHaveLength(1);
    sockets[0]!.open();
    sockets[0]!.send({ event: 'workspace:changed', payload: { app: null } });
    sockets[0]!.send({ event: 'nope', payload: 1 });
    sockets[0]!.send('not json');
    sockets[0]!.send({ event: 'files:changed', payload: { dir: '/a', paths: ['x'] } });
    expect(changed).toHaveBeenCalledExactlyOnceWith({ app: null });
    expect(files).toHaveBeenCalledExactlyOnceWith({ dir: '/a', paths: ['x'] });
  });

  it('stops delivering to a listener after it unsubscribes, and keeps going when one listener throws', () => {
    const { sockets, events } = setup();
    const kept = vi.fn();
    const off = events.on('files:changed', vi.fn());
    events.on('files:changed', () => {
      throw new Error('broken view');
    });
    events.on('files:changed', kept);
    off();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    sockets[0]!.send({ event: 'files:changed', payload: { dir: '/a', paths: [] } });
    expect(kept).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it('reconnects with growing delays and resets them once connected', () => {
    const { sockets, timers, events, fire } = setup();
    const reconnected = vi.fn();
    events.on('files:changed', vi.fn());
    events.onReconnect(reconnected);
    sockets[0]!.open();
    sockets[0]!.drop();
    expect(timers.map((t) => t.ms)).toEqual([250]);
    fire();
    sockets[1]!.drop();
    fire();
    sockets[2]!.drop();
    expect(timers.map((t) => t.ms)).toEqual([1000]);
    fire();
    expect(reconnected).not.toHaveBeenCalled();
    sockets[3]!.open();
    expect(reconnected).toHaveBeenCalledOnce();
    sockets[3]!.drop();
    expect(timers.map((t) => t.ms)).toEqual([250]);
    expect(sockets.every((s) => s.url === 'ws://h/api/events?token=t')).toBe(true);
  });

  it('caps the delay and stops for good on stop()', () => {
    const { sockets, timers, events, fire } = setup();
    events.on('files:changed', vi.fn());
    for (let i = 0; i < 12; i++) {
      sockets[sockets.length - 1]!.drop();
      if (i < 11) fire();
    }
    expect(timers[0]!.ms).toBe(10_000);
    events.stop();
    fire();
    expect(sockets).toHaveLength(12);
  });
});
