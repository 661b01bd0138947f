/**
 * The PDF receipt in the desktop app: the same PdfService as runtime/server/chromiumPdf.ts, printed
 * by Electron's own Chromium (`webContents.printToPDF`) from a hidden window, so the desktop app
 * needs no second browser. Each render gets a fresh window in its own in-memory session (no cookies
 * or storage shared with the studio or other renders), reaching only the runtime host's origin, and
 * the window is destroyed afterwards. Call it once the app is ready.
 */
import { randomUUID } from 'node:crypto';
import { BrowserWindow, type WebContents } from 'electron';
import { pdfErrorAttribute, pdfReadyAttribute, printPath } from '../../runtime/client/pdf/printRequest';
import { personaHeader } from '../../runtime/server/authorization';
import type { PdfService } from '../../runtime/server/services';

export interface ElectronPdfOptions {
  /** The runtime host's origin, e.g. `http://127.0.0.1:5005`; the app is served under `/{org}/{app}/` there. */
  readonly baseUrl: string;
  /** The preview host's token: sent on the first load (`?token=`), as the studio's preview frame does. */
  readonly token?: string;
  /** Lets the window in before it loads the print view (a deployment's login cookie, say). */
  readonly authenticate?: (contents: WebContents) => Promise<void>;
  /** How long one render may take before it fails (ms); default 30 000. */
  readonly timeoutMs?: number;
  /** How often the window is asked whether the print view is ready (ms); default 50. */
  readonly pollMs?: number;
}

type Readiness = { ready: boolean; error: string | null };

// Runs in the page: reads the readiness signal the print view sets on <html>.
const readinessScript = `({ ready: document.documentElement.hasAttribute(${JSON.stringify(pdfReadyAttribute)}), error: document.documentElement.getAttribute(${JSON.stringify(pdfErrorAttribute)}) })`;

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A hidden, sandboxed window in a session of its own (an in-memory partition: nothing is kept). */
function printWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    // About an A4 sheet's width at 96 dpi, so the layout is the one that is printed.
    width: 800,
    height: 1100,
    webPreferences: {
      partition: `pdf-${randomUUID()}`,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  });
}

/** Keeps the window on the host: other origins are not fetched, navigations and pop-ups are refused. */
function confine(contents: WebContents, origin: string): void {
  const allowed = (url: string) => url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:') || new URL(url).origin === origin;
  contents.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowed(details.url) }));
  contents.on('will-navigate', (event, url) => {
    if (!allowed(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Resolves once the print view says it is ready; rejects with its reason, or when `timeoutMs` has passed. */
async function whenReady(contents: WebContents, timeoutMs: number, pollMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = (await contents.executeJavaScript(readinessScript)) as Readiness;
    if (state.error !== null) throw new Error(`The print view could not be drawn: ${state.error}`);
    if (state.ready) return;
    if (Date.now() >= deadline) throw new Error(`The print view was not ready to print within ${timeoutMs} ms`);
    await delay(pollMs);
  }
}

/** A PdfService printing the form app's print view with Electron's Chromium. */
export function electronPdfService(options: ElectronPdfOptions): PdfService {
  const origin = new URL(options.baseUrl).origin;
  return {
    async render({ org, appName, instanceId, language, taskId, persona }) {
      const window = printWindow();
      try {
        const contents = window.webContents;
        confine(contents, origin);
        // Every request of the print view acts as the persona (the window's session is its own).
        if (persona) contents.session.webRequest.onBeforeSendHeaders((details, callback) => callback({ requestHeaders: { ...details.requestHeaders, [personaHeader]: persona } }));
        if (options.authenticate) await options.authenticate(contents);
        const base = `/${encodeURIComponent(org)}/${encodeURIComponent(appName)}/`;
        const address = new URL(`${origin}${printPath(base, { instanceId, language, taskId })}`);
        if (options.token) address.searchParams.set('token', options.token);
        await window.loadURL(address.href);
        await whenReady(contents, options.timeoutMs ?? 30_000, options.pollMs ?? 50);
        return new Uint8Array(await contents.printToPDF({ pageSize: 'A4', printBackground: true }));
      } finally {
        window.destroy();
      }
    },
  };
}
