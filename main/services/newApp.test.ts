import fs, { existsSync, promises as fsp, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { StudioError } from '../../core/api';
import { createNewApp } from './newApp';
import { studioRoot } from './studioRoot';

// Lets a test make the n-th atomic write fail, to prove a failed creation leaves nothing behind.
const failure = vi.hoisted(() => ({ writesLeft: Number.POSITIVE_INFINITY }));
vi.mock('../../runtime/server/atomicWrite', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../runtime/server/atomicWrite')>();
  return {
    writeFileAtomic: async (target: string, content: string | Uint8Array) => {
      if (failure.writesLeft-- <= 0) throw new Error('simulated disk full');
      return real.writeFileAtomic(target, content);
    },
  };
});

const EXPECTED_FILES = `.gitignore README.md App/appsettings.json App/config/applicationmetadata.json
  App/config/authorization/policy.xml App/config/process/process.bpmn App/config/texts/resource.en.json
  App/config/texts/resource.nb.json App/config/texts/resource.nn.json App/models/model.schema.json App/models/model.xsd
  App/ui/form/Settings.json App/ui/form/layouts/Side1.json App/ui/layout-sets.json`.split(/\s+/);
const LANGUAGES = ['nb', 'nn', 'en'];

let scratch: string;
let counter = 0;
beforeAll(async () => void (scratch = await fsp.mkdtemp(path.join(os.tmpdir(), 'studio-new-app-'))));
afterAll(() => fsp.rm(scratch, { recursive: true, force: true }));
// A folder whose parent does not exist yet, so tests also cover creating parents.
const freshDir = () => path.join(scratch, `case-${++counter}`, 'app');

// Tests read arbitrary app JSON and index into it freely.
type Json = any;

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(raw: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`bare & in ${JSON.stringify(raw)}`);
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_m, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? ''),
  );
}

/** A small well-formedness parser: balanced tags, one root, quoted attributes, valid entities. */
function parseXml(source: string): XmlElement {
  const tokens = source.replace(/^\uFEFF/, '').match(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![^>]*>|<[^>]*>|[^<]+|</g) ?? [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (const token of tokens) {
    if (/^<(!--|\?|!DOCTYPE)/.test(token)) continue;
    const top = stack[stack.length - 1];
    if (token.startsWith('<![CDATA[')) {
      if (!top) throw new Error('CDATA outside the root element');
      top.text += token.slice(9, -3);
    } else if (token.startsWith('</')) {
      const name = /^<\/([\w.:-]+)\s*>$/.exec(token)?.[1];
      if (!name || stack.pop()?.name !== name) throw new Error(`unbalanced ${token}`);
    } else if (token.startsWith('<')) {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>$/.exec(token);
      if (!m) throw new Error(`malformed tag ${token}`);
      const element: XmlElement = { name: m[1]!, attributes: {}, children: [], text: '' };
      for (const a of (m[2] ?? '').matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1]! in element.attributes) throw new Error(`duplicate attribute ${a[1]}`);
        element.attributes[a[1]!] = decode(a[2] ?? a[3] ?? '');
      }
      if (top) top.children.push(element);
      else if (root) throw new Error('more than one root element');
      else root = element;
      if (!m[3]) stack.push(element);
    } else if (top) {
      top.text += decode(token);
    } else if (token.trim()) {
      throw new Error(`text outside the root element: ${token.trim().slice(0, 20)}`);
    }
  }
  if (!root || stack.length) throw new Error('unclosed or missing root element');
  return root;
}

function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

/**
 * The structural facts every real Altinn v8 app holds (checked against the fixtures below), as a list
 * of what is missing; an empty list means the app has the shape.
 */
