// A suite of mutated apps, one known fault each: `studio check` must find each fault with the right
// code, file and line. The base is the project's own new-app template, which must itself be clean.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAppTemplate } from '../../main/services/newApp';
import { memoryFileSource } from '../app/fileSource';
import { loadAppModel } from '../app/model/loadAppModel';
import { checkApp } from './checkApp';

type Files = Record<string, string>;
const layout = 'App/ui/form/layouts/Side1.json';
const settings = 'App/ui/form/Settings.json';
const sets = 'App/ui/layout-sets.json';
const metadata = 'App/config/applicationmetadata.json';
const bpmn = 'App/config/process/process.bpmn';
const nb = 'App/config/texts/resource.nb.json';

let base: Files;
beforeAll(async () => {
  base = Object.fromEntries((await renderAppTemplate({ org: 'ttd', app: 'mutant', title: 'Mutant' })).map((f) => [f.path, f.content]));
});

function replace(files: Files, file: string, from: string, to: string): void {
  const text = files[file];
  if (text === undefined || !text.includes(from)) throw new Error(`the mutation expects "${from}" in ${file}`);
  files[file] = text.replace(from, to);
}

/** A page with a group and two inputs, for faults between components. */
function addPage(files: Files, name: string, components: string): void {
  files[`App/ui/form/layouts/${name}.json`] = `{\n  "data": {\n    "layout": [\n${components}\n    ]\n  }\n}\n`;
  replace(files, settings, '"order": ["Side1"]', `"order": ["Side1", "${name}"]`);
}

interface Mutation {
  readonly name: string;
  readonly mutate: (files: Files) => void;
  readonly code: string;
  readonly file: string;
  /** Text on the line the diagnostic must point at. */
  readonly marker: string;
  readonly severity?: 'error' | 'warning' | 'info';
  /** The marker's last occurrence, not its first. */
  readonly last?: boolean;
}

