// Figures for the runtime's form app in Chromium: first render of a generated 500-component page, and
// typing one character in a page with a repeating group of 1,000 rows (median of 5 each).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ensureBuilt } from '../scripts/ensureBuilt.mjs';
import { findChromium } from '../scripts/findChromium.mjs';
import { importTs } from '../scripts/loadTs.mjs';
import { median, ms, root } from './benchTools.mjs';

/** Writes an app with one page of `layout` and the form data model `properties` into `dir`. */
function writeApp(dir, layout, properties) {
  const files = {
    'App/config/applicationmetadata.json': { id: 'ttd/bench', org: 'ttd', title: { nb: 'Bench' }, partyTypesAllowed: {}, onEntry: { show: 'form' }, dataTypes: [{ id: 'model', allowedContentTypes: ['application/xml'], appLogic: { classRef: 'Bench' }, maxCount: 0, minCount: 0 }] },
    'App/ui/layout-sets.json': { sets: [{ id: 'form', dataType: 'model' }] },
    'App/ui/form/Settings.json': { pages: { order: ['Page'] } },
    'App/ui/form/layouts/Page.json': { data: { layout } },
    'App/config/texts/resource.nb.json': { language: 'nb', resources: [] },
    'App/models/model.schema.json': { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties },
  };
  for (const [rel, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), JSON.stringify(value, null, 2));
  }
  mkdirSync(path.join(dir, 'App/config/process'), { recursive: true });
  writeFileSync(path.join(dir, 'App/config/process/process.bpmn'), '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p"/></bpmn:definitions>');
}

/** Runs the benchmark and returns its figure lines. */
export async function benchRuntimeRender(runs = 5) {
  ensureBuilt({ quiet: true });
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('No Chromium found; set CHROMIUM_PATH');
  const { startRuntimeHost } = await importTs('bench/runtimeRenderBench.ts');
  const temp = mkdtempSync(path.join(os.tmpdir(), 'studio-runtime-bench-'));
  const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
  const lines = [];
  try {
    const flat = Array.from({ length: 500 }, (_, i) => ({ id: `f${i}`, type: 'Input', dataModelBindings: { simpleBinding: `f${i}` }, textResourceBindings: { title: `Field ${i}` }, hidden: ['equals', ['dataModel', `f${(i + 1) % 500}`], 'hide'] }));
    writeApp(path.join(temp, 'flat'), flat, Object.fromEntries(flat.map((c) => [c.id, { type: 'string' }])));
    // The bundled host runs from a temp folder, so it is told where the built form app is.
    const host = await startRuntimeHost({ appDir: path.join(temp, 'flat'), clientDir: path.join(root, 'out', 'runtime-client') });
    const firstRender = [];
    const afterData = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(host.url);
      await page.getByRole('textbox', { name: 'Field 499' }).waitFor();
      firstRender.push(performance.now() - started);
      // In-page: from the last API answer (data and definitions in hand) to the page rendered.
      afterData.push(await page.evaluate(() => {
        const apiEnds = performance.getEntriesByType('resource').filter((r) => !r.name.includes('/assets/')).map((r) => r.responseEnd);
        return performance.now() - Math.max(...apiEnds);
      }));
      if (i === runs - 1) {
        const field = page.getByRole('textbox', { name: 'Field 250' });
        const typing = [];
        for (let k = 0; k < 10; k++) {
          typing.push(await field.evaluate(async (input, ch) => {
            const started = performance.now();
            const setter = Object.getOwnPropertyDescriptor(globalThis.HTMLInputElement.prototype, 'value').set;
            setter.call(input, input.value + ch);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await new Promise((r) => globalThis.requestAnimationFrame(() => r(undefined)));
            return performance.now() - started;
          }, String.fromCharCode(97 + k)));
        }
        lines.push(`runtime: typing one character in a 500-component page, input → next frame ${median(typing).toFixed(1)} ms (goal ≤ 16 ms; median of 10)`);
      }
      await context.close();
    }
    lines.unshift(
      `runtime: first render of a generated 500-component page: ${ms(median(afterData))} from data loaded to rendered (goal ≤ 300 ms); ${ms(median(firstRender))} from navigation incl. bundle and API (median of ${runs})`,
    );
    await host.close();

    // A repeating group of 1,000 rows: adding a row, then typing in it.
    const group = [
      { id: 'people', type: 'RepeatingGroup', dataModelBindings: { group: 'people' }, children: ['name', 'age'], textResourceBindings: { title: 'People', add_button: 'person' } },
      { id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'people.name' }, textResourceBindings: { title: 'Name' } },
      { id: 'age', type: 'Input', dataModelBindings: { simpleBinding: 'people.age' }, textResourceBindings: { title: 'Age' } },
    ];
    writeApp(path.join(temp, 'rows'), group, { people: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'string' } } } } });
    const rowsHost = await startRuntimeHost({ appDir: path.join(temp, 'rows'), clientDir: path.join(root, 'out', 'runtime-client') });
    const people = Array.from({ length: 1000 }, (_, i) => ({ altinnRowId: `row-${i}`, name: `Person ${i}`, age: String(20 + (i % 50)) }));
    const addRow = [];
    const typeInRow = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let seeded = false;
      // The stateless form starts empty; its first data load answers with the 1,000 rows instead.
      await page.route('**/v1/data?*', async (route) => {
        if (route.request().method() !== 'GET' || seeded) return route.continue();
        seeded = true;
        await route.fulfill({ json: { people } });
      });
      await page.goto(rowsHost.url);
      await page.locator('table[aria-rowcount="1001"]').waitFor();
      // In-page, from the click to the frame after the new row's first field has focus (no Playwright overhead).
      addRow.push(await page.evaluate(async () => {
        const button = [...globalThis.document.querySelectorAll('button')].find((b) => /Legg til|Add/.test(b.textContent ?? ''));
        const before = globalThis.document.activeElement;
        const started = performance.now();
        button.click();
        while (globalThis.document.activeElement === before || globalThis.document.activeElement?.tagName !== 'INPUT') await new Promise((r) => globalThis.requestAnimationFrame(() => r(undefined)));
        await new Promise((r) => globalThis.requestAnimationFrame(() => r(undefined)));
        return performance.now() - started;
      }));
      const field = page.getByRole('textbox', { name: 'Name' });
      for (let k = 0; k < 5; k++) {
        typeInRow.push(await field.first().evaluate(async (input, ch) => {
          const t0 = performance.now();
          const setter = Object.getOwnPropertyDescriptor(globalThis.HTMLInputElement.prototype, 'value').set;
          setter.call(input, input.value + ch);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => globalThis.requestAnimationFrame(() => r(undefined)));
          return performance.now() - t0;
        }, String.fromCharCode(97 + k)));
      }
      await context.close();
    }
    lines.push(`runtime: repeating group of 1,000 rows: add a row ${ms(median(addRow))} click → new row's field focused, next frame (goal ≤ 50 ms; median of 3); type one character in a row ${median(typeInRow).toFixed(1)} ms (goal ≤ 16 ms; median of 15)`);
    await rowsHost.close();
  } finally {
    await browser.close();
    rmSync(temp, { recursive: true, force: true });
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await benchRuntimeRender()) console.log(line);
