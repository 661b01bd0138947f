import { describe, expect, it } from 'vitest';
import { type FileSource, memoryFileSource } from '../fileSource';
import { loadAppModel } from './loadAppModel';

const bpmn = (taskIds: string[]) => `<?xml version="1.0" encoding="utf-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="p">${taskIds
    .map((id) => `<bpmn:task id="${id}"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>data</altinn:taskType></altinn:taskExtension></bpmn:extensionElements></bpmn:task>`)
    .join('')}</bpmn:process>
</bpmn:definitions>`;

const metadata = JSON.stringify({
  id: 'ttd/demo',
  org: 'ttd',
  title: { nb: 'Demo' },
  dataTypes: [
    { id: 'ref-data-as-pdf' },
    { id: 'attachments', taskId: 'Task_1' },
    { id: 'model', appLogic: { classRef: 'Altinn.App.Models.model' }, taskId: 'Task_1' },
  ],
});
const page = (...components: unknown[]) => JSON.stringify({ data: { layout: components } }, null, 2);
const texts = (lang: string, ...resources: unknown[]) => JSON.stringify({ language: lang, resources });

const base: Record<string, string> = {
  'App/config/applicationmetadata.json': metadata,
  'App/config/process/process.bpmn': bpmn(['Task_1', 'Task_2']),
  'App/config/authorization/policy.xml': '<xacml:Policy xmlns:xacml="urn:oasis:names:tc:xacml:3.0:core:schema:wd-17"/>',
  'App/config/texts/resource.nb.json': texts('nb', { id: 'a', value: 'A' }, { id: 'b', value: 'B {0}', variables: [{ key: 'x', dataSource: 'dataModel.default' }] }),
  'App/config/texts/resource.en.json': texts('en', { id: 'a', value: 'A' }),
  'App/models/model.schema.json': '{"type": "object"}',
  'App/models/model.xsd': '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>',
  'App/models/model.cs': 'class model {}',
  'App/models/model.prefill.json': '{}',
  'App/models/model.validation.json': '{"validations": {}}',
  'App/models/model.calculation.json': '{}',
  'App/models/model.metadata.json': '{}',
  'App/models/other.schema.json': '{}',
  'App/options/countries.json': '[{"value": "NO", "label": "Norge"}]',
  'App/appsettings.json': '{}',
  'App/appsettings.Development.json': '{}',
  'App/ui/footer.json': '{"footer": []}',
  'App/wwwroot/logo.png': '\u0089PNG',
  'App/wwwroot/data.json': 'not json, served as is',
  'App/App.csproj': '<Project>',
};

