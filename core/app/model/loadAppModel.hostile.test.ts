// Hostile and broken input: every case loads, says what is wrong where, and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryFileSource } from '../fileSource';
import { loadAppModel } from './loadAppModel';
import type { AppModel } from './types';

const page = '{"data": {"layout": [{"id": "a", "type": "Input"}]}}';
const app: Record<string, string> = {
  'App/config/applicationmetadata.json': '{"id": "ttd/x", "org": "ttd", "title": {"nb": "X"}, "dataTypes": [{"id": "model", "appLogic": {"classRef": "M"}}]}',
  'App/config/process/process.bpmn': '<definitions><process id="p"><task id="Task_1"/></process></definitions>',
  'App/config/texts/resource.nb.json': '{"language": "nb", "resources": [{"id": "a", "value": "A"}]}',
  'App/ui/layout-sets.json': '{"sets": [{"id": "form", "dataType": "model", "tasks": ["Task_1"]}]}',
  'App/ui/form/Settings.json': '{"pages": {"order": ["P"]}}',
  'App/ui/form/layouts/P.json': page,
  'App/ui/footer.json': '{"footer": []}',
  'App/options/list.json': '[]',
  'App/models/model.schema.json': '{}',
  'App/models/model.xsd': '<schema/>',
};

const load = (changes: Record<string, string>) => loadAppModel(memoryFileSource({ ...app, ...changes }));
const shapeOf = (model: AppModel) => model.problems.map((p) => [p.file, p.line, p.code, p.message]);

describe('wrong types give file-shape diagnostics at the value', () => {
  it('"layout": 5 and other non-lists in a page', async () => {
    const model = await load({
      'App/ui/form/layouts/P.json': '{\n  "data": {\n    "layout": 5\n  }\n}',
      'App/ui/form/layouts/Q.json': '[]',
      'App/ui/form/layouts/R.json': '{"data": null}',
      'App/ui/form/layouts/S.json': '{"data": {"layout": [null, 5, "x", [], {"id": ["a"], "type": 3}]}}',
    });
    expect(shapeOf(model)).toEqual([
      ['App/ui/form/layouts/P.json', 3, 'file-shape', 'The page has no "data.layout" list of components'],
      ['App/ui/form/layouts/Q.json', 1, 'file-shape', 'The page has no "data.layout" list of components'],
      ['App/ui/form/layouts/R.json', 1, 'file-shape', 'The page has no "data.layout" list of components'],
    ]);
    const pages = model.uiFolders[0]!.pages;
    expect(pages.map((p) => [p.name, p.components.length])).toEqual([['P', 0], ['Q', 0], ['R', 0], ['S', 5]]);
    expect(pages[3]!.components.map((c) => [c.id, c.type])).toEqual([['', ''], ['', ''], ['', ''], ['', ''], ['', '']]);
  });

  it('"sets": {} and sets without ids', async () => {
    expect(shapeOf(await load({ 'App/ui/layout-sets.json': '{"sets": {}}' }))).toEqual([['App/ui/layout-sets.json', 1, 'file-shape', 'The file has no "sets" list']]);
    const model = await load({ 'App/ui/layout-sets.json': '{"sets": [5, {"id": ""}, {"id": "form", "tasks": "Task_1", "dataType": 3}]}' });
    expect(shapeOf(model).map((p) => p[3])).toEqual(['Set number 1 has no id', 'Set number 2 has no id']);
    expect(model.uiFolders[0]).toMatchObject({ id: 'form', taskIds: [], defaultDataType: null });
  });

  it('texts, settings, metadata, footer and code lists of the wrong form', async () => {
    const model = await load({
      'App/config/texts/resource.nb.json': '{"resources": "x"}',
      'App/config/texts/resource.en.json': '{"resources": [{"value": "no id"}, {"id": "b", "value": 5}]}',
      'App/ui/form/Settings.json': '{"pages": {"order": "P", "groups": 5}}',
      'App/config/applicationmetadata.json': '[1, 2]',
      'App/ui/footer.json': '{"footer": {}}',
      'App/options/list.json': '{"value": "x"}',
    });
    expect(shapeOf(model).map((p) => `${p[0]}: ${p[3]}`)).toEqual([
      'App/config/applicationmetadata.json: The file does not hold a JSON object',
      'App/config/texts/resource.en.json: Text resource number 1 has no id, so nothing can use it',
      'App/config/texts/resource.nb.json: The file has no "resources" list',
      'App/options/list.json: A code list should be a JSON list of options ({ "value", "label" })',
      'App/ui/footer.json: The footer file has no "footer" list',
      'App/ui/form/Settings.json: "pages.order" should be a list',
      'App/ui/form/Settings.json: "pages.groups" should be a list',
    ]);
    expect(model.textFiles.find((t) => t.language === 'en')!.resources).toEqual([{ id: 'b', value: '', index: 1 }]);
    expect(model.uiFolders[0]!.pageOrder).toEqual([]);
  });
});

describe('huge, deep and garbage files', () => {
  it('a 10 MB text file loads', async () => {
    const resources = Array.from({ length: 100_000 }, (_, i) => ({ id: `text.${i}`, value: `Verdi nummer ${i} ${'x'.repeat(60)}` }));
    const big = JSON.stringify({ language: 'nb', resources }, null, 2);
    expect(big.length).toBeGreaterThan(10_000_000);
    const model = await load({ 'App/config/texts/resource.nb.json': big, 'App/wwwroot/big.js': 'x'.repeat(10_000_000) });
    expect(model.problems).toEqual([]);
    expect(model.textFiles[0]!.resources).toHaveLength(100_000);
  });

  it('5000-deep nesting in JSON and XML gives a diagnostic, not a stack overflow', async () => {
    const deepJson = `{"data": {"layout": [${'['.repeat(5000)}${']'.repeat(5000)}]}}`;
    const deepXml = `<definitions><process id="p">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</process></definitions>`;
    const model = await load({ 'App/ui/form/layouts/P.json': deepJson, 'App/ui/form/Settings.json': '['.repeat(5000), 'App/config/process/process.bpmn': deepXml.slice(0, -30) });
    const codes = model.problems.map((p) => `${p.file} ${p.code}`);
    expect(codes).toContain('App/ui/form/layouts/P.json json-syntax');
    expect(codes).toContain('App/ui/form/Settings.json json-syntax');
    expect(codes).toContain('App/config/process/process.bpmn xml-syntax');
    expect(model.uiFolders[0]!.pages[0]!.components).toEqual([]);
  });

  it('any garbage in any role file loads without throwing', async () => {
    const roles = Object.keys(app);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...roles), fc.string({ unit: 'binary', maxLength: 300 }), async (path, text) => {
        const model = await load({ [path]: text });
        expect(model.texts.get(path)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('files truncated at any offset load, and a truncated JSON file always has a syntax diagnostic', async () => {
    const pretty: Record<string, string> = { ...app, 'App/ui/form/layouts/P.json': JSON.stringify(JSON.parse(page), null, 2) };
    const files = Object.keys(pretty);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), fc.double({ min: 0, max: 1, noNaN: true }), async (path, at) => {
        const full = pretty[path]!;
        const cut = full.slice(0, Math.floor(at * full.length));
        const model = await loadAppModel(memoryFileSource({ ...pretty, [path]: cut }));
        if (path.endsWith('.json') && cut.trim() !== full.trim()) {
          expect(model.problems.some((p) => p.file === path && p.code === 'json-syntax')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