function altinnShapeProblems(appDir: string): string[] {
  const problems: string[] = [];
  const at = (...parts: string[]) => path.join(appDir, 'App', ...parts);
  const meta = readJson(at('config', 'applicationmetadata.json'));
  for (const key of ['id', 'org', 'title', 'dataTypes', 'partyTypesAllowed']) {
    if (!(key in meta)) problems.push(`applicationmetadata has no ${key}`);
  }
  if (typeof meta.id !== 'string' || !/^[^/]+\/[^/]+$/.test(meta.id) || !meta.id.startsWith(`${meta.org}/`)) problems.push('id is not org/app');
  if (!Object.values(meta.title ?? {}).every((v) => typeof v === 'string')) problems.push('title is not {lang: text}');
  if (!Object.values(meta.partyTypesAllowed ?? {}).every((v) => typeof v === 'boolean')) problems.push('partyTypesAllowed not booleans');
  const dataTypeIds = new Set<string>((meta.dataTypes ?? []).map((d: Json) => d.id));

  const sets: Json[] = readJson(at('ui', 'layout-sets.json')).sets ?? [];
  if (sets.length === 0) problems.push('layout-sets.json has no sets');
  for (const set of sets) {
    if (typeof set.id !== 'string' || typeof set.dataType !== 'string') problems.push('a layout set lacks id/dataType');
    if (!dataTypeIds.has(set.dataType)) problems.push(`set ${set.id} uses unknown data type ${set.dataType}`);
    if (!existsSync(at('ui', set.id, 'Settings.json'))) problems.push(`set ${set.id} has no Settings.json`);
    const layouts = at('ui', set.id, 'layouts');
    if (!existsSync(layouts) || !statSync(layouts).isDirectory()) problems.push(`set ${set.id} has no layouts/`);
  }

  const textFiles = readdirSync(at('config', 'texts')).filter((f) => /^resource\.\w+\.json$/.test(f));
  if (textFiles.length === 0) problems.push('no text resource files');
  for (const file of textFiles) {
    const texts = readJson(at('config', 'texts', file));
    if (texts.language !== file.split('.')[1]) problems.push(`${file} has language ${texts.language}`);
    const ok = Array.isArray(texts.resources) && texts.resources.every((r: Json) => typeof r.id === 'string' && typeof r.value === 'string');
    if (!ok) problems.push(`${file} resources are not [{id, value}]`);
  }

  const bpmn = parseXml(readFileSync(at('config', 'process', 'process.bpmn'), 'utf8'));
  if (bpmn.name !== 'bpmn:definitions') problems.push(`BPMN root is ${bpmn.name}`);
  const processes = bpmn.children.filter((c) => c.name === 'bpmn:process');
  if (processes.length !== 1) problems.push(`BPMN has ${processes.length} processes`);
  const nodes = processes[0]?.children ?? [];
  for (const kind of ['bpmn:startEvent', 'bpmn:endEvent']) {
    if (!nodes.some((n) => n.name === kind)) problems.push(`BPMN process has no ${kind}`);
  }
  for (const task of nodes.filter((n) => n.name === 'bpmn:task')) {
    if (!descendants(task).some((d) => d.name === 'altinn:taskType' && d.text.trim())) problems.push(`task ${task.attributes.id} has no altinn:taskType`);
  }
  if (!nodes.some((n) => n.name === 'bpmn:task')) problems.push('BPMN process has no task');
  const policy = parseXml(readFileSync(at('config', 'authorization', 'policy.xml'), 'utf8'));
  if (policy.name !== 'xacml:Policy' || !policy.children.some((c) => c.name === 'xacml:Rule')) problems.push('policy.xml is not an xacml:Policy with rules');
  return problems;
}

function bindingTexts(layout: Json): string[] {
  return (layout.data.layout as Json[]).flatMap((c) => Object.values(c.textResourceBindings ?? {}) as string[]);
}

