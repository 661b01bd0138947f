/**
 * The PDF receipt end to end: a real runtime host serving a small app written here, a real Chromium
 * printing the form app's print view (out/runtime-client, from `npm run build`), and poppler's
 * pdftoppm/pdftotext reading the result.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { createAppHandler } from './appApi';
import { diskAppSource } from './appSource';
import { chromiumPdfService, previewAuthentication, type ChromiumPdfService } from './chromiumPdf';
import type { RouteContext } from './http';
import { createReceiptPdf, pdfDataType, type PdfElement } from './pdfElement';
import { runtimeClientDir } from './runtimeRoot';
import { type RuntimeHost, startRuntimeHost } from './runtimeHost';
import { memoryStorage, type Instance } from './storage';
import { startServer } from './testServer';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const settings = { pages: { order: ['Intro', 'Details', 'Internal'], excludeFromPdf: ['Internal'] }, components: { excludeFromPdf: ['secret-note'] } };
const texts = (resources: Record<string, string>) => ({ language: 'nb', resources: Object.entries(resources).map(([id, value]) => ({ id, value })) });

/** Three pages (one left out of the PDF), a component left out, a page break, option labels from a code list and from the layout. */
async function writePdfApp(dir: string): Promise<void> {
  const files: Record<string, string> = {
    'App/config/applicationmetadata.json': json({
      id: 'ttd/pdf-demo',
      org: 'ttd',
      title: { nb: 'Søknad om løyve' },
      dataTypes: [{ id: 'model', taskId: 'Task_1', maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Model' } }],
    }),
    'App/config/process/process.bpmn': readFileSync(path.join(process.cwd(), 'resources/templates/app/App/config/process/process.bpmn'), 'utf8'),
    'App/config/texts/resource.nb.json': json(texts({ appName: 'Søknad om løyve', 'name.title': 'Fullt navn', 'kind.taxi': 'Drosje' })),
    'App/ui/layout-sets.json': json({ sets: [{ id: 'form', dataType: 'model', tasks: ['Task_1'] }] }),
    'App/ui/form/Settings.json': json(settings),
    'App/ui/form/layouts/Intro.json': json({
      data: {
        layout: [
          { id: 'intro-title', type: 'Header', size: 'L', textResourceBindings: { title: 'Om søkeren' } },
          { id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'name' }, textResourceBindings: { title: 'name.title' } },
          { id: 'secret-note', type: 'Paragraph', textResourceBindings: { title: 'HEMMELIG-NOTAT' } },
          { id: 'nav1', type: 'NavigationButtons', textResourceBindings: { next: 'Videre til detaljer' } },
        ],
      },
    }),
    'App/ui/form/layouts/Details.json': json({
      data: {
        layout: [
          { id: 'details-title', type: 'Header', size: 'L', textResourceBindings: { title: 'Detaljer om løyvet' }, pageBreak: { breakBefore: 'always' } },
          { id: 'municipality', type: 'Dropdown', optionsId: 'kommuner', dataModelBindings: { simpleBinding: 'municipality' }, textResourceBindings: { title: 'Kommune' } },
          { id: 'kind', type: 'RadioButtons', options: [{ value: 'taxi', label: 'kind.taxi' }, { value: 'bus', label: 'Buss' }], dataModelBindings: { simpleBinding: 'kind' }, textResourceBindings: { title: 'Type løyve' } },
          { id: 'description', type: 'TextArea', dataModelBindings: { simpleBinding: 'description' }, textResourceBindings: { title: 'Beskrivelse' } },
          { id: 'hidden-field', type: 'Input', hidden: true, dataModelBindings: { simpleBinding: 'hiddenField' }, textResourceBindings: { title: 'SKJULT-FELT' } },
          { id: 'submit', type: 'Button', textResourceBindings: { title: 'Send inn søknaden' } },
        ],
      },
    }),
    'App/ui/form/layouts/Internal.json': json({ data: { layout: [{ id: 'internal', type: 'Paragraph', textResourceBindings: { title: 'INTERN-SIDE' } }] } }),
    'App/ui/form/layouts/PdfCustom.json': json({
      data: {
        layout: [
          { id: 'custom-intro', type: 'Paragraph', textResourceBindings: { title: 'EGEN-PDF-SIDE' } },
          { id: 'custom-summary', type: 'Summary2', target: { type: 'component', id: 'name' } },
        ],
      },
    }),
    'App/options/kommuner.json': json([
      { value: '0301', label: 'Oslo' },
      { value: '4601', label: 'Bergen' },
    ]),
    'App/models/model.schema.json': json({
      type: 'object',
      properties: { name: { type: 'string' }, municipality: { type: 'string' }, kind: { type: 'string' }, description: { type: 'string' }, hiddenField: { type: 'string' } },
    }),
  };
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
}

const formData = { name: 'Kari Nordmann', municipality: '4601', kind: 'taxi', description: 'Kjører i sentrum', hiddenField: 'skal-ikke-vises' };

let root: string;
let appDir: string;
let host: RuntimeHost;
let pdf: ChromiumPdfService;
let instance: Instance;

/** Writes `bytes` to a file and reads it back with poppler: page count (pdftoppm at 50 dpi) and each page's text. */
function readPdf(bytes: Uint8Array, name: string): { pages: number; text: string[]; pngDir: string } {
  const dir = path.join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '50', file, path.join(dir, 'page')], { stdio: 'ignore' });
  const pages = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).length;
  const text = Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  return { pages, text, pngDir: dir };
}

