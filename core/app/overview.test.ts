import { describe, expect, it } from 'vitest';
import { memoryFileSource, type FileSource } from './fileSource';
import { modelIdOfFile, readAppOverview, sortLanguages } from './overview';

const process1 = (tasks: [string, string][]) => `<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="p">${tasks
    .map(([id, type]) => `<bpmn:task id="${id}" name="${id} name"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>${type}</altinn:taskType></altinn:taskExtension></bpmn:extensionElements></bpmn:task>`)
    .join('')}</bpmn:process>
</bpmn:definitions>`;

const metadata = JSON.stringify({
  id: 'ttd/demo',
  org: 'ttd',
  title: { nb: 'Demo', en: 'Demo app' },
  dataTypes: [
    { id: 'ref-data-as-pdf', allowedContentTypes: ['application/pdf'] },
    { id: 'model', appLogic: { classRef: 'Altinn.App.Models.model' }, taskId: 'Task_1' },
  ],
});
const page = '{"data": {"layout": []}}';
const texts = (lang: string) => JSON.stringify({ language: lang, resources: [] });

const base = {
  'App/config/applicationmetadata.json': metadata,
  'App/config/process/process.bpmn': process1([['Task_1', 'data'], ['Task_2', 'confirmation']]),
  'App/config/texts/resource.en.json': texts('en'),
  'App/config/texts/resource.nb.json': texts('nb'),
  'App/config/texts/resource.nn.json': texts('nn'),
  'App/models/model.schema.json': '{}',
  'App/models/model.xsd': '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>',
  'App/models/model.cs': 'class model {}',
};

