// Every real Altinn app in ../shared/fixtures/apps: loads without problems, with the figures the files
// say (computed here independently from directory listings and JSON.parse), and writes back byte for byte.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse as parseJsonc } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../api/types';
import { type FileSource, memoryFileSource } from '../fileSource';
import { changedFiles, editFiles } from './appEdits';
import { isTextFile } from './appFiles';
import { loadAppModel } from './loadAppModel';
import { fixtureAppNames } from '../../testing/fixtureApps';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const appsDir = path.resolve(repoRoot, '../shared/fixtures/apps');
const apps = fixtureAppNames();

/** Relative paths of every file under `dir`. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, rel) : [rel];
  });
}

function diskSource(dir: string): FileSource {
  const files: FileEntry[] = listFiles(dir).map((p) => ({ path: p, kind: 'file' }));
  return { files, read: async (rel) => readFileSync(path.join(dir, rel), 'utf8') };
}

// jsonc-parser's plain `parse`, not the studio's reader: real files have trailing commas (§1.7).
const readJson = (file: string): any => parseJsonc(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), [], { allowTrailingComma: true });
const jsonIn = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.json')) : []);

describe.skipIf(apps.length === 0)('loadAppModel over every fixture app', () => {
  for (const app of apps) {
    const dir = path.join(appsDir, app);
    const ui = path.join(dir, 'App/ui');

    it(`${app}: loads with zero problems and the right folders, pages and components`, async () => {
      const model = await loadAppModel(diskSource(dir));
      expect(model.problems).toEqual([]);
      const sets: { id: string }[] = readJson(path.join(ui, 'layout-sets.json')).sets;
      expect(model.uiFolders.map((f) => f.id)).toEqual(sets.map((s) => s.id));
      for (const set of sets) {
        const folder = model.uiFolders.find((f) => f.id === set.id)!;
        const pageFiles = jsonIn(path.join(ui, set.id, 'layouts'));
        expect(folder.pages.map((p) => `${p.name}.json`).sort()).toEqual([...pageFiles].sort());
        for (const page of folder.pages) {
          const layout: unknown[] = readJson(path.join(ui, set.id, 'layouts', `${page.name}.json`)).data.layout;
          expect(page.components).toHaveLength(layout.length);
          expect(page.components.map((c) => c.props)).toEqual(layout);
        }
      }
    });

    it(`${app}: the right texts, data models and code lists`, async () => {
      const model = await loadAppModel(diskSource(dir));
      const textsDir = path.join(dir, 'App/config/texts');
      const languages = readdirSync(textsDir).flatMap((f) => /^resource\.(.+)\.json$/.exec(f)?.[1] ?? []);
      expect(model.textFiles.map((t) => t.language).sort()).toEqual(languages.sort());
      for (const textFile of model.textFiles) {
        const { resources } = readJson(path.join(textsDir, `resource.${textFile.language}.json`));
        expect(textFile.resources.map((r) => [r.id, r.value])).toEqual(resources.map((r: { id: string; value: string }) => [r.id, r.value]));
      }
      const modelFiles = readdirSync(path.join(dir, 'App/models'));
      const ids = new Set(modelFiles.map((f) => f.replace(/\.(schema\.json|metadata\.json|prefill\.json|validation\.json|calculation\.json|xsd|cs|json)$/i, '')));
      expect(model.models.map((m) => m.id).sort()).toEqual([...ids].sort());
      for (const m of model.models) {
        expect(m.schema?.path ?? null).toBe(modelFiles.includes(`${m.id}.schema.json`) ? `App/models/${m.id}.schema.json` : null);
        expect(m.xsd?.path ?? null).toBe(modelFiles.includes(`${m.id}.xsd`) ? `App/models/${m.id}.xsd` : null);
      }
      expect(model.options.map((o) => `${o.id}.json`).sort()).toEqual(jsonIn(path.join(dir, 'App/options')).sort());
      expect(model.process?.path).toBe('App/config/process/process.bpmn');
      expect(model.policy?.path).toBe('App/config/authorization/policy.xml');
      expect(model.metadata?.doc.value).toEqual(readJson(path.join(dir, 'App/config/applicationmetadata.json')));
    });

    it(`${app}: saving an unedited model writes nothing, and every text is the file's exact bytes`, async () => {
      const model = await loadAppModel(diskSource(dir));
      expect(changedFiles(model, model)).toEqual([]);
      const same = editFiles(model, new Map(model.texts));
      expect(same).toBe(model);
      const onDisk = listFiles(dir).filter(isTextFile);
      expect([...model.texts.keys()].sort()).toEqual(onDisk.sort());
      for (const [rel, text] of model.texts) expect(Buffer.from(text, 'utf8').equals(readFileSync(path.join(dir, rel)))).toBe(true);
    });

    it(`${app}: any file truncated at any offset still loads`, async () => {
      const model = await loadAppModel(diskSource(dir));
      const parsed = [...model.jsonFiles.keys(), ...model.xmlFiles.keys()];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...parsed), fc.double({ min: 0, max: 1, noNaN: true }), async (file, at) => {
          const text = model.texts.get(file)!;
          const cut = text.slice(0, Math.floor(at * text.length));
          const broken = await loadAppModel(memoryFileSource({ ...Object.fromEntries(model.texts), [file]: cut }));
          if (cut.trim() !== text.trim()) expect(broken.problems.some((p) => p.file === file && p.code.endsWith('-syntax'))).toBe(true);
        }),
        { numRuns: 40 },
      );
    });
  }
});
