// Figures: a layout page of 1 MB and of 5 MB in the Code area, in Chromium against `studio serve`.
// Open: from the click on the file in the file tree to the editor showing its text, and to the JSON
// worker's diagnostics shown (the first component carries a schema mistake, `"readOnly": 12`, so a
// squiggle appears once the worker has validated the whole file). Typing: 50 characters typed into
// a string of the first component (the text stays valid, so every pause syncs it to the model);
// the longest main-thread task (PerformanceObserver 'longtask') while typing, and the longest in the
// 2 s after the last key (the debounced sync settling). Goal: no task over 50 ms.
// One run per size (a 5 MB open takes about 15 s). Options: CODE_BENCH_MB=1,5 (sizes),
// CODE_BENCH_TIMEOUT (ms to wait for the open), CODE_BENCH_PROFILE=1 (prints the main thread's
// self time by function while typing, from a CPU profile).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ensureBuilt } from '../scripts/ensureBuilt.mjs';
import { findChromium } from '../scripts/findChromium.mjs';
import { ms, root, startServe } from './benchTools.mjs';

const pagePath = 'App/ui/form/layouts/Side1.json';

/** The page text: pretty-printed components until it reaches `bytes`. */
export function largeLayoutText(bytes) {
  const layout = [{ id: 'field0', type: 'Input', readOnly: 12, dataModelBindings: { simpleBinding: 'applicantName' }, textResourceBindings: { title: 'Field number 0' } }];
  // One component pretty-printed is about 230 bytes.
  const count = Math.ceil(bytes / 230);
  for (let i = 1; i < count; i++) {
    layout.push(
      i % 3 === 2
        ? { id: `text${i}`, type: 'Paragraph', textResourceBindings: { title: `Paragraph number ${i}` } }
        : { id: `field${i}`, type: 'Input', dataModelBindings: { simpleBinding: 'applicantName' }, textResourceBindings: { title: `Field number ${i}`, description: `Help for field ${i}` } },
    );
  }
  let text = `${JSON.stringify({ data: { layout } }, null, 2)}\n`;
  while (text.length > bytes * 1.05 && layout.length > 2) {
    layout.splice(Math.floor(layout.length * 0.97));
    text = `${JSON.stringify({ data: { layout } }, null, 2)}\n`;
  }
  return text;
}

/** Copies the app template with its placeholders filled in, and a first page of about `bytes`. */
function writeApp(dir, bytes) {
  cpSync(path.join(root, 'resources/templates/app'), dir, { recursive: true });
  const fill = (at) => {
    for (const name of readdirSync(at)) {
      const file = path.join(at, name);
      if (statSync(file).isDirectory()) fill(file);
      else if (/\.(json|xml|bpmn|md)$/.test(name)) writeFileSync(file, readFileSync(file, 'utf8').replaceAll('{{org}}', 'ttd').replaceAll('{{app}}', 'code-bench').replaceAll('{{title}}', 'Code bench'));
    }
  };
  fill(dir);
  const text = largeLayoutText(bytes);
  writeFileSync(path.join(dir, pagePath), text);
  return text.length;
}