describe('readAppOverview — v8 layout sets', () => {
  const source = memoryFileSource({
    ...base,
    'App/ui/layout-sets.json': '\uFEFF{"sets": [{"id": "form", "dataType": "model", "tasks": ["Task_1"],},], // trailing\n}',
    'App/ui/form/Settings.json': '{"pages": {"order": ["Side2", "Side1"]}}',
    'App/ui/form/layouts/Side1.json': page,
    'App/ui/form/layouts/Side2.json': page,
    'App/ui/form/layouts/Pdf.json': page,
  });

  it('reads identity, sets, pages in Settings order, models, languages and tasks', async () => {
    const overview = await readAppOverview(source);
    expect(overview).toEqual({
      org: 'ttd',
      appId: 'ttd/demo',
      title: { nb: 'Demo', en: 'Demo app' },
      layoutSets: [
        { id: 'form', folder: 'App/ui/form', dataType: 'model', tasks: ['Task_1'], pages: ['Side2', 'Side1', 'Pdf'], kind: 'v8-set', type: null },
      ],
      dataModels: [{ id: 'model', files: ['App/models/model.cs', 'App/models/model.schema.json', 'App/models/model.xsd'], isFormModel: true }],
      languages: ['nb', 'nn', 'en'],
      processTasks: [
        { id: 'Task_1', name: 'Task_1 name', taskType: 'data', element: 'task' },
        { id: 'Task_2', name: 'Task_2 name', taskType: 'confirmation', element: 'task' },
      ],
      problems: [],
    });
  });

  it('reads the page order of navigation groups', async () => {
    const grouped = memoryFileSource({
      ...base,
      'App/ui/layout-sets.json': '{"sets": [{"id": "form", "dataType": "model", "tasks": ["Task_1"]}]}',
      'App/ui/form/Settings.json': '{"pages": {"groups": [{"order": ["B"]}, {"name": "g", "order": ["C", "A"]}]}}',
      'App/ui/form/layouts/A.json': page,
      'App/ui/form/layouts/B.json': page,
      'App/ui/form/layouts/C.json': page,
    });
    expect((await readAppOverview(grouped)).layoutSets[0]?.pages).toEqual(['B', 'C', 'A']);
  });

  it('reports inconsistencies between the files as problems', async () => {
    const broken = memoryFileSource({
      ...base,
      'App/ui/layout-sets.json': JSON.stringify({
        sets: [
          { id: 'form', dataType: 'nope', tasks: ['Task_1', 'Task_9'] },
          { id: 'again', dataType: 'model', tasks: ['Task_1'] },
          { dataType: 'model' },
        ],
      }),
      'App/ui/form/Settings.json': '{"pages": {"order": ["Gone", "Side1"]}}',
      'App/ui/form/layouts/Side1.json': '{"data": {}}',
      'App/ui/orphan/layouts/X.json': page,
      'App/config/texts/resource.nn.json': texts('nb'),
    });
    const { problems, layoutSets } = await readAppOverview(broken);
    expect(layoutSets.map((s) => s.id)).toEqual(['form', 'again']);
    const found = problems.map((p) => `${p.severity} ${p.code} ${p.file}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'error file-shape App/ui/layout-sets.json',
        'error data-type-missing App/ui/layout-sets.json',
        'error task-missing App/ui/layout-sets.json',
        'error task-in-several-sets App/ui/layout-sets.json',
        'error layout-set-folder-missing App/ui/layout-sets.json',
        'error page-missing App/ui/form/Settings.json',
        'error file-shape App/ui/form/layouts/Side1.json',
        'warning text-language-mismatch App/config/texts/resource.nn.json',
      ]),
    );
    expect(problems.find((p) => p.code === 'page-missing')?.message).toBe('No page "Gone" in layout set "form": add layouts/Gone.json or remove it from pages.order');
  });
});

describe('readAppOverview — v9 folders and legacy apps', () => {
  it('reads v9 UI folders: folder name = task id, data type from Settings.json', async () => {
    const overview = await readAppOverview(
      memoryFileSource({
        ...base,
        'App/ui/Settings.json': '{"taskNavigation": []}',
        'App/ui/Task_1/Settings.json': '{"defaultDataType": "model", "pages": {"order": ["Side1"]}}',
        'App/ui/Task_1/layouts/Side1.json': page,
        'App/ui/subform/Settings.json': '{"defaultDataType": "model", "type": "subform"}',
        'App/ui/subform/layouts/Row.json': page,
      }),
    );
    expect(overview.layoutSets).toEqual([
      { id: 'subform', folder: 'App/ui/subform', dataType: 'model', tasks: [], pages: ['Row'], kind: 'v9-folder', type: 'subform' },
      { id: 'Task_1', folder: 'App/ui/Task_1', dataType: 'model', tasks: ['Task_1'], pages: ['Side1'], kind: 'v9-folder', type: null },
    ]);
    expect(overview.problems).toEqual([]);
  });

  it('reads a frontend v3 app with App/ui/layouts and its Settings.json order', async () => {
    const overview = await readAppOverview(
      memoryFileSource({
        ...base,
        'App/ui/Settings.json': '{"pages": {"order": ["b", "a"]}}',
        'App/ui/layouts/a.json': page,
        'App/ui/layouts/b.json': page,
      }),
    );
    expect(overview.layoutSets).toEqual([
      { id: 'layouts', folder: 'App/ui', dataType: 'model', tasks: ['Task_1'], pages: ['b', 'a'], kind: 'legacy', type: null },
    ]);
  });

  it('reads the oldest single-file FormLayout.json', async () => {
    const overview = await readAppOverview(memoryFileSource({ ...base, 'App/ui/FormLayout.json': page }));
    expect(overview.layoutSets).toEqual([
      { id: 'FormLayout', folder: 'App/ui', dataType: 'model', tasks: ['Task_1'], pages: ['FormLayout'], kind: 'legacy', type: null },
    ]);
  });
});

describe('readAppOverview — broken apps never crash it', () => {
  it('turns malformed files into problems with their position', async () => {
    const overview = await readAppOverview(
      memoryFileSource({
        'App/config/applicationmetadata.json': '{"id": "ttd/x", "org": "ttd",\n  "title": {"nb": "X"\n',
        'App/config/process/process.bpmn': '<bpmn:definitions><bpmn:process><bpmn:task id="Task_1">',
        'App/config/texts/resource.nb.json': '[1, 2',
        'App/ui/layout-sets.json': 'not json',
      }),
    );
    expect(overview.org).toBe('ttd');
    expect(overview.appId).toBe('ttd/x');
    expect(overview.languages).toEqual(['nb']);
    expect(overview.layoutSets).toEqual([]);
    const byFile = (file: string) => overview.problems.filter((p) => p.file === file).map((p) => p.message);
    expect(byFile('App/config/applicationmetadata.json')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Invalid JSON at line 3, column 1: /), 'The app has no "dataTypes" list']),
    );
    expect(byFile('App/config/process/process.bpmn')).toEqual(expect.arrayContaining([expect.stringMatching(/<bpmn:process> is not closed/)]));
    expect(byFile('App/config/texts/resource.nb.json')).toEqual(expect.arrayContaining(['The file has no "resources" list']));
    expect(byFile('App/ui/layout-sets.json')[0]).toMatch(/^Invalid JSON at line 1, column 1/);
  });

  it('reports an empty folder and files that cannot be read', async () => {
    const failing: FileSource = {
      files: [
        { path: 'App/config/applicationmetadata.json', kind: 'file' },
        { path: 'App/config/process/process.bpmn', kind: 'file' },
      ],
      read: async (path) => {
        throw new Error(`permission denied: ${path}`);
      },
    };
    const overview = await readAppOverview(failing);
    expect(overview.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'The file could not be read: permission denied: App/config/applicationmetadata.json',
        'The file could not be read: permission denied: App/config/process/process.bpmn',
        'The app has no text files (App/config/texts/resource.<language>.json); add one for nb',
      ]),
    );
    const empty = await readAppOverview(memoryFileSource({}));
    expect(empty.problems.map((p) => p.file)).toEqual(
      expect.arrayContaining(['App/config/applicationmetadata.json', 'App/config/process/process.bpmn']),
    );
  });
});

describe('helpers', () => {
  it('groups model files by data type id', () => {
    expect(modelIdOfFile('model.schema.json')).toBe('model');
    expect(modelIdOfFile('model.prefill.json')).toBe('model');
    expect(modelIdOfFile('my.model.xsd')).toBe('my.model');
    expect(modelIdOfFile('README.md')).toBeNull();
  });

  it('orders languages nb, nn, en first', () => {
    expect(sortLanguages(['se', 'en', 'de', 'nb', 'nn'])).toEqual(['nb', 'nn', 'en', 'de', 'se']);
  });
});