describe('loadAppModel — v8 layout sets', () => {
  const app = {
    ...base,
    'App/ui/layout-sets.json': '{"sets": [{"id": "form", "dataType": "model", "tasks": ["Task_1"]}, {"id": "sub", "dataType": "model", "type": "subform"}]}',
    'App/ui/form/Settings.json': '{"pages": {"order": ["Side2", "Side1", "Gone"]}}',
    'App/ui/form/layouts/Side1.json': page({ id: 'name', type: 'input' }, { id: 'choice', type: 'Radiobuttons' }),
    'App/ui/form/layouts/Side2.json': page({ type: 'Paragraph' }, { id: 7, type: 'Header' }, 'not a component', { id: 'x', type: 'SomethingNew' }),
    'App/ui/form/layouts/Pdf.json': page(),
    'App/ui/sub/layouts/Row.json': page(),
  };

  it('joins layout-sets.json with the folders, pages in Settings order then by name', async () => {
    const model = await loadAppModel(memoryFileSource(app));
    expect(model.problems).toEqual([]);
    expect(model.uiFolders.map(({ id, folder, kind, taskIds, defaultDataType, type }) => ({ id, folder, kind, taskIds, defaultDataType, type }))).toEqual([
      { id: 'form', folder: 'App/ui/form', kind: 'v8-set', taskIds: ['Task_1'], defaultDataType: 'model', type: null },
      { id: 'sub', folder: 'App/ui/sub', kind: 'v8-set', taskIds: [], defaultDataType: 'model', type: 'subform' },
    ]);
    const form = model.uiFolders[0]!;
    expect(form.settings?.path).toBe('App/ui/form/Settings.json');
    expect(form.pageOrder).toEqual(['Side2', 'Side1', 'Gone']);
    expect(form.pages.map((p) => p.name)).toEqual(['Side2', 'Side1', 'Pdf']);
    expect(model.uiFolders[1]!.settings).toBeNull();
  });

  it('lists every component as written, with its type matched case-insensitively', async () => {
    const model = await loadAppModel(memoryFileSource(app));
    const [side2, side1] = model.uiFolders[0]!.pages;
    expect(side1!.components.map((c) => [c.id, c.type, c.typeAsWritten])).toEqual([
      ['name', 'Input', 'input'],
      ['choice', 'RadioButtons', 'Radiobuttons'],
    ]);
    expect(side2!.components.map((c) => [c.id, c.type, c.index])).toEqual([
      ['', 'Paragraph', 0],
      ['', 'Header', 1],
      ['', '', 2],
      ['x', 'SomethingNew', 3],
    ]);
    expect(side2!.components[1]).toMatchObject({ folderId: 'form', pageName: 'Side2', file: 'App/ui/form/layouts/Side2.json', jsonPath: ['data', 'layout', 1], props: { id: 7, type: 'Header' } });
  });

  it('reads texts, models, options, footer, process, policy and settings', async () => {
    const model = await loadAppModel(memoryFileSource(app));
    expect(model.metadata?.path).toBe('App/config/applicationmetadata.json');
    expect(model.layoutSets?.path).toBe('App/ui/layout-sets.json');
    expect(model.textFiles.map((t) => t.language)).toEqual(['nb', 'en']);
    expect(model.textFiles[0]!.resources).toEqual([
      { id: 'a', value: 'A', index: 0 },
      { id: 'b', value: 'B {0}', index: 1, variables: [{ key: 'x', dataSource: 'dataModel.default' }] },
    ]);
    const [main, other] = model.models;
    expect(main).toMatchObject({ id: 'model', otherFiles: ['App/models/model.cs', 'App/models/model.metadata.json'] });
    expect([main!.schema?.path, main!.xsd?.path, main!.prefill?.path, main!.validation?.path, main!.calculation?.path]).toEqual([
      'App/models/model.schema.json',
      'App/models/model.xsd',
      'App/models/model.prefill.json',
      'App/models/model.validation.json',
      'App/models/model.calculation.json',
    ]);
    expect(other).toMatchObject({ id: 'other', xsd: null, otherFiles: [] });
    expect(model.options.map((o) => [o.id, o.file.doc.value])).toEqual([['countries', [{ value: 'NO', label: 'Norge' }]]]);
    expect(model.footer?.path).toBe('App/ui/footer.json');
    expect(model.process?.doc.root?.localName).toBe('definitions');
    expect(model.policy?.doc.root?.localName).toBe('Policy');
    expect(model.appSettings.map((f) => f.path)).toEqual(['App/appsettings.Development.json', 'App/appsettings.json']);
    expect(model.globalSettings).toBeNull();
  });

  it('reads every text file once, skips binaries, and parses only what has a role', async () => {
    const reads: string[] = [];
    const inner = memoryFileSource(app);
    const model = await loadAppModel({ files: inner.files, read: (path) => (reads.push(path), inner.read(path)) });
    expect(reads.sort()).toEqual(Object.keys(app).filter((p) => !p.endsWith('.png')).sort());
    expect(model.filePaths).toContain('App/wwwroot/logo.png');
    expect(model.texts.has('App/wwwroot/logo.png')).toBe(false);
    expect(model.texts.get('App/App.csproj')).toBe('<Project>');
    expect(model.jsonFiles.has('App/wwwroot/data.json')).toBe(false);
    expect(model.xmlFiles.has('App/App.csproj')).toBe(false);
    expect([...model.xmlFiles.keys()].sort()).toEqual(['App/config/authorization/policy.xml', 'App/config/process/process.bpmn', 'App/models/model.xsd']);
  });
});

