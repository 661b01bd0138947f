import { describe, expect, it, vi } from 'vitest';
import { StudioError, type StudioBridge } from '../../core/api';
import { createWebInvoke } from './webInvoke';
import { takeToken } from './webToken';
import { createStudioApi, type WebWindow } from './studioApi';

function tokenWindow(href: string, stored: Record<string, string> = {}) {
  const replaceState = vi.fn();
  return {
    location: { href },
    sessionStorage: {
      getItem: (k: string) => stored[k] ?? null,
      setItem: (k: string, v: string) => {
        stored[k] = v;
      },
    },
    history: { state: null, replaceState },
    stored,
    replaceState,
  };
}

describe('takeToken', () => {
  it('takes the token from the URL, keeps it and removes it from the address bar', () => {
    const win = tokenWindow('http://127.0.0.1:5000/?token=abc&x=1#top');
    expect(takeToken(win)).toBe('abc');
    expect(win.stored['studio.token']).toBe('abc');
    expect(win.replaceState).toHaveBeenCalledWith(null, '', '/?x=1#top');
  });

  it('uses the kept token after a reload, and null when there is none (the cookie then works)', () => {
    expect(takeToken(tokenWindow('http://127.0.0.1:5000/', { 'studio.token': 'kept' }))).toBe('kept');
    const none = tokenWindow('http://127.0.0.1:5000/');
    expect(takeToken(none)).toBeNull();
    expect(none.replaceState).not.toHaveBeenCalled();
  });

  it('survives disabled storage', () => {
    const win = tokenWindow('http://127.0.0.1:5000/?token=t');
    win.sessionStorage.setItem = () => {
      throw new Error('denied');
    };
    expect(takeToken(win)).toBe('t');
  });
});

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('createWebInvoke', () => {
  it('posts the arguments with the token and returns the value', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { ok: true, value: { dir: '/a' } }));
    const invoke = createWebInvoke({ origin: 'http://127.0.0.1:5000', token: 'tok', fetch });
    await expect(invoke('workspace:open', { dir: '/a' })).resolves.toEqual({ dir: '/a' });
    expect(fetch).toHaveBeenCalledWith('http://127.0.0.1:5000/api/invoke/workspace:open', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Studio-Token': 'tok' },
      body: '{"dir":"/a"}',
      credentials: 'same-origin',
    });
  });

  it('sends {} for channels without arguments and no token header without a token', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => jsonResponse(200, { ok: true, value: null }));
    await createWebInvoke({ origin: 'http://h', token: null, fetch: fetch as typeof globalThis.fetch })('workspace:current', undefined);
    const init = fetch.mock.calls[0]![1]!;
    expect(init.body).toBe('{}');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('throws a StudioError with the host code and message, also for 401 and 413', async () => {
    for (const status of [200, 401, 413]) {
      const fetch = async () => jsonResponse(status, { ok: false, error: { code: 'not-an-app', message: 'Not an app' } });
      const error = await createWebInvoke({ origin: 'http://h', token: 't', fetch })('workspace:open', { dir: '/x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StudioError);
      expect(error).toMatchObject({ code: 'not-an-app', message: 'Not an app' });
    }
  });

  it('says what happened when the host is gone or answers something else', async () => {
    const gone = createWebInvoke({ origin: 'http://h', token: 't', fetch: async () => Promise.reject(new TypeError('fetch failed')) });
    await expect(gone('recent:list', undefined)).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/does not answer/) });
    const html = createWebInvoke({ origin: 'http://h', token: 't', fetch: async () => new Response('<html>', { status: 502 }) });
    await expect(html('recent:list', undefined)).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/502/) });
    const odd = createWebInvoke({ origin: 'http://h', token: 't', fetch: async () => jsonResponse(200, { hello: 1 }) });
    await expect(odd('recent:list', undefined)).rejects.toBeInstanceOf(StudioError);
  });
});

describe('createStudioApi', () => {
  it('uses the Electron bridge when the preload exposed one', async () => {
    const bridge: StudioBridge = {
      invoke: vi.fn(async (channel) =>
        channel === 'recent:list' ? { ok: true as const, value: [] } : { ok: false as const, error: { code: 'io' as const, message: 'disk full' } },
      ),
      on: vi.fn(() => () => undefined),
    };
    const api = createStudioApi({ studio: bridge } as unknown as WebWindow & { studio: StudioBridge });
    expect(api.transport).toBe('electron');
    await expect(api.invoke('recent:list')).resolves.toEqual([]);
    await expect(api.invoke('workspace:close')).rejects.toMatchObject({ code: 'io', message: 'disk full' });
    const listener = () => undefined;
    api.on('files:changed', listener);
    expect(bridge.on).toHaveBeenCalledWith('files:changed', listener);
  });

  it('uses HTTP and a token-carrying socket otherwise', async () => {
    const sockets: string[] = [];
    const replaceState = vi.fn();
    const win = {
      location: { href: 'http://127.0.0.1:7000/?token=s3cret', origin: 'http://127.0.0.1:7000', host: '127.0.0.1:7000', protocol: 'http:' },
      sessionStorage: { getItem: () => null, setItem: () => undefined },
      history: { state: null, replaceState },
      fetch: vi.fn(async () => jsonResponse(200, { ok: true, value: { host: 'web' } })),
      setTimeout: () => 0,
      clearTimeout: () => undefined,
      WebSocket: class {
        onopen = null;
        onclose = null;
        onerror = null;
        onmessage = null;
        constructor(url: string) {
          sockets.push(url);
        }
        close() {}
      },
    } as unknown as WebWindow;
    const api = createStudioApi(win);
    expect(api.transport).toBe('web');
    await expect(api.invoke('studio:info')).resolves.toEqual({ host: 'web' });
    api.on('workspace:changed', () => undefined);
    expect(sockets).toEqual(['ws://127.0.0.1:7000/api/events?token=s3cret']);
  });
});