const mutations: Mutation[] = [
  { name: 'duplicate component id', mutate: (f) => replace(f, layout, '"id": "start-intro"', '"id": "start-heading"'), code: 'component-id-duplicate', file: layout, marker: '"id": "start-heading"', last: true },
  { name: 'id ending in -<digits>', mutate: (f) => replace(f, layout, '"id": "start-intro"', '"id": "start-intro-2"'), code: 'component-id-row-suffix', file: layout, marker: '"start-intro-2"' },
  { name: 'component without id', mutate: (f) => replace(f, layout, '"id": "start-intro",', '"name": "start-intro",'), code: 'component-id-missing', file: layout, marker: '"type": "Paragraph"' },
  { name: 'truncated layout', mutate: (f) => (f[layout] = f[layout]!.slice(0, f[layout]!.indexOf('"applicant-name"'))), code: 'json-syntax', file: layout, marker: '"id": ', last: true },
  { name: 'page in order without a file', mutate: (f) => replace(f, settings, '"order": ["Side1"]', '"order": ["Side1", "Ghost"]'), code: 'page-missing', file: settings, marker: 'Ghost' },
  { name: 'layout set with unknown data type', mutate: (f) => replace(f, sets, '"dataType": "model"', '"dataType": "nomodel"'), code: 'data-type-missing', file: sets, marker: 'nomodel' },
  { name: 'layout set with unknown task', mutate: (f) => replace(f, sets, '"tasks": ["Task_1"]', '"tasks": ["Task_9"]'), code: 'task-missing', file: sets, marker: 'Task_9' },
  { name: 'data type bound to unknown task', mutate: (f) => replace(f, metadata, '"taskId": "Task_1"', '"taskId": "Task_7"'), code: 'task-missing', file: metadata, marker: 'Task_7' },
  { name: 'stateless start on a missing set', mutate: (f) => replace(f, metadata, '"autoDeleteOnProcessEnd": false\n}', '"autoDeleteOnProcessEnd": false,\n  "onEntry": { "show": "nowhere" }\n}'), code: 'layout-set-missing', file: metadata, marker: 'nowhere' },
  { name: 'unknown expression function', mutate: (f) => replace(f, layout, '"required": true', '"required": ["equal", 1, 1]'), code: 'expr-unknown-function', file: layout, marker: '"equal"' },
  { name: 'expression with wrong argument count', mutate: (f) => replace(f, layout, '"required": true', '"required": ["not", true, false]'), code: 'expr-arity', file: layout, marker: '"not"' },
  { name: 'literal that can never be a number', mutate: (f) => replace(f, layout, '"required": true', '"required": ["greaterThan", "many", 2]'), code: 'expr-literal-type', file: layout, marker: '"many"' },
  { name: 'broken BPMN', mutate: (f) => replace(f, bpmn, '<bpmn:endEvent id="EndEvent_1">', '<bpmn:endEvent id="EndEvent_1"'), code: 'xml-syntax', file: bpmn, marker: '<bpmn:endEvent id="EndEvent_1"' },
  { name: 'text missing in one language', mutate: (f) => replace(f, nb, '{ "id": "start.intro"', '{ "id": "start.intro.nb"'), code: 'text-missing-translation', file: layout, marker: '"title": "start.intro"', severity: 'warning' },
  { name: 'upload without a data type', mutate: (f) => addPage(f, 'Upload', '      { "id": "cv", "type": "FileUpload", "maxNumberOfAttachments": 1, "maxFileSizeInMB": 5, "minNumberOfAttachments": 0, "displayMode": "list" }'), code: 'attachment-data-type-missing', file: 'App/ui/form/layouts/Upload.json', marker: '"id": "cv"', severity: 'warning' },
  {
    name: 'child on another page',
    mutate: (f) => addPage(f, 'Groups', '      { "id": "g", "type": "Group", "children": ["start-intro"] }'),
    code: 'component-child-other-page',
    file: 'App/ui/form/layouts/Groups.json',
    marker: '"children": ["start-intro"]',
  },
  {
    name: 'child with two parents',
    mutate: (f) => addPage(f, 'Groups', '      { "id": "g1", "type": "Group", "children": ["x"] },\n      { "id": "g2", "type": "Group",\n        "children": ["x"] },\n      { "id": "x", "type": "Paragraph" }'),
    code: 'component-child-two-parents',
    file: 'App/ui/form/layouts/Groups.json',
    marker: '"children": ["x"] },\n      { "id": "x"',
  },
  {
    name: 'summary of a missing component',
    mutate: (f) => addPage(f, 'Summary', '      { "id": "sum", "type": "Summary2", "target": { "type": "component", "id": "nobody" } }'),
    code: 'component-ref-missing',
    file: 'App/ui/form/layouts/Summary.json',
    marker: '"nobody"',
  },
  { name: 'task in two layout sets', mutate: (f) => {
      replace(f, sets, '  ],\n  "uiSettings"', '    ,{ "id": "again", "dataType": "model", "tasks": ["Task_1"] }\n  ],\n  "uiSettings"');
      f['App/ui/again/Settings.json'] = '{ "pages": { "order": ["A"] } }\n';
      f['App/ui/again/layouts/A.json'] = '{ "data": { "layout": [] } }\n';
    }, code: 'task-in-several-sets', file: sets, marker: '"sets": [' },
  { name: 'unknown code list', mutate: (f) => addPage(f, 'Choice', '      { "id": "pick", "type": "Dropdown", "optionsId": "colours", "dataModelBindings": { "simpleBinding": "applicantName" } }'), code: 'options-id-unknown', file: 'App/ui/form/layouts/Choice.json', marker: '"colours"', severity: 'warning' },
  { name: 'binding to a field the model lacks', mutate: (f) => replace(f, layout, '"simpleBinding": "applicantName"', '"simpleBinding": "applicantNam"'), code: 'data-path-missing', file: layout, marker: 'applicantNam"', severity: 'warning' },
  { name: 'input without its binding', mutate: (f) => replace(f, layout, '"simpleBinding": "applicantName"', '"other": "applicantName"'), code: 'binding-missing', file: layout, marker: '"id": "applicant-name"' },
  {
    name: 'repeating group bound to a single field',
    mutate: (f) => addPage(f, 'Rows', '      { "id": "rows", "type": "RepeatingGroup", "children": [],\n        "dataModelBindings": { "group": "applicantName" } }'),
    code: 'binding-not-a-list',
    file: 'App/ui/form/layouts/Rows.json',
    marker: '"dataModelBindings": { "group"',
  },
  { name: 'unknown component type', mutate: (f) => replace(f, layout, '"type": "Paragraph"', '"type": "Paragraf"'), code: 'component-type-unknown', file: layout, marker: '"Paragraf"' },
];

async function check(files: Files) {
  return checkApp(await loadAppModel(memoryFileSource(files))).diagnostics;
}

function lineOf(text: string, marker: string, last = false): number {
  const at = last ? text.lastIndexOf(marker) : text.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not found`);
  return text.slice(0, at).split('\n').length;
}

describe('studio check on mutated apps', () => {
  it('finds nothing wrong in the unmutated template app', async () => {
    expect((await check(base)).filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it.each(mutations)('finds "$name" with the right code, file and line', async (m) => {
    const files = { ...base };
    m.mutate(files);
    const found = (await check(files)).filter((d) => d.code === m.code);
    const expectedLine = lineOf(files[m.file]!, m.marker, m.last);
    expect(found.map((d) => `${d.file}:${d.line} ${d.severity}`)).toContain(`${m.file}:${expectedLine} ${m.severity ?? 'error'}`);
  });
});

describe('studio check on hostile files', () => {
  it('never throws on a file cut off anywhere or replaced by garbage, and says which file is broken', async () => {
    const names = Object.keys(base).filter((f) => /\.(json|bpmn|xml|xsd)$/.test(f));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.boolean(), async (file, cut, garbage) => {
        const files = { ...base, [file]: garbage ? '\u0000{[<<"' : base[file]!.slice(0, Math.floor(base[file]!.length * cut)) };
        const diagnostics = await check(files);
        expect(diagnostics.some((d) => d.file === file && d.severity === 'error')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('reports wrong types instead of crashing', async () => {
    const files = { ...base, [layout]: '{ "data": { "layout": [ 5, "x", null, { "id": 7, "type": ["Input"] } ] } }', [sets]: '{ "sets": { "id": "form" } }', [nb]: '{ "language": "nb", "resources": "none" }' };
    const codes = (await check(files)).map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['file-shape']));
  });
});

