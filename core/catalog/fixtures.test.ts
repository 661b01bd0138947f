// The generated schemas against every real Altinn app in ../shared/fixtures/apps: each file the
// apps ship must be accepted, and every component type and container child they use must be known.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import {
  applicationMetadataSchema,
  childReferencesOf,
  findComponentType,
  footerSchema,
  layoutSchema,
  layoutSetsSchema,
  layoutSettingsSchema,
  optionsSchema,
  slotAccepts,
  textResourcesSchema,
  type JsonSchema,
} from './index';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const appsDir = path.resolve(repoRoot, '../shared/fixtures/apps');

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(abs, out);
    else out.push(abs);
  }
  return out;
}

const allFiles = existsSync(appsDir) ? walk(appsDir).map((f) => path.relative(appsDir, f).split(path.sep).join('/')) : [];
const matching = (re: RegExp) => allFiles.filter((f) => re.test(f));

function readJsonc(rel: string): unknown {
  const raw = readFileSync(path.join(appsDir, rel), 'utf8');
  const errors: ParseError[] = [];
  const value: unknown = parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw, errors, { allowTrailingComma: true });
  expect(errors, `${rel} parses`).toEqual([]);
  return value;
}

function compile(schema: JsonSchema): ValidateFunction {
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

function expectValid(validate: ValidateFunction, rel: string): void {
  const ok = validate(readJsonc(rel));
  const problems = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  expect(ok ? [] : problems, rel).toEqual([]);
}

const layoutFiles = matching(/\/App\/ui\/(.+\/)?layouts\/[^/]+\.json$/);

interface RawComponent {
  id: string;
  type: string;
  [key: string]: unknown;
}
const pages = layoutFiles.map((file) => ({
  file,
  components: ((readJsonc(file) as { data: { layout: RawComponent[] } }).data.layout ?? []) as RawComponent[],
}));

describe.skipIf(!existsSync(appsDir))('generated schemas accept the fixture apps', () => {
  const layout = compile(layoutSchema());

  it('finds the fixture files', () => {
    expect(layoutFiles.length).toBeGreaterThan(50);
  });

  it.each(layoutFiles)('layout %s', (file) => expectValid(layout, file));

  const cases: [string, () => JsonSchema, RegExp][] = [
    ['Settings.json', layoutSettingsSchema, /\/App\/ui\/[^/]+\/Settings\.json$/],
    ['layout-sets.json', layoutSetsSchema, /\/App\/ui\/layout-sets\.json$/],
    ['text resources', textResourcesSchema, /\/App\/config\/texts\/resource\.[^/]+\.json$/],
    ['applicationmetadata.json', applicationMetadataSchema, /\/App\/config\/applicationmetadata\.json$/],
    ['options', optionsSchema, /\/App\/options\/[^/]+\.json$/],
    ['footer.json', footerSchema, /\/App\/ui\/footer\.json$/],
  ];
  for (const [name, schema, pattern] of cases) {
    describe(name, () => {
      const files = matching(pattern);
      const validate = compile(schema());
      it('has fixture files', () => expect(files.length).toBeGreaterThan(0));
      it.each(files)('%s', (file) => expectValid(validate, file));
    });
  }
});

describe.skipIf(!existsSync(appsDir))('the catalogue knows what the fixture apps use', () => {
  it('knows every component type', () => {
    const unknown = pages.flatMap(({ file, components }) =>
      components.filter((c) => findComponentType(c.type) === undefined).map((c) => `${file}: ${c.type}`),
    );
    expect(unknown).toEqual([]);
  });

  it('normalises the lower-case Radiobuttons of expression-validation-test', () => {
    const written = pages.flatMap((p) => p.components.map((c) => c.type)).filter((t) => t === 'Radiobuttons');
    expect(written.length).toBeGreaterThan(0);
    expect(findComponentType('Radiobuttons')).toBe('RadioButtons');
  });

  it('accepts every container child the fixtures place, by capability', () => {
    const refused: string[] = [];
    let checked = 0;
    for (const { file, components } of pages) {
      const byId = new Map(components.map((c) => [c.id, c]));
      for (const parent of components) {
        for (const ref of childReferencesOf(parent)) {
          const child = byId.get(ref.id);
          const childType = child ? findComponentType(child.type) : undefined;
          if (!childType) continue;
          checked++;
          if (!slotAccepts(ref.slot, childType)) refused.push(`${file}: ${parent.id} (${ref.slot.path}) ← ${ref.id} (${childType})`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(refused).toEqual([]);
  });
});