beforeAll(async () => {
  if (!existsSync(path.join(runtimeClientDir(), 'index.html'))) throw new Error(`The form app is not built (${runtimeClientDir()}): run npm run build first`);
  root = mkdtempSync(path.join(os.tmpdir(), 'chromium-pdf-'));
  appDir = path.join(root, 'app');
  await writePdfApp(appDir);
  host = await startRuntimeHost({ appDir });
  const base = `http://127.0.0.1:${host.port}/ttd/pdf-demo/`;
  const headers = { 'x-preview-token': host.token, 'content-type': 'application/json' };
  const created = await fetch(`${base}instances?instanceOwnerPartyId=50001`, { method: 'POST', headers, body: '{}' });
  expect(created.status).toBe(201);
  instance = (await created.json()) as Instance;
  const element = instance.data.find((d) => d.dataType === 'model')!;
  const put = await fetch(`${base}instances/${instance.id}/data/${element.id}`, { method: 'PUT', headers, body: JSON.stringify(formData) });
  expect(put.status).toBe(200);
  const baseUrl = `http://127.0.0.1:${host.port}`;
  pdf = chromiumPdfService({ baseUrl, executablePath: chromiumPath, authenticate: previewAuthentication(baseUrl, host.port, host.token), timeoutMs: 20_000 });
}, 60_000);

afterAll(async () => {
  await pdf?.close();
  await host?.close();
  if (process.env.KEEP_PDF_TEST_OUTPUT) console.log(`PDF test output kept in ${root}`);
  else rmSync(root, { recursive: true, force: true });
});

const request = () => ({ org: 'ttd', appName: 'pdf-demo', instanceId: instance.id, language: 'nb', taskId: 'Task_1' });

describe('chromiumPdfService', () => {
  it('prints every page in order with the typed values, leaving out excluded pages, components, hidden fields and buttons', async () => {
    const bytes = await pdf.render(request());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { pages, text } = readPdf(bytes, 'generated');
    // Intro on the first sheet; Details begins on a new one (its header's pageBreak.breakBefore).
    expect(pages).toBe(2);
    expect(text[0]).toContain('Søknad om løyve');
    expect(text[0]).toContain('Om søkeren');
    expect(text[0]).toMatch(/Fullt navn\s+Kari Nordmann/);
    expect(text[0]).not.toContain('Detaljer om løyvet');
    expect(text[1]).toContain('Detaljer om løyvet');
    // Values as the summary shows them: option labels (code list and layout options), not stored codes.
    expect(text[1]).toMatch(/Kommune\s+Bergen/);
    expect(text[1]).toMatch(/Type løyve\s+Drosje/);
    expect(text[1]).toContain('Kjører i sentrum');
    const all = text.join('\n');
    for (const absent of ['HEMMELIG-NOTAT', 'INTERN-SIDE', 'SKJULT-FELT', 'skal-ikke-vises', 'Videre til detaljer', 'Send inn søknaden', 'EGEN-PDF-SIDE', 'Endre', '4601']) expect(all).not.toContain(absent);
  }, 60_000);

  it('prints only the pdfLayoutName page when Settings.json names one, without its Change buttons', async () => {
    const file = path.join(appDir, 'App/ui/form/Settings.json');
    await writeFile(file, json({ ...settings, pages: { ...settings.pages, pdfLayoutName: 'PdfCustom' } }));
    await host.reload();
    try {
      const { pages, text } = readPdf(await pdf.render(request()), 'custom');
      expect(pages).toBe(1);
      expect(text[0]).toContain('EGEN-PDF-SIDE');
      expect(text[0]).toMatch(/Fullt navn\s+Kari Nordmann/);
      for (const absent of ['Om søkeren', 'Detaljer om løyvet', 'Endre']) expect(text[0]).not.toContain(absent);
    } finally {
      await writeFile(file, json(settings));
      await host.reload();
    }
  }, 60_000);

  it('fails with the print view\'s reason when the instance does not exist', async () => {
    await expect(pdf.render({ ...request(), instanceId: '50001/00000000-0000-4000-8000-000000000000' })).rejects.toThrow(/could not be drawn: .*00000000-0000-4000-8000-000000000000/);
  }, 60_000);
});

