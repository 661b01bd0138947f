// Property tests of edits on the real Altinn apps in ../shared/fixtures/apps: random edit sequences
// change only the lines of what they edit, and the files read back to the edited model.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../api/types';
import { type JsonDocument, type JsonPath, locateJson } from '../../text/jsonDocument';
import { lineColumnAt } from '../../text/textPosition';
import { type FileSource, memoryFileSource } from '../fileSource';
import { allComponents, changedFiles, editFiles, setComponentProperty, setPageOrder, setTextValue } from './appEdits';
import { loadAppModel } from './loadAppModel';
import type { AppModel } from './types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const appsDir = path.resolve(repoRoot, '../shared/fixtures/apps');
const apps = existsSync(appsDir) ? readdirSync(appsDir).filter((name) => statSync(path.join(appsDir, name)).isDirectory()) : [];

function diskSource(dir: string): FileSource {
  const list = (prefix: string): string[] =>
    readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(`${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
  const files: FileEntry[] = list('').map((p) => ({ path: p, kind: 'file' }));
  return { files, read: async (rel) => readFileSync(path.join(dir, rel), 'utf8') };
}

/** 1-based first and last line of the values at `paths` in `doc`. */
function lineSpan(doc: JsonDocument, paths: readonly JsonPath[]): { first: number; last: number } {
  const spans = paths.map((p) => {
    const at = locateJson(doc, p)!;
    return { first: lineColumnAt(doc.text, at.offset).line, last: lineColumnAt(doc.text, at.offset + at.length).line };
  });
  return { first: Math.min(...spans.map((s) => s.first)), last: Math.max(...spans.map((s) => s.last)) };
}

/** Expects every line outside `span` (lines of `before`) to be unchanged in `after`. */
function expectChangesWithin(before: string, after: string, span: { first: number; last: number }): void {
  const a = before.split('\n');
  const b = after.split('\n');
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  if (prefix === a.length && prefix === b.length) return;
  expect(prefix + 1).toBeGreaterThanOrEqual(span.first);
  expect(a.length - suffix).toBeLessThanOrEqual(span.last);
}

const getIn = (value: unknown, keys: JsonPath): unknown => keys.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
const viaJson = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

const keys = fc.constantFrom<JsonPath>(
  ['required'], ['readOnly'], ['hidden'], ['pageBreak'], ['x-note'], ['grid'], ['maxLength'], ['textResourceBindings'],
  ['textResourceBindings', 'title'], ['dataModelBindings', 'simpleBinding'], ['grid', 'xs'],
);
// `__proto__` keys are left out: the JSON reader drops them (see the report to the lead).
const values = fc.oneof(fc.jsonValue({ maxDepth: 2 }).filter((v) => !JSON.stringify(v).includes('"__proto__"')), fc.constant(undefined));
const op = fc.oneof(
  fc.record({ kind: fc.constant('prop' as const), pick: fc.nat(), key: keys, value: values }),
  fc.record({ kind: fc.constant('text' as const), pick: fc.nat(), lang: fc.nat(), newId: fc.option(fc.string({ minLength: 1, maxLength: 12 })), value: fc.string({ unit: 'binary', maxLength: 30 }) }),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

interface Expected {
  readonly file: string;
  readonly index: number;
  readonly key: JsonPath;
  readonly value: unknown;
}
const overlaps = (a: JsonPath, b: JsonPath) => a.slice(0, Math.min(a.length, b.length)).every((k, i) => k === b[i]);

/** Applies one random edit, checking that it changes only the edited lines; records what it set. */
async function applyOp(model: AppModel, o: Op, props: Expected[], texts: Map<string, string>): Promise<AppModel> {
  if (o.kind === 'prop') {
    const components = allComponents(model).filter((c) => c.id);
    if (components.length === 0) return model;
    const target = components[o.pick % components.length]!;
    const doc = model.jsonFiles.get(target.file)!.doc;
    const changes = setComponentProperty(model, target, o.key, o.value);
    for (const [file, text] of changes) {
      expect(file).toBe(target.file);
      expectChangesWithin(doc.text, text!, lineSpan(doc, [target.jsonPath]));
    }
    const kept = props.filter((e) => !(e.file === target.file && e.index === target.index && overlaps(e.key, o.key)));
    props.splice(0, props.length, ...kept, { file: target.file, index: target.index, key: o.key, value: viaJson(o.value) });
    return editFiles(model, changes);
  }
  if (model.textFiles.length === 0) return model;
  const textFile = model.textFiles[o.lang % model.textFiles.length]!;
  const existing = textFile.resources[o.pick % Math.max(1, textFile.resources.length)];
  const id = o.newId ?? existing?.id ?? 'generated';
  const doc = textFile.file.doc;
  const matches = textFile.resources.filter((r) => r.id === id);
  const span = lineSpan(doc, matches.length > 0 ? matches.map((r) => ['resources', r.index]) : [['resources']]);
  for (const [file, text] of setTextValue(model, textFile.language, id, o.value)) {
    expect(file).toBe(textFile.file.path);
    expectChangesWithin(doc.text, text!, span);
  }
  texts.set(`${textFile.language}\n${id}`, o.value);
  return editFiles(model, setTextValue(model, textFile.language, id, o.value));
}

/** The app with every JSON file in another style: CRLF line endings, tab indentation and a BOM. */
async function restyled(source: FileSource): Promise<AppModel> {
  const model = await loadAppModel(source);
  const texts = Object.fromEntries(
    [...model.texts].map(([file, text]) => {
      if (!file.endsWith('.json')) return [file, text];
      const tabs = text.replace(/^\uFEFF/, '').replace(/^( {2})+/gm, (indent) => '\t'.repeat(indent.length / 2));
      return [file, `\uFEFF${tabs.replace(/\r?\n/g, '\r\n')}`];
    }),
  );
  return loadAppModel(memoryFileSource(texts));
}

const styles = { 'as written': loadAppModel, 'CRLF, tabs, BOM': restyled };

describe.skipIf(apps.length === 0)('edits on the fixture apps (property tests)', () => {
  for (const [style, load] of Object.entries(styles)) {
    for (const app of apps) {
      const loaded = load(diskSource(path.join(appsDir, app)));

      it(`${app} (${style}): random edit sequences touch only edited lines and read back to the edited model`, async () => {
        const original = await loaded;
        await fc.assert(
          fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
            const props: Expected[] = [];
            const texts = new Map<string, string>();
            let model = original;
            for (const o of ops) model = await applyOp(model, o, props, texts);
            const reloaded = await loadAppModel(memoryFileSource(Object.fromEntries(model.texts)));
            expect(reloaded.problems).toEqual([]);
            const components = allComponents(reloaded);
            for (const e of props) expect(getIn(components.find((c) => c.file === e.file && c.index === e.index)!.props, e.key)).toEqual(e.value);
            for (const [key, value] of texts) {
              const [language, id] = key.split('\n') as [string, string];
              const found = reloaded.textFiles.find((t) => t.language === language)!.resources.filter((r) => r.id === id);
              expect(found.length).toBeGreaterThan(0);
              for (const r of found) expect(r.value).toBe(value);
            }
            if (style !== 'as written') {
              for (const [file, text] of model.texts) if (file.endsWith('.json')) expect(text.startsWith('\uFEFF') && !/[^\r]\n/.test(text)).toBe(true);
            }
            for (const { path: file } of changedFiles(original, model)) expect(props.some((e) => e.file === file) || file.startsWith('App/config/texts/')).toBe(true);
          }),
          { numRuns: 25 },
        );
      });

      it(`${app} (${style}): A → B → A gives back the same bytes (texts, new properties, page order)`, async () => {
        const original = await loaded;
        const canonical = original.textFiles.flatMap((t) =>
          t.resources.filter((r) => {
            const at = locateJson(t.file.doc, ['resources', r.index, 'value']);
            return at && t.file.doc.text.slice(at.offset, at.offset + at.length) === JSON.stringify(r.value);
          }).map((r) => ({ language: t.language, id: r.id, value: r.value })),
        );
        const components = allComponents(original).filter((c) => c.id);
        await fc.assert(
          fc.asyncProperty(fc.nat(), fc.nat(), fc.string({ unit: 'binary' }), fc.jsonValue({ maxDepth: 2 }), async (i, j, text, value) => {
            if (canonical.length > 0) {
              const r = canonical[i % canonical.length]!;
              const b = editFiles(original, setTextValue(original, r.language, r.id, text));
              const a = editFiles(b, setTextValue(b, r.language, r.id, r.value));
              expect(changedFiles(original, a)).toEqual([]);
            }
            const c = components[j % components.length]!;
            const added = editFiles(original, setComponentProperty(original, c, 'x-studio-probe', value));
            const removed = editFiles(added, setComponentProperty(added, c, 'x-studio-probe', undefined));
            expect(changedFiles(original, removed)).toEqual([]);
            const folder = original.uiFolders[i % original.uiFolders.length]!;
            if (folder.settings && folder.pages.length > 1) {
              const names = folder.pages.map((p) => p.name);
              const listed = names.filter((n) => folder.pageOrder.includes(n));
              if (listed.length === folder.pageOrder.length && listed.length === names.length && !folder.settings.doc.text.includes('"groups"')) {
                const reordered = editFiles(original, setPageOrder(original, folder, [...names].reverse()));
                const back = editFiles(reordered, setPageOrder(reordered, folder, folder.pageOrder));
                expect(changedFiles(original, back)).toEqual([]);
              }
            }
          }),
          { numRuns: 30 },
        );
      });
    }
  }
});
