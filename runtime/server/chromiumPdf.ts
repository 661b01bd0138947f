/**
 * The PDF receipt on a server (a deployment, or the preview host): Chromium through playwright-core
 * opens the form app's print view (`?pdf=1`, runtime/client/pdf), waits for the view's readiness
 * signal and prints it to A4. One browser is launched on the first render and reused; every render
 * gets its own context and page (own cookies), closed afterwards.
 */
import type { Browser, BrowserContext, BrowserType, Page } from 'playwright-core';
import { pdfErrorAttribute, pdfReadyAttribute, printPath } from '../client/pdf/printRequest';
import { personaHeader } from './authorization';
import { previewCookieName } from './previewGuard';
import type { PdfService } from './services';

export interface ChromiumPdfOptions {
  /** The runtime host's origin, e.g. `http://127.0.0.1:5005`; the app is served under `/{org}/{app}/` there. */
  readonly baseUrl: string;
  /** Lets the page in before it loads the print view: sets a login or token cookie, headers… */
  readonly authenticate?: (page: Page) => Promise<void>;
  /** The Chromium to run; default `CHROMIUM_PATH`, else Playwright's own browser. */
  readonly executablePath?: string;
  /** How long one render may take before it fails (ms); default 30 000. */
  readonly timeoutMs?: number;
  /** The browser type to launch; default playwright-core's `chromium`, imported on the first render (a bundle that inlines this file passes its own). */
  readonly browserType?: BrowserType;
}

/** A PDF service that owns a browser: `close()` ends it (the host calls it when it stops). */
export interface ChromiumPdfService extends PdfService {
  close(): Promise<void>;
}

// As the end-to-end tests launch it; the machines the runtime runs on may have no network at all.
const chromiumArgs = ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run', '--no-default-browser-check'];

/** Authentication for the studio's preview host: its token cookie, as the shell sets it for a browser. */
export function previewAuthentication(baseUrl: string, port: number, token: string): (page: Page) => Promise<void> {
  return (page) => page.context().addCookies([{ name: previewCookieName(port), value: token, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
}

/** A PdfService printing the form app's print view with Chromium (playwright-core). */
export function chromiumPdfService(options: ChromiumPdfOptions): ChromiumPdfService {
  const origin = new URL(options.baseUrl).origin;
  const timeout = options.timeoutMs ?? 30_000;
  let browser: Promise<Browser> | null = null;

  function launch(): Promise<Browser> {
    if (browser) return browser;
    const executablePath = options.executablePath ?? process.env.CHROMIUM_PATH;
    const starting = (options.browserType ? Promise.resolve(options.browserType) : import('playwright-core').then((m) => m.chromium))
      .then((chromium) => chromium.launch({ headless: true, args: chromiumArgs, ...(executablePath ? { executablePath } : {}) }))
      .then((started) => {
        // A crashed browser is launched again on the next render.
        started.on('disconnected', () => {
          if (browser === starting) browser = null;
        });
        return started;
      })
      .catch((error: unknown) => {
        browser = null;
        throw new Error(`Chromium could not be started to print the PDF (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Install Chromium or give its path (executablePath or CHROMIUM_PATH).`);
      });
    browser = starting;
    return starting;
  }

  async function print(context: BrowserContext, url: string): Promise<Uint8Array> {
    // The print view only talks to its own host: nothing else is fetched (no tracking, no SSRF from a server).
    await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient')));
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    if (options.authenticate) await options.authenticate(page);
    const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
    if (response && !response.ok()) throw new Error(`The print view answered ${response.status()}: ${(await response.text()).slice(0, 300)}`);
    await page.waitForSelector(`html[${pdfReadyAttribute}], html[${pdfErrorAttribute}]`, { state: 'attached' });
    const failure = await page.getAttribute('html', pdfErrorAttribute);
    if (failure !== null) throw new Error(`The print view could not be drawn: ${failure}`);
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
  }

  return {
    async render({ org, appName, instanceId, language, taskId, persona }) {
      // The persona goes on every request of the page, so the print view reads the instance as someone allowed to.
      const context = await (await launch()).newContext(persona ? { extraHTTPHeaders: { [personaHeader]: persona } } : {});
      try {
        return await print(context, `${origin}${printPath(`/${encodeURIComponent(org)}/${encodeURIComponent(appName)}/`, { instanceId, language, taskId })}`);
      } finally {
        await context.close().catch(() => undefined);
      }
    },
    async close() {
      const running = browser;
      browser = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