describe('createReceiptPdf', () => {
  /** A route context over `storage` holding a copy of the host's instance. */
  async function contextWith(services: RouteContext['services']) {
    const storage = memoryStorage();
    await storage.createInstance(instance, new Map());
    const app = await loadAppModel(await diskAppSource(appDir));
    const ctx: RouteContext = {
      app,
      org: 'ttd',
      appName: 'pdf-demo',
      storage,
      services,
      user: { userId: 7, partyId: '50001', name: 'Kari Nordmann', authenticationLevel: 2 },
      identifies: true,
      params: {},
      query: new URLSearchParams('language=nb'),
      headers: {},
      jsonBody: async () => undefined,
      rawBody: async () => Buffer.alloc(0),
    };
    return { ctx, storage, app };
  }

  it('stores one locked ref-data-as-pdf element per task (a second pass replaces the first) that GET data/:id serves as the PDF', async () => {
    const { ctx, storage, app } = await contextWith({ pdf });
    const first = await createReceiptPdf(ctx, instance, 'Task_1');
    const second = await createReceiptPdf(ctx, first, 'Task_1');
    const pdfs = second.data.filter((d) => d.dataType === pdfDataType) as PdfElement[];
    expect(pdfs).toHaveLength(1);
    expect(first.data.find((d) => d.dataType === pdfDataType)!.id).not.toBe(pdfs[0]!.id);
    expect(pdfs[0]).toMatchObject({ contentType: 'application/pdf', filename: 'Søknad om løyve.pdf', locked: true, createdBy: '7', references: [{ relation: 'GeneratedFrom', valueType: 'Task', value: 'Task_1' }] });
    expect(await storage.getInstance(instance.id)).toEqual(second);
    const events = await storage.listEvents(instance.id);
    expect(events.map((e) => e.eventType)).toEqual(['PdfGenerated', 'PdfGenerated']);
    expect(events[1]!.processInfo).toMatchObject({ taskId: 'Task_1', dataId: pdfs[0]!.id });

    const server = await startServer(createAppHandler({ app, org: 'ttd', appName: 'pdf-demo', storage }));
    try {
      const res = await fetch(`${server.url}/ttd/pdf-demo/instances/${instance.id}/data/${pdfs[0]!.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const served = new Uint8Array(await res.arrayBuffer());
      expect(served.byteLength).toBe(pdfs[0]!.size);
      expect(Buffer.from(served.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(readPdf(served, 'served').text.join('\n')).toContain('Kari Nordmann');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('returns the instance unchanged and stores nothing on a host without a PDF service', async () => {
    const { ctx, storage } = await contextWith({});
    expect(await createReceiptPdf(ctx, instance, 'Task_1')).toBe(instance);
    expect(await storage.getInstance(instance.id)).toEqual(instance);
    expect(await storage.listEvents(instance.id)).toEqual([]);
  });

  it('stores nothing when the render fails', async () => {
    const { ctx, storage } = await contextWith({ pdf: { render: () => Promise.reject(new Error('Chromium crashed')) } });
    await expect(createReceiptPdf(ctx, instance, 'Task_1')).rejects.toThrow('Chromium crashed');
    expect((await storage.getInstance(instance.id))!.data.some((d) => d.dataType === pdfDataType)).toBe(false);
  });
});
