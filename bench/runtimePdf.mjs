// Figures for the PDF receipt: Chromium (playwright-core, runtime/server/chromiumPdf.ts) printing the
// print view of a generated 20-page form with its data; the first render includes launching the
// browser, later ones reuse it (median of 5).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureBuilt } from '../scripts/ensureBuilt.mjs';
import { findChromium } from '../scripts/findChromium.mjs';
import { importTs } from '../scripts/loadTs.mjs';
import { median, ms, root } from './benchTools.mjs';

const pageCount = 20;
const fieldsPerPage = 12;

/** Writes an app with `pageCount` pages of a header (each on a new sheet) and `fieldsPerPage` fields into `dir`. */
function writeApp(dir) {
  const fields = [];
  const files = {
    'App/config/applicationmetadata.json': { id: 'ttd/pdf-bench', org: 'ttd', title: { nb: 'PDF bench' }, dataTypes: [{ id: 'model', taskId: 'Task_1', maxCount: 1, appLogic: { autoCreate: true, classRef: 'Bench' } }] },
    'App/ui/layout-sets.json': { sets: [{ id: 'form', dataType: 'model', tasks: ['Task_1'] }] },
    'App/config/texts/resource.nb.json': { language: 'nb', resources: [{ id: 'appName', value: 'PDF bench' }] },
  };
  const order = [];
  for (let p = 1; p <= pageCount; p++) {
    const layout = [{ id: `h${p}`, type: 'Header', size: 'L', textResourceBindings: { title: `Side ${p}` }, ...(p > 1 ? { pageBreak: { breakBefore: 'always' } } : {}) }];
    for (let f = 1; f <= fieldsPerPage; f++) {
      const id = `p${p}f${f}`;
      fields.push(id);
      layout.push({ id, type: f % 3 === 0 ? 'TextArea' : 'Input', dataModelBindings: { simpleBinding: id }, textResourceBindings: { title: `Felt ${f} på side ${p}` } });
    }
    layout.push({ id: `nav${p}`, type: 'NavigationButtons' });
    files[`App/ui/form/layouts/Page${p}.json`] = { data: { layout } };
    order.push(`Page${p}`);
  }
  files['App/ui/form/Settings.json'] = { pages: { order } };
  files['App/models/model.schema.json'] = { type: 'object', properties: Object.fromEntries(fields.map((id) => [id, { type: 'string' }])) };
  for (const [rel, value] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), JSON.stringify(value, null, 2));
  }
  mkdirSync(path.join(dir, 'App/config/process'), { recursive: true });
  writeFileSync(path.join(dir, 'App/config/process/process.bpmn'), readFileSync(path.join(root, 'resources/templates/app/App/config/process/process.bpmn')));
  return Object.fromEntries(fields.map((id, i) => [id, `Verdi ${i + 1}: ${'lorem ipsum '.repeat(1 + (i % 4))}`.trim()]));
}

/** Runs the benchmark and returns its figure lines. */
export async function benchRuntimePdf(runs = 5) {
  ensureBuilt({ quiet: true });
  const executablePath = await findChromium();
  if (!executablePath) throw new Error('No Chromium found; set CHROMIUM_PATH');
  const { startRuntimeHost } = await importTs('bench/runtimeRenderBench.ts');
  const { chromiumPdfService, previewAuthentication } = await importTs('runtime/server/chromiumPdf.ts');
  const temp = mkdtempSync(path.join(os.tmpdir(), 'studio-pdf-bench-'));
  const data = writeApp(path.join(temp, 'app'));
  // The bundled host runs from a temp folder, so it is told where the built form app is.
  const host = await startRuntimeHost({ appDir: path.join(temp, 'app'), clientDir: path.join(root, 'out', 'runtime-client') });
  const baseUrl = `http://127.0.0.1:${host.port}`;
  // The service is bundled into a temp folder that is gone by the first render, so it is given playwright-core's chromium.
  const pdf = chromiumPdfService({ baseUrl, executablePath, browserType: chromium, authenticate: previewAuthentication(baseUrl, host.port, host.token) });
  try {
    const headers = { 'x-preview-token': host.token, 'content-type': 'application/json' };
    const api = `${baseUrl}/ttd/pdf-bench/`;
    const instance = await (await fetch(`${api}instances?instanceOwnerPartyId=50001`, { method: 'POST', headers, body: '{}' })).json();
    const element = instance.data.find((d) => d.dataType === 'model');
    const put = await fetch(`${api}instances/${instance.id}/data/${element.id}`, { method: 'PUT', headers, body: JSON.stringify(data) });
    if (!put.ok) throw new Error(`Writing the form data failed: ${put.status}`);
    const request = { org: 'ttd', appName: 'pdf-bench', instanceId: instance.id, language: 'nb', taskId: 'Task_1' };
    let started = performance.now();
    let bytes = await pdf.render(request);
    const cold = performance.now() - started;
    const warm = [];
    for (let i = 0; i < runs; i++) {
      started = performance.now();
      bytes = await pdf.render(request);
      warm.push(performance.now() - started);
    }
    // Where a render's time goes, measured with a browser of our own: the print view loading until ready, then printing.
    const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
    const toReady = [];
    const printing = [];
    try {
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext();
        await previewAuthentication(baseUrl, host.port, host.token)(await context.newPage());
        const page = context.pages()[0];
        started = performance.now();
        await page.goto(`${api}?pdf=1&lang=nb&task=Task_1#/instance/${instance.id}/Task_1`);
        await page.waitForSelector('html[data-pdf-ready]', { state: 'attached' });
        toReady.push(performance.now() - started);
        started = performance.now();
        await page.pdf({ format: 'A4', printBackground: true });
        printing.push(performance.now() - started);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    // Each sheet is one `/Type /Page` object in Chromium's PDFs: a check that all 20 pages were printed.
    const sheets = (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    return [
      `runtime PDF: ${pageCount}-page form (${pageCount * fieldsPerPage} fields) → ${sheets}-page A4 PDF of ${(bytes.byteLength / 1024).toFixed(0)} KiB: ${ms(median(warm))} per render with the browser running (goal ≤ 3 s; median of ${runs}), ${ms(cold)} for the first render incl. launching Chromium`,
      `runtime PDF: of a render, print view loaded to ready ${ms(median(toReady))} (fresh context: bundle, fonts, API), page.pdf ${ms(median(printing))} (median of ${runs})`,
    ];
  } finally {
    await pdf.close();
    await host.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await benchRuntimePdf()) console.log(line);