describe('createNewApp', () => {
  let dir: string;
  beforeAll(async () => {
    dir = freshDir();
    await createNewApp({ dir, org: 'ttd', name: 'my-app', title: 'Min app' });
  });

  it('writes every template file and fills every placeholder', async () => {
    for (const file of EXPECTED_FILES) expect(existsSync(path.join(dir, file)), file).toBe(true);
    for (const file of EXPECTED_FILES) expect(readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(/\{\{/);
    for (const file of EXPECTED_FILES.filter((f) => f.endsWith('.json'))) expect(() => readJson(path.join(dir, file)), file).not.toThrow();
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^bin\/$/m);
  });

  it('describes the app in applicationmetadata.json', () => {
    const meta = readJson(path.join(dir, 'App/config/applicationmetadata.json'));
    expect(meta).toMatchObject({ id: 'ttd/my-app', org: 'ttd', title: { nb: 'Min app', nn: 'Min app', en: 'Min app' } });
    expect(meta.$schema).toMatch(/^https:\/\/altinncdn\.no\/.*application-metadata\.schema\.v1\.json$/);
    expect(meta.dataTypes).toContainEqual(expect.objectContaining({ id: 'ref-data-as-pdf', allowedContentTypes: ['application/pdf'], minCount: 0, maxCount: 0 }));
    expect(meta.dataTypes).toContainEqual(
      expect.objectContaining({
        id: 'model', allowedContentTypes: ['application/xml'], taskId: 'Task_1', minCount: 1, maxCount: 1,
        appLogic: expect.objectContaining({ autoCreate: true, classRef: 'Altinn.App.Models.model.model' }),
      }),
    );
    expect(Object.values(meta.partyTypesAllowed)).toEqual([false, false, false, false]);
  });

  it('ties layout set, data type, task and pages together', () => {
    const meta = readJson(path.join(dir, 'App/config/applicationmetadata.json'));
    const [set, ...others] = readJson(path.join(dir, 'App/ui/layout-sets.json')).sets;
    expect(others).toEqual([]);
    expect(set).toEqual({ id: 'form', dataType: 'model', tasks: ['Task_1'] });
    expect(meta.dataTypes.map((d: Json) => d.id)).toContain(set.dataType);

    const bpmn = parseXml(readFileSync(path.join(dir, 'App/config/process/process.bpmn'), 'utf8'));
    const task = descendants(bpmn).find((e) => e.name === 'bpmn:task' && e.attributes.id === set.tasks[0]);
    expect(task && descendants(task).find((e) => e.name === 'altinn:taskType')?.text).toBe('data');
    expect(task && descendants(task).filter((e) => e.name === 'altinn:action').map((e) => e.text)).toEqual(['write']);

    const order: string[] = readJson(path.join(dir, 'App/ui/form/Settings.json')).pages.order;
    expect(order.length).toBeGreaterThan(0);
    for (const page of order) expect(existsSync(path.join(dir, 'App/ui/form/layouts', `${page}.json`)), page).toBe(true);
  });

  it('draws every process element in the BPMN diagram', () => {
    const bpmn = parseXml(readFileSync(path.join(dir, 'App/config/process/process.bpmn'), 'utf8'));
    const process = bpmn.children.find((c) => c.name === 'bpmn:process')!;
    const drawn = new Set(descendants(bpmn).filter((e) => /^bpmndi:BPMN(Shape|Edge)$/.test(e.name)).map((e) => e.attributes.bpmnElement));
    expect(process.children.map((c) => c.attributes.id).filter((id) => !drawn.has(id))).toEqual([]);
    const plane = descendants(bpmn).find((e) => e.name === 'bpmndi:BPMNPlane');
    expect(plane?.attributes.bpmnElement).toBe(process.attributes.id);
  });

  it('has every text the first page uses in nb, nn and en, and binds to a model field', () => {
    const layout = readJson(path.join(dir, 'App/ui/form/layouts/Side1.json'));
    const keys = bindingTexts(layout);
    expect(layout.data.layout.map((c: Json) => c.type)).toEqual(expect.arrayContaining(['Header', 'Input', 'Button']));
    for (const language of LANGUAGES) {
      const texts = readJson(path.join(dir, `App/config/texts/resource.${language}.json`));
      expect(texts.language).toBe(language);
      const ids = texts.resources.map((r: Json) => r.id);
      expect(ids, language).toEqual(expect.arrayContaining(['appName', ...keys]));
    }
    const schema = readJson(path.join(dir, 'App/models/model.schema.json'));
    const xsd = parseXml(readFileSync(path.join(dir, 'App/models/model.xsd'), 'utf8'));
    const xsdFields = descendants(xsd).filter((e) => e.name === 'xsd:element').map((e) => e.attributes.name);
    expect(xsdFields[0]).toBe('model');
    expect(xsdFields.slice(1)).toEqual(Object.keys(schema.properties));
    for (const c of layout.data.layout as Json[]) {
      for (const binding of Object.values(c.dataModelBindings ?? {}) as string[]) expect(schema.properties).toHaveProperty(binding);
    }
  });

  it('writes a policy in Altinn style with the platform placeholders', () => {
    const policy = parseXml(readFileSync(path.join(dir, 'App/config/authorization/policy.xml'), 'utf8'));
    expect(policy.name).toBe('xacml:Policy');
    const rules = policy.children.filter((c) => c.name === 'xacml:Rule');
    const values = (rule: XmlElement) => descendants(rule).filter((e) => e.name === 'xacml:AttributeValue').map((e) => e.text);
    const grants = (role: string, where: string | null, action: string) =>
      rules.some((r) => values(r).includes(role) && values(r).includes(action) && (where === null || values(r).includes(where)));
    expect(rules.every((r) => values(r).includes('[ORG]') && values(r).includes('[APP]'))).toBe(true);
    for (const role of ['regna', 'dagl']) {
      expect(grants(role, null, 'instantiate') && grants(role, 'Task_1', 'write') && grants(role, 'EndEvent_1', 'read') && grants(role, null, 'delete')).toBe(true);
    }
    expect(grants('[org]', null, 'write')).toBe(true);
  });

  it('has the same shape as a real Altinn app', () => {
    expect(altinnShapeProblems(dir)).toEqual([]);
  });

  it('has checks that notice a broken app', async () => {
    const broken = freshDir();
    await fsp.cp(dir, broken, { recursive: true });
    const metaFile = path.join(broken, 'App/config/applicationmetadata.json');
    const { partyTypesAllowed: _dropped, ...meta } = readJson(metaFile);
    await fsp.writeFile(metaFile, JSON.stringify(meta));
    await fsp.writeFile(path.join(broken, 'App/config/texts/resource.nn.json'), JSON.stringify({ language: 'nb', resources: [{ id: 'x' }] }));
    const bpmnFile = path.join(broken, 'App/config/process/process.bpmn');
    await fsp.writeFile(bpmnFile, readFileSync(bpmnFile, 'utf8').replace(/<altinn:taskType>data<\/altinn:taskType>/, ''));
    await fsp.rm(path.join(broken, 'App/ui/form/Settings.json'));
    expect(altinnShapeProblems(broken)).toEqual([
      'applicationmetadata has no partyTypesAllowed',
      'set form has no Settings.json',
      'resource.nn.json has language nb',
      'resource.nn.json resources are not [{id, value}]',
      'task Task_1 has no altinn:taskType',
    ]);
    for (const bad of ['<a><b></a>', '<a>x & y</a>', '<a/><b/>', '<a x=1/>', '<a>1 < 2</a>', '<a>']) expect(() => parseXml(bad), bad).toThrow();
  });

  it('commits every file once on main with a clean working tree', async () => {
    const log = await git.log({ fs, dir });
    expect(log).toHaveLength(1);
    expect(log[0]!.commit.message.trim()).toBe('Create app ttd/my-app');
    expect(log[0]!.commit.author).toMatchObject({ name: 'Studio Desktop', email: 'studio-desktop@localhost' });
    expect(await git.currentBranch({ fs, dir })).toBe('main');
    const matrix = await git.statusMatrix({ fs, dir });
    expect(matrix.map(([file]) => file).sort()).toEqual([...EXPECTED_FILES].sort());
    expect(matrix.filter(([, head, work, stage]) => head !== 1 || work !== 1 || stage !== 1)).toEqual([]);
  });

  it('uses the given author and accepts an existing empty folder', async () => {
    const target = freshDir();
    await fsp.mkdir(target, { recursive: true });
    await createNewApp({ dir: target, org: 'acme', name: 'skjema', title: 'Skjema' }, { author: { name: 'Kari', email: 'kari@example.org' } });
    const [entry] = await git.log({ fs, dir: target });
    expect(entry?.commit.author).toMatchObject({ name: 'Kari', email: 'kari@example.org' });
  });

  it('keeps a title with quotes, ampersands and brackets exact and the files valid', async () => {
    const target = freshDir();
    const title = `Søknad "A&B" <ny> \\ {{app}}`;
    await createNewApp({ dir: target, org: 'ttd', name: 'tricky', title: `  ${title}  ` });
    expect(readJson(path.join(target, 'App/config/applicationmetadata.json')).title).toEqual({ nb: title, nn: title, en: title });
    for (const language of LANGUAGES) {
      const texts = readJson(path.join(target, `App/config/texts/resource.${language}.json`));
      expect(texts.resources.find((r: Json) => r.id === 'appName')?.value).toBe(title);
    }
    for (const file of EXPECTED_FILES.filter((f) => /\.(xml|bpmn|xsd)$/.test(f))) expect(() => parseXml(readFileSync(path.join(target, file), 'utf8'))).not.toThrow();
    expect(readFileSync(path.join(target, 'README.md'), 'utf8')).toContain(title);
  });

  it.each([
    ['bad org', { org: 'TTD', name: 'my-app', title: 'T' }],
    ['bad name', { org: 'ttd', name: 'My App', title: 'T' }],
    ['trailing hyphen', { org: 'ttd', name: 'my-app-', title: 'T' }],
    ['blank title', { org: 'ttd', name: 'my-app', title: '   ' }],
  ])('refuses a %s and writes nothing', async (_case, fields) => {
    const target = freshDir();
    const error = await createNewApp({ dir: target, ...fields }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).code).toBe('invalid-name');
    expect(existsSync(path.dirname(target))).toBe(false);
  });

  it('refuses a folder with content and leaves it untouched', async () => {
    const target = freshDir();
    await fsp.mkdir(target, { recursive: true });
    await fsp.writeFile(path.join(target, 'notes.txt'), 'mine');
    await expect(createNewApp({ dir: target, org: 'ttd', name: 'my-app', title: 'T' })).rejects.toMatchObject({ code: 'already-exists' });
    expect(readdirSync(target)).toEqual(['notes.txt']);
    expect(readFileSync(path.join(target, 'notes.txt'), 'utf8')).toBe('mine');
    const file = path.join(target, 'notes.txt');
    await expect(createNewApp({ dir: file, org: 'ttd', name: 'my-app', title: 'T' })).rejects.toMatchObject({ code: 'already-exists' });
  });

  it('removes what it made when a write fails midway', async () => {
    const created = freshDir();
    const existing = freshDir();
    await fsp.mkdir(existing, { recursive: true });
    try {
      failure.writesLeft = 4;
      await expect(createNewApp({ dir: created, org: 'ttd', name: 'my-app', title: 'T' })).rejects.toThrow('simulated disk full');
      failure.writesLeft = 4;
      await expect(createNewApp({ dir: existing, org: 'ttd', name: 'my-app', title: 'T' })).rejects.toThrow('simulated disk full');
    } finally {
      failure.writesLeft = Number.POSITIVE_INFINITY;
    }
    expect(existsSync(path.dirname(created))).toBe(false);
    expect(readdirSync(existing)).toEqual([]);
  });
});

// Real apps prove the shape check is realistic: it must hold for each of them before it means anything for ours.
const fixturesDir = path.resolve(studioRoot(), '../shared/fixtures/apps');
describe.skipIf(!existsSync(fixturesDir))('same shape as real Altinn apps', () => {
  const apps = existsSync(fixturesDir)
    ? readdirSync(fixturesDir).filter((name) => existsSync(path.join(fixturesDir, name, 'App/config/applicationmetadata.json')))
    : [];

  it('finds fixture apps', () => {
    expect(apps.length).toBeGreaterThan(0);
  });

  it.each(apps)('%s has the shape', (name) => {
    expect(altinnShapeProblems(path.join(fixturesDir, name))).toEqual([]);
  });

  it('a new app has the same shape', async () => {
    const target = freshDir();
    await createNewApp({ dir: target, org: 'ttd', name: 'shape-check', title: 'Shape' });
    expect(altinnShapeProblems(target)).toEqual([]);
  });
});
