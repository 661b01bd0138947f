// Figure: renderer start to interactive in Chromium — from navigation to the start screen's
// "Open app folder" button being visible and enabled (and the recent list loaded), median of 5.
import { chromium } from '@playwright/test';
import { findChromium } from '../scripts/findChromium.mjs';
import { ensureBuilt } from '../scripts/ensureBuilt.mjs';
import { median, ms, startServe } from './benchTools.mjs';

/** Runs the benchmark and returns its figures. */
export async function benchRendererInteractive(runs = 5) {
  ensureBuilt({ quiet: true });
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('No Chromium found; set CHROMIUM_PATH');
  const serve = startServe();
  const { url } = await serve.ready;
  const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
  const interactive = [];
  const domContentLoaded = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(url);
      await page.getByRole('button', { name: /open app folder/i }).waitFor({ state: 'visible' });
      await page.waitForFunction(() => !globalThis.document.querySelector('[aria-busy="true"]'));
      interactive.push(performance.now() - started);
      domContentLoaded.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd));
      await context.close();
    }
  } finally {
    await browser.close();
    serve.stop();
  }
  return { interactive: median(interactive), domContentLoaded: median(domContentLoaded), runs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchRendererInteractive();
  console.log(`renderer: interactive after ${ms(figures.interactive)} (DOMContentLoaded ${ms(figures.domContentLoaded)}), median of ${figures.runs} cold page loads`);
}
