// Figures: dragging on a layout page of 300 generated components in Chromium — frame times while the
// pointer moves (rAF frame deltas, and each frame's work: rAF callback to the next task), long tasks
// (PerformanceObserver 'longtask'), and the time from the drop to the page file changed on disk.
// Median of 3 drags; goals: frame p95 ≤ 12 ms of work, no task over 50 ms.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ensureBuilt } from '../scripts/ensureBuilt.mjs';
import { findChromium } from '../scripts/findChromium.mjs';
import { median, ms, root, startServe } from './benchTools.mjs';

const count = 300;

/** Copies the app template with its placeholders filled in, and a first page of `count` components. */
function writeApp(dir) {
  cpSync(path.join(root, 'resources/templates/app'), dir, { recursive: true });
  const fill = (at) => {
    for (const name of readdirSync(at)) {
      const file = path.join(at, name);
      if (statSync(file).isDirectory()) fill(file);
      else if (/\.(json|xml|bpmn|md)$/.test(name)) writeFileSync(file, readFileSync(file, 'utf8').replaceAll('{{org}}', 'ttd').replaceAll('{{app}}', 'drag-bench').replaceAll('{{title}}', 'Drag bench'));
    }
  };
  fill(dir);
  const layout = Array.from({ length: count }, (_, i) =>
    i % 3 === 2
      ? { id: `text${i}`, type: 'Paragraph', textResourceBindings: { title: `Paragraph number ${i}` } }
      : { id: `field${i}`, type: 'Input', dataModelBindings: { simpleBinding: 'applicantName' }, textResourceBindings: { title: `Field number ${i}` } },
  );
  writeFileSync(path.join(dir, 'App/ui/form/layouts/Side1.json'), `${JSON.stringify({ data: { layout } }, null, 2)}\n`);
}

const p95 = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
};

/** The preview's frame once the Layout area shows it. */
async function waitForPreviewFrame(page) {
  for (let i = 0; i < 600; i++) {
    const frame = page.frames().find((f) => f !== page.mainFrame() && /127\.0\.0\.1/.test(f.url()) && f.url() !== page.url());
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('The preview frame did not appear');
}

/** Runs the benchmark and returns its figure lines. */
export async function benchLayoutDrag(runs = 3) {
  ensureBuilt({ quiet: true });
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('No Chromium found; set CHROMIUM_PATH');
  const temp = mkdtempSync(path.join(os.tmpdir(), 'studio-drag-bench-'));
  const appDir = path.join(temp, 'drag-bench');
  writeApp(appDir);
  const pageFile = path.join(appDir, 'App/ui/form/layouts/Side1.json');
  const serve = startServe([appDir]);
  const { url } = await serve.ready;
  const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
  const results = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Layout' }).click();
    await page.locator('.lc-page > [data-lc-item]').nth(count - 1).waitFor({ state: 'attached', timeout: 60_000 });
    // The live preview beside the canvas: a drop is done for the designer when the preview shows it.
    await page.getByTestId('layout-area').locator('button[aria-pressed]').filter({ hasText: /^(Preview|Forhåndsvis)/ }).click();
    const preview = await waitForPreviewFrame(page);
    await preview.locator('[data-componentid]').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    for (let run = 0; run < runs; run++) {
      await preview.evaluate(() => {
        const w = globalThis;
        w.__changed = null;
        w.__observer?.disconnect();
        w.__observer = new w.MutationObserver(() => {
          w.__changed ??= Date.now();
        });
        w.__observer.observe(w.document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const ids = await page.locator('.lc-page > [data-lc-item]').evaluateAll((els) => els.slice(0, 12).map((el) => el.dataset.lcItem));
      const source = page.locator(`[data-lc-item="${ids[1]}"]`);
      const target = page.locator(`[data-lc-item="${ids[4]}"]`);
      const from = await source.boundingBox();
      const to = await target.boundingBox();
      await page.evaluate(() => {
        const w = globalThis;
        w.__bench = { deltas: [], work: [], longtasks: [], on: true };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.__bench.longtasks.push(entry.duration);
        }).observe({ type: 'longtask' });
        const channel = new MessageChannel();
        let frameStart = 0;
        channel.port1.onmessage = () => w.__bench.work.push(performance.now() - frameStart);
        let last = performance.now();
        const tick = (now) => {
          if (!w.__bench.on) return;
          w.__bench.deltas.push(now - last);
          last = now;
          frameStart = performance.now();
          channel.port2.postMessage(0);
          w.requestAnimationFrame(tick);
        };
        w.requestAnimationFrame(tick);
      });
      await page.mouse.move(from.x + 20, from.y + 10);
      await page.mouse.down();
      await page.mouse.move(from.x + 30, from.y + 30, { steps: 3 });
      const steps = 90;
      for (let i = 1; i <= steps; i++) {
        await page.mouse.move(to.x + 40, from.y + ((to.y + to.height * 0.25 - from.y) * i) / steps);
        await page.waitForTimeout(8);
      }
      const figures = await page.evaluate(() => {
        globalThis.__bench.on = false;
        const { deltas, work, longtasks } = globalThis.__bench;
        return { deltas: deltas.slice(2), work: work.slice(2), longtasks };
      });
      const before = readFileSync(pageFile, 'utf8');
      // From the drop in the page (its pointerup, on the same clock as Node's Date.now()).
      await page.evaluate(() => {
        globalThis.__up = null;
        globalThis.addEventListener('pointerup', () => (globalThis.__up = Date.now()), { once: true, capture: true });
      });
      // Not awaited first: Playwright's mouse.up resolves only after the page has handled the event,
      // and the write may be on disk before that.
      const released = page.mouse.up();
      let writtenAt = Number.NaN;
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 1))) {
        if (readFileSync(pageFile, 'utf8') !== before) {
          writtenAt = Date.now();
          break;
        }
      }
      await released;
      await page.waitForTimeout(1000);
      const up = await page.evaluate(() => globalThis.__up);
      const shownAt = await preview.evaluate(() => globalThis.__changed);
      const written = writtenAt - up;
      const shown = shownAt === null ? Number.NaN : shownAt - up;
      results.push({ deltaP95: p95(figures.deltas), workP95: p95(figures.work), frames: figures.deltas.length, longest: Math.max(0, ...figures.longtasks), longtasks: figures.longtasks.length, written, shown });
      await page.waitForTimeout(400);
    }
  } finally {
    await browser.close();
    serve.stop();
    rmSync(temp, { recursive: true, force: true });
  }
  const pick = (key) => median(results.map((r) => r[key]));
  return [
    `layout drag (${count} components): frame work p95 ${pick('workP95').toFixed(1)} ms, rAF frame delta p95 ${pick('deltaP95').toFixed(1)} ms over ${pick('frames')} frames, longest task ${ms(pick('longest'))} (${pick('longtasks')} over 50 ms) — median of ${runs} drags`,
    `layout drag: drop → page file changed on disk ${ms(pick('written'))}, → preview shows it ${ms(pick('shown'))} (goal ≤ 100 ms; from the pointerup in the page, median of ${runs})`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await benchLayoutDrag()) console.log(line);