async function measure(browser, url, appDir, chars) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Code' }).click();
    const area = page.getByTestId('code-area');
    await area.getByText('Select a file in the file tree to open it here.').waitFor({ timeout: 180_000 });
    const tree = page.getByRole('tree', { name: 'App files' });
    const parts = pagePath.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = tree.locator(`[role="treeitem"][data-path="${parts.slice(0, i).join('/')}"]`);
      if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
    }
    await page.waitForTimeout(1000);
    await page.evaluate(() => {
      const w = globalThis;
      const marks = (w.__open = { clicked: null, text: null, diagnostics: null });
      w.addEventListener('click', () => (marks.clicked ??= performance.now()), { capture: true, once: true });
      const check = () => {
        if (marks.clicked === null) return;
        if (marks.text === null && w.document.querySelector('[data-testid="code-area"] .view-lines')?.textContent?.includes('field0')) marks.text = performance.now();
        if (marks.diagnostics === null && w.document.querySelector('[data-testid="code-area"] .squiggly-warning, [data-testid="code-area"] .squiggly-error')) marks.diagnostics = performance.now();
        if (marks.text !== null && marks.diagnostics !== null) w.__openObserver.disconnect();
      };
      w.__openObserver = new w.MutationObserver(check);
      w.__openObserver.observe(w.document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await tree.locator(`[role="treeitem"][data-path="${pagePath}"]`).click();
    try {
      await page.waitForFunction(() => globalThis.__open.text !== null && globalThis.__open.diagnostics !== null, null, { timeout: Number(process.env.CODE_BENCH_TIMEOUT ?? 180_000), polling: 100 });
    } catch (error) {
      const marks = await page.evaluate(() => globalThis.__open);
      const squiggles = await page.evaluate(() => [...globalThis.document.querySelectorAll('[class*="squiggly"]')].map((e) => e.className));
      throw new Error(`The file did not open with its diagnostics: ${JSON.stringify(marks)}, squiggles ${JSON.stringify(squiggles)}`, { cause: error });
    }
    const open = await page.evaluate(() => ({ text: globalThis.__open.text - globalThis.__open.clicked, diagnostics: globalThis.__open.diagnostics - globalThis.__open.clicked }));
    await page.waitForTimeout(2000);

    // The cursor into the first component's id: `        "id": "field0",` is line 5; before its closing quote.
    await page.locator('[data-testid="code-area"] .view-line', { hasText: '"id": "field0"' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.evaluate(() => {
      const w = globalThis;
      w.__typing = { during: [], after: [], phase: 'during' };
      w.__longtasks = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__typing[w.__typing.phase].push(entry.duration);
      });
      w.__longtasks.observe({ type: 'longtask' });
    });
    const cdp = process.env.CODE_BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const started = Date.now();
    const typed = 'abcdefghijklmnopqrstuvwxyz'.repeat(2).slice(0, chars);
    for (const key of typed) {
      await page.keyboard.type(key);
      await page.waitForTimeout(40);
    }
    const typingMs = Date.now() - started;
    await page.evaluate(() => (globalThis.__typing.phase = 'after'));
    await page.waitForTimeout(2000);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      const self = new Map();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const dt = profile.timeDeltas;
      profile.samples.forEach((id, i) => {
        const n = byId.get(id);
        const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
        self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
      });
      console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0)} ms ${k}`).join('\n'));
      console.log(longestBusyStretch(profile));
    }
    const tasks = await page.evaluate(() => {
      globalThis.__longtasks.disconnect();
      return globalThis.__typing;
    });
    // Wait until the typed id reaches the disk, to show the sync still happens.
    let saved = false;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline && !saved; await new Promise((r) => setTimeout(r, 200))) {
      const now = readFileSync(path.join(appDir, pagePath), 'utf8');
      saved = now.includes(`"field0${typed}"`);
    }
    return { open, typingMs, during: tasks.during, after: tasks.after, saved };
  } finally {
    await page.close();
  }
}

/** The longest run of samples without idle time in a CPU profile, with inclusive time per function. */
function longestBusyStretch(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  let best = { from: 0, to: 0, ms: 0 };
  let from = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const idle = byId.get(id).callFrame.functionName === '(idle)';
    if (idle) {
      if (busy > best.ms) best = { from, to: i, ms: busy };
      from = i + 1;
      busy = 0;
    } else busy += (profile.timeDeltas[i + 1] ?? 0) / 1000;
  });
  if (busy > best.ms) best = { from, to: profile.samples.length, ms: busy };
  const inclusive = new Map();
  for (let i = best.from; i < best.to; i++) {
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const key = name(byId.get(id));
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    }
  }
  const top = [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 30);
  return `longest busy stretch ${best.ms.toFixed(0)} ms, inclusive time by function:\n${top.map(([k, v]) => `  ${v.toFixed(0)} ms ${k}`).join('\n')}`;
}

/** Runs the benchmark and returns its figure lines. */
export async function benchCodeLargeFiles(sizes = (process.env.CODE_BENCH_MB ?? '1,5').split(',').map(Number), chars = 50) {
  ensureBuilt({ quiet: true });
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('No Chromium found; set CHROMIUM_PATH');
  const lines = [];
  for (const mb of sizes) {
    const temp = mkdtempSync(path.join(os.tmpdir(), 'studio-code-bench-'));
    const appDir = path.join(temp, 'code-bench');
    const size = writeApp(appDir, mb * 1024 * 1024);
    const serve = startServe([appDir]);
    const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
    try {
      const { url } = await serve.ready;
      const r = await measure(browser, url, appDir, chars);
      const longest = (list) => Math.max(0, ...list);
      lines.push(
        `code area, ${(size / 1024 / 1024).toFixed(1)} MB layout page: open → text shown ${ms(r.open.text)}, → JSON worker diagnostics shown ${ms(r.open.diagnostics)}; ` +
          `typing ${chars} characters (${ms(r.typingMs)}): longest task ${ms(longest(r.during))} (${r.during.length} over 50 ms), in the 2 s after the last key ${ms(longest(r.after))} (${r.after.length} over 50 ms); ` +
          `typed text on disk: ${r.saved ? 'yes' : 'NO'} (goal: no task over 50 ms)`,
      );
    } finally {
      await browser.close();
      serve.stop();
      rmSync(temp, { recursive: true, force: true });
    }
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await benchCodeLargeFiles()) console.log(line);
