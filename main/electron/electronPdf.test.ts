import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronPdfService } from './electronPdf';

/** A stand-in for the bits of BrowserWindow/webContents the PDF service uses (Electron's binary cannot run here). */
const fake = vi.hoisted(() => {
  type Listener = (...args: never[]) => unknown;
  const state = { readyAfterPolls: 1, error: null as string | null, failLoad: null as string | null };
  const log: string[] = [];
  class Contents {
    readonly listeners = new Map<string, Listener>();
    beforeRequest: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
    beforeSendHeaders: ((details: { requestHeaders: Record<string, string> }, callback: (response: { requestHeaders: Record<string, string> }) => void) => void) | null = null;
    readonly session = {
      webRequest: {
        onBeforeRequest: (listener: Contents['beforeRequest']) => void (this.beforeRequest = listener),
        onBeforeSendHeaders: (listener: Contents['beforeSendHeaders']) => void (this.beforeSendHeaders = listener),
      },
    };
    openHandler: (() => { action: string }) | null = null;
    polls = 0;
    printOptions: unknown = null;
    on(name: string, listener: Listener) {
      this.listeners.set(name, listener);
      return this;
    }
    setWindowOpenHandler(handler: () => { action: string }) {
      this.openHandler = handler;
    }
    async executeJavaScript(code: string) {
      log.push('poll');
      expect(code).toContain('data-pdf-ready');
      this.polls++;
      return { ready: this.polls >= state.readyAfterPolls, error: state.error };
    }
    async printToPDF(options: unknown) {
      log.push('print');
      this.printOptions = options;
      return Buffer.from('%PDF-1.7 fake');
    }
  }
  class Window {
    static readonly created: Window[] = [];
    readonly webContents = new Contents();
    url = '';
    destroyed = false;
    constructor(readonly options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
      Window.created.push(this);
    }
    async loadURL(url: string) {
      log.push('load');
      this.url = url;
      if (state.failLoad) throw new Error(state.failLoad);
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return { state, log, Window };
});

vi.mock('electron', () => ({ BrowserWindow: fake.Window }));

const request = { org: 'ttd', appName: 'pdf-demo', instanceId: '50001/3f2a9c4e-0000-4000-8000-000000000001', language: 'nb', taskId: 'Task_1' };
const baseUrl = 'http://127.0.0.1:5005';

beforeEach(() => {
  fake.Window.created.length = 0;
  fake.log.length = 0;
  Object.assign(fake.state, { readyAfterPolls: 1, error: null, failLoad: null });
});

describe('electronPdfService', () => {
  it('prints the print view of the instance from a hidden, sandboxed window once it is ready, then destroys the window', async () => {
    fake.state.readyAfterPolls = 3;
    const bytes = await electronPdfService({ baseUrl, token: 'T0k', pollMs: 1 }).render(request);
    expect(Buffer.from(bytes).toString('latin1')).toBe('%PDF-1.7 fake');
    const [window] = fake.Window.created;
    expect(window!.options.show).toBe(false);
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    // An in-memory session of its own (a `persist:` partition would be kept on disk).
    expect(String(window!.options.webPreferences!.partition)).toMatch(/^pdf-[0-9a-f-]{36}$/);
    const url = new URL(window!.url);
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:5005/ttd/pdf-demo/');
    expect(Object.fromEntries(url.searchParams)).toEqual({ pdf: '1', lang: 'nb', task: 'Task_1', token: 'T0k' });
    expect(url.hash).toBe(`#/instance/${request.instanceId}/Task_1`);
    expect(fake.log).toEqual(['load', 'poll', 'poll', 'poll', 'print']);
    expect(window!.webContents.printOptions).toEqual({ pageSize: 'A4', printBackground: true });
    expect(window!.destroyed).toBe(true);
  });

  it('keeps the window on the runtime host: other origins are not fetched, navigations and pop-ups refused', async () => {
    await electronPdfService({ baseUrl }).render(request);
    const contents = fake.Window.created[0]!.webContents;
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      contents.beforeRequest!({ url }, (response) => (answer = response.cancel));
      return answer;
    };
    expect(cancelled('http://127.0.0.1:5005/ttd/pdf-demo/assets/index.js')).toBe(false);
    expect(cancelled('data:font/woff2;base64,AAAA')).toBe(false);
    expect(cancelled('https://tracker.example/pixel.gif')).toBe(true);
    expect(cancelled('http://127.0.0.1:6006/other')).toBe(true);
    const prevented = (url: string) => {
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      (contents.listeners.get('will-navigate') as unknown as (e: typeof event, u: string) => void)(event, url);
      return event.defaultPrevented;
    };
    expect(prevented('https://evil.example/')).toBe(true);
    expect(prevented('http://127.0.0.1:5005/ttd/pdf-demo/?pdf=1')).toBe(false);
    expect(contents.openHandler!()).toEqual({ action: 'deny' });
  });

  it('sends the persona as x-studio-persona on every request of the print view, and no persona header without one', async () => {
    await electronPdfService({ baseUrl }).render({ ...request, persona: '1002' });
    const contents = fake.Window.created[0]!.webContents;
    let sent: Record<string, string> = {};
    contents.beforeSendHeaders!({ requestHeaders: { Accept: 'application/json' } }, (response) => (sent = response.requestHeaders));
    expect(sent).toEqual({ Accept: 'application/json', 'x-studio-persona': '1002' });
    await electronPdfService({ baseUrl }).render(request);
    expect(fake.Window.created[1]!.webContents.beforeSendHeaders).toBeNull();
  });

  it('lets the caller authenticate the window before the print view loads', async () => {
    const authenticate = vi.fn(async (contents: unknown) => {
      expect(contents).toBe(fake.Window.created[0]!.webContents);
      fake.log.push('authenticate');
    });
    await electronPdfService({ baseUrl, authenticate }).render(request);
    expect(fake.log.slice(0, 2)).toEqual(['authenticate', 'load']);
  });

  it('fails with the print view\'s reason and prints nothing when the view reports an error', async () => {
    fake.state.error = 'The instance 50001/… was not found';
    await expect(electronPdfService({ baseUrl }).render(request)).rejects.toThrow('The print view could not be drawn: The instance 50001/… was not found');
    expect(fake.log).not.toContain('print');
    expect(fake.Window.created[0]!.destroyed).toBe(true);
  });

  it('fails when the view is never ready, and when the page does not load; the window is destroyed either way', async () => {
    fake.state.readyAfterPolls = Number.POSITIVE_INFINITY;
    await expect(electronPdfService({ baseUrl, timeoutMs: 0 }).render(request)).rejects.toThrow('not ready to print within 0 ms');
    fake.state.failLoad = 'ERR_CONNECTION_REFUSED (-102) loading http://127.0.0.1:5005/';
    await expect(electronPdfService({ baseUrl }).render(request)).rejects.toThrow('ERR_CONNECTION_REFUSED');
    expect(fake.Window.created.map((w) => w.destroyed)).toEqual([true, true]);
    expect(fake.log).not.toContain('print');
  });

  it('uses a new window with a session of its own for every render', async () => {
    const service = electronPdfService({ baseUrl });
    await Promise.all([service.render(request), service.render({ ...request, language: 'en' })]);
    const [a, b] = fake.Window.created;
    expect(a!.options.webPreferences!.partition).not.toBe(b!.options.webPreferences!.partition);
    expect(new URL(b!.url).searchParams.get('lang')).toBe('en');
  });
});