describe('loadAppModel — v9 folders and legacy apps', () => {
  it('v9: every App/ui folder with Settings.json or layouts, folder id = task id', async () => {
    const model = await loadAppModel(
      memoryFileSource({
        ...base,
        'App/ui/Settings.json': '{"taskNavigation": [{"taskId": "Task_1"}]}',
        'App/ui/Task_1/Settings.json': '{"defaultDataType": "model", "pages": {"groups": [{"order": ["B"]}, {"name": "g", "order": ["A"]}]}}',
        'App/ui/Task_1/layouts/A.json': page({ id: 'a', type: 'Input' }),
        'App/ui/Task_1/layouts/B.json': page(),
        'App/ui/Task_2/layouts/C.json': page(),
        'App/ui/subform/Settings.json': '{"defaultDataType": "model", "type": "subform"}',
        'App/ui/stateless/Settings.json': '{"defaultDataType": "model"}',
        'App/ui/notes/readme.md': 'not a folder of pages',
      }),
    );
    expect(model.problems).toEqual([]);
    expect(model.uiFolders.map(({ id, kind, taskIds, defaultDataType, type }) => ({ id, kind, taskIds, defaultDataType, type }))).toEqual([
      { id: 'stateless', kind: 'v9-folder', taskIds: [], defaultDataType: 'model', type: null },
      { id: 'subform', kind: 'v9-folder', taskIds: [], defaultDataType: 'model', type: 'subform' },
      { id: 'Task_1', kind: 'v9-folder', taskIds: ['Task_1'], defaultDataType: 'model', type: null },
      { id: 'Task_2', kind: 'v9-folder', taskIds: ['Task_2'], defaultDataType: null, type: null },
    ]);
    const task1 = model.uiFolders[2]!;
    expect(task1.pages.map((p) => p.name)).toEqual(['B', 'A']);
    expect(task1.pages[1]!.components[0]).toMatchObject({ id: 'a', folderId: 'Task_1' });
    expect(model.globalSettings?.path).toBe('App/ui/Settings.json');
  });

  it('legacy: App/ui/layouts with App/ui/Settings.json, data type from the classRef data type', async () => {
    const model = await loadAppModel(
      memoryFileSource({
        ...base,
        'App/ui/Settings.json': '{"pages": {"order": ["b", "a"]}}',
        'App/ui/layouts/a.json': page({ id: 'x', type: 'Input' }),
        'App/ui/layouts/b.json': page(),
      }),
    );
    expect(model.problems).toEqual([]);
    expect(model.uiFolders).toHaveLength(1);
    expect(model.uiFolders[0]).toMatchObject({ id: 'layouts', folder: 'App/ui', kind: 'legacy', taskIds: ['Task_1'], defaultDataType: 'model', pageOrder: ['b', 'a'] });
    expect(model.uiFolders[0]!.settings?.path).toBe('App/ui/Settings.json');
    expect(model.uiFolders[0]!.pages.map((p) => p.file.path)).toEqual(['App/ui/layouts/b.json', 'App/ui/layouts/a.json']);
    expect(model.globalSettings).toBeNull();
  });

  it('legacy: a single App/ui/FormLayout.json is one folder with one page', async () => {
    const model = await loadAppModel(memoryFileSource({ ...base, 'App/ui/FormLayout.json': page({ id: 'x', type: 'Input' }) }));
    expect(model.uiFolders).toHaveLength(1);
    expect(model.uiFolders[0]).toMatchObject({ id: 'FormLayout', kind: 'legacy', defaultDataType: 'model' });
    expect(model.uiFolders[0]!.pages.map((p) => [p.name, p.components.length])).toEqual([['FormLayout', 1]]);
  });

  it('v9 without a readable process: folders are tasks unless marked as subforms', async () => {
    const { 'App/config/process/process.bpmn': _gone, ...rest } = base;
    const model = await loadAppModel(
      memoryFileSource({ ...rest, 'App/ui/Task_1/layouts/A.json': page(), 'App/ui/sub/Settings.json': '{"type": "subform"}' }),
    );
    expect(model.uiFolders.map((f) => [f.id, f.taskIds])).toEqual([
      ['sub', []],
      ['Task_1', ['Task_1']],
    ]);
  });
});

describe('loadAppModel — problems', () => {
  it('syntax errors become json-syntax / xml-syntax diagnostics with their position', async () => {
    const model = await loadAppModel(
      memoryFileSource({
        ...base,
        'App/config/texts/resource.nb.json': '{\n  "language": "nb",\n  "resources": [\n    {"id": "a" "value": "A"}\n  ]\n}',
        'App/config/process/process.bpmn': '<bpmn:definitions xmlns:bpmn="b">\n  <bpmn:process>\n</bpmn:definitions>',
      }),
    );
    expect(model.problems).toEqual([
      { file: 'App/config/process/process.bpmn', line: 2, column: 3, severity: 'error', code: 'xml-syntax', message: expect.stringMatching(/^Invalid XML: <bpmn:process> is not closed/) },
      { file: 'App/config/texts/resource.nb.json', line: 4, column: 16, severity: 'error', code: 'json-syntax', message: 'Invalid JSON: a comma is expected' },
    ]);
    // What could be recovered is still there.
    expect(model.textFiles[0]!.resources.map((r) => r.id)).toEqual(['a']);
  });

  it('a file that cannot be read is reported and the rest still loads', async () => {
    const inner = memoryFileSource(base);
    const source: FileSource = {
      files: inner.files,
      read: (path) => {
        if (path === 'App/options/countries.json') throw new Error('permission denied');
        return path.endsWith('.en.json') ? Promise.reject(new Error('gone')) : inner.read(path);
      },
    };
    const model = await loadAppModel(source);
    expect(model.problems.map((p) => [p.file, p.code, p.message])).toEqual([
      ['App/config/texts/resource.en.json', 'file-unreadable', 'The file could not be read: gone'],
      ['App/options/countries.json', 'file-unreadable', 'The file could not be read: permission denied'],
    ]);
    expect(model.textFiles.map((t) => t.language)).toEqual(['nb']);
    expect(model.options).toEqual([]);
    expect(model.filePaths).toContain('App/options/countries.json');
  });

  it('an empty app is an empty model', async () => {
    const model = await loadAppModel(memoryFileSource({}));
    expect(model).toMatchObject({ metadata: null, layoutSets: null, uiFolders: [], textFiles: [], models: [], options: [], process: null, problems: [] });
  });
});
