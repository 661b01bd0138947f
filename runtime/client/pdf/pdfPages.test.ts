import { describe, expect, it } from 'vitest';
import type { PageFile } from '../../../core/expressions';
import { deriveAll, type Definitions } from '../state/derive';
import { codeListIds } from './loadPrint';
import { excludedComponents, hidesAppName, pageBreakStyle, pdfPages, printModeOf, type PdfSettings } from './pdfPages';
import { printPath, printRequestOf } from './printRequest';

const page = (layout: Record<string, unknown>[], hidden?: unknown): PageFile => ({ data: { layout, ...(hidden === undefined ? {} : { hidden }) } }) as unknown as PageFile;

function derivedOf(layouts: Record<string, PageFile>, pageOrder: string[], data: Record<string, unknown> = {}) {
  const defs: Definitions = {
    layouts,
    pageOrder,
    defaultDataType: 'model',
    texts: [],
    language: 'nb',
    frontendSettings: {},
    schemas: {},
    validationConfigs: {},
    classRefs: {},
    instance: { id: '1/abc' },
  };
  return deriveAll(defs, { model: data }, {});
}

const layouts = {
  A: page([
    { id: 'title', type: 'Header', textResourceBindings: { title: 'A' } },
    { id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'name' }, pageBreak: { breakAfter: ['if', ['equals', ['dataModel', 'long'], true], 'always', 'else', 'auto'] } },
    { id: 'next', type: 'NavigationButtons' },
    { id: 'sum', type: 'Summary2', target: { type: 'component', id: 'name' } },
    { id: 'grp', type: 'Group', children: ['inner'] },
    { id: 'inner', type: 'Input', dataModelBindings: { simpleBinding: 'inner' }, pageBreak: { breakBefore: 'avoid' } },
  ]),
  B: page([{ id: 'b', type: 'Paragraph', textResourceBindings: { title: 'B' } }], ['equals', ['dataModel', 'skipB'], true]),
  C: page([{ id: 'c', type: 'Paragraph' }]),
  Pdf: page([{ id: 'p', type: 'Paragraph' }]),
};

describe('printRequestOf / printPath', () => {
  it('reads ?pdf=1 on an instance address, with task and language', () => {
    expect(printRequestOf('http://h/ttd/app/?pdf=1&lang=en#/instance/50001/3f2a9c4e-1111-4000-8000-000000000001/Task_2/Page1')).toEqual({
      instanceId: '50001/3f2a9c4e-1111-4000-8000-000000000001',
      taskId: 'Task_2',
      language: 'en',
    });
    expect(printRequestOf('http://h/ttd/app/?pdf=1&task=Task_9#/instance/50001/3f2a9c4e-1111-4000-8000-000000000001')).toMatchObject({ taskId: 'Task_9', language: 'nb' });
  });

  it('is null for the form itself and for addresses that name no instance', () => {
    expect(printRequestOf('http://h/ttd/app/#/instance/50001/3f2a9c4e-1111-4000-8000-000000000001/Task_1/P')).toBeNull();
    expect(printRequestOf('http://h/ttd/app/?pdf=1#/Page1')).toBeNull();
    expect(printRequestOf('http://h/ttd/app/?pdf=1#/instance/abc/../../x')).toBeNull();
  });

  it('builds the address the PDF services open, which reads back as the same request', () => {
    const request = { instanceId: '50001/3f2a9c4e-1111-4000-8000-000000000001', taskId: 'Task_1', language: 'nn' };
    const path = printPath('/ttd/app/', request);
    expect(path).toBe('/ttd/app/?pdf=1&lang=nn&task=Task_1#/instance/50001/3f2a9c4e-1111-4000-8000-000000000001/Task_1');
    expect(printRequestOf(`http://h${path}`)).toEqual(request);
  });
});

describe('pdfPages', () => {
  it('keeps the page order, leaving out pages.excludeFromPdf and hidden pages', () => {
    const derived = derivedOf(layouts, ['A', 'B', 'C'], { skipB: false });
    const ids = (settings: PdfSettings, d = derived) => pdfPages(settings, ['A', 'B', 'C'], d.hierarchy, d.env).pages.map((p) => p.id);
    expect(ids({})).toEqual(['A', 'B', 'C']);
    expect(ids({ pages: { excludeFromPdf: ['C'] } })).toEqual(['A', 'B']);
    const skipping = derivedOf(layouts, ['A', 'B', 'C'], { skipB: true });
    expect(ids({}, skipping)).toEqual(['A', 'C']);
  });

  it('prints only pdfLayoutName when it names a page (even one outside the order), else ignores it', () => {
    const derived = derivedOf(layouts, ['A', 'B']);
    expect(pdfPages({ pages: { pdfLayoutName: 'Pdf' } }, ['A', 'B'], derived.hierarchy, derived.env)).toMatchObject({ custom: true, pages: [{ id: 'Pdf' }] });
    expect(pdfPages({ pages: { pdfLayoutName: 'Missing' } }, ['A', 'B'], derived.hierarchy, derived.env).custom).toBe(false);
  });
});

describe('printModeOf / pageBreakStyle', () => {
  const derived = derivedOf(layouts, ['A'], { long: true });
  const node = (id: string) => derived.hierarchy.nodes.get(id)!;

  it('prints form components and containers as summaries, presentation as itself, never buttons; summaries only on a custom page', () => {
    expect(printModeOf(node('name'), derived.env, [], false)).toBe('summary');
    expect(printModeOf(node('grp'), derived.env, [], false)).toBe('summary');
    expect(printModeOf(node('title'), derived.env, [], false)).toBe('component');
    expect(printModeOf(node('next'), derived.env, [], true)).toBe('omit');
    expect(printModeOf(node('sum'), derived.env, [], false)).toBe('omit');
    expect(printModeOf(node('sum'), derived.env, [], true)).toBe('component');
    expect(printModeOf(node('name'), derived.env, excludedComponents({ components: { excludeFromPdf: ['name'] } }), false)).toBe('omit');
  });

  it('turns pageBreak (literal or expression) into CSS breaks', () => {
    expect(pageBreakStyle(node('name'), derived.env)).toEqual({ breakAfter: 'page' });
    expect(pageBreakStyle(node('inner'), derived.env)).toEqual({ breakBefore: 'avoid-page' });
    expect(pageBreakStyle(node('title'), derived.env)).toEqual({});
    const short = derivedOf(layouts, ['A'], { long: false });
    expect(pageBreakStyle(short.hierarchy.nodes.get('name')!, short.env)).toEqual({});
  });

  it('reads hideAppNameInPdf, which may be an expression', () => {
    expect(hidesAppName({}, derived.env)).toBe(false);
    expect(hidesAppName({ pages: { hideAppNameInPdf: ['equals', ['dataModel', 'long'], true] } }, derived.env)).toBe(true);
  });
});

describe('codeListIds', () => {
  it('finds every optionsId in the layouts, nested ones too, once each', () => {
    expect(codeListIds({ A: { data: { layout: [{ optionsId: 'x' }, { rows: [{ cells: [{ component: { optionsId: 'y' } }] }] }, { optionsId: 'x' }, { optionsId: '' }] } } })).toEqual(['x', 'y']);
  });
});
