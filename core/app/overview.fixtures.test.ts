// Runs the overview over every real Altinn app in ../shared/fixtures/apps and checks its figures against
// what the files say, computed here independently (directory listings, plain JSON.parse, regex counts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../api/types';
import { type FileSource, memoryFileSource } from './fileSource';
import { readAppOverview } from './overview';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const appsDir = path.resolve(repoRoot, '../shared/fixtures/apps');
const apps = existsSync(appsDir) ? readdirSync(appsDir).filter((name) => statSync(path.join(appsDir, name)).isDirectory()) : [];

function diskSource(dir: string): FileSource {
  const files: FileEntry[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const abs = path.join(folder, entry.name);
      const rel = path.relative(dir, abs).split(path.sep).join('/');
      if (entry.isDirectory()) {
        files.push({ path: rel, kind: 'dir' });
        walk(abs);
      } else files.push({ path: rel, kind: 'file', size: statSync(abs).size });
    }
  };
  walk(dir);
  return { files, read: async (rel) => readFileSync(path.join(dir, rel), 'utf8') };
}

interface Metadata {
  org: string;
  id: string;
  title: Record<string, string>;
  dataTypes: { id: string; appLogic?: unknown }[];
}
interface LayoutSets {
  sets: { id: string; dataType?: string; tasks?: string[] }[];
}
interface Settings {
  pages?: { order?: string[]; groups?: { order: string[] }[] };
}

const readJsonFile = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as T;
const listJson = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.json')) : []);

describe.skipIf(apps.length === 0)('readAppOverview over every fixture app', () => {
  it('finds fixture apps', () => {
    expect(apps.length).toBeGreaterThan(0);
  });

  for (const app of apps) {
    const dir = path.join(appsDir, app);
    const appDir = path.join(dir, 'App');

    it(`${app}: identity, layout sets and pages match the files`, async () => {
      const overview = await readAppOverview(diskSource(dir));
      const meta = readJsonFile<Metadata>(path.join(appDir, 'config/applicationmetadata.json'));
      expect(overview.org).toBe(meta.org);
      expect(overview.appId).toBe(meta.id);
      expect(overview.title).toEqual(meta.title);

      const { sets } = readJsonFile<LayoutSets>(path.join(appDir, 'ui/layout-sets.json'));
      expect(overview.layoutSets.map((s) => s.id)).toEqual(sets.map((s) => s.id));
      for (const set of sets) {
        const found = overview.layoutSets.find((s) => s.id === set.id)!;
        expect(found.kind).toBe('v8-set');
        expect(found.dataType).toBe(set.dataType ?? null);
        expect(found.tasks).toEqual(set.tasks ?? []);
        const pageFiles = listJson(path.join(appDir, 'ui', set.id, 'layouts')).map((f) => f.slice(0, -5));
        expect(found.pages).toHaveLength(pageFiles.length);
        expect([...found.pages].sort()).toEqual([...pageFiles].sort());
        const settings = readJsonFile<Settings>(path.join(appDir, 'ui', set.id, 'Settings.json'));
        const order = settings.pages?.order ?? settings.pages?.groups?.flatMap((g) => g.order) ?? [];
        const listed = order.filter((p) => pageFiles.includes(p));
        expect(found.pages.slice(0, listed.length)).toEqual(listed);
      }
    });

    it(`${app}: languages, data models and process tasks match the files`, async () => {
      const overview = await readAppOverview(diskSource(dir));
      const langs = readdirSync(path.join(appDir, 'config/texts'))
        .map((f) => /^resource\.(.+)\.json$/.exec(f)?.[1])
        .filter((l): l is string => !!l);
      expect([...overview.languages].sort()).toEqual(langs.sort());

      const bpmn = readFileSync(path.join(appDir, 'config/process/process.bpmn'), 'utf8');
      const typeCount = (bpmn.match(/<(\w+:)?taskType>/g) ?? []).length;
      const taskIds = [...bpmn.matchAll(/<(?:\w+:)?(?:task|serviceTask)\s[^>]*?\bid="([^"]+)"/g)].map((m) => m[1]);
      expect(overview.processTasks.filter((t) => t.taskType !== null)).toHaveLength(typeCount);
      expect(overview.processTasks.map((t) => t.id)).toEqual(taskIds);

      const meta = readJsonFile<Metadata>(path.join(appDir, 'config/applicationmetadata.json'));
      const formIds = meta.dataTypes.filter((t) => t.appLogic).map((t) => t.id);
      expect(overview.dataModels.filter((m) => m.isFormModel).map((m) => m.id).sort()).toEqual([...formIds].sort());
      const modelFiles = readdirSync(path.join(appDir, 'models')).map((f) => `App/models/${f}`);
      const claimed = overview.dataModels.flatMap((m) => m.files);
      expect([...claimed].sort()).toEqual(modelFiles.sort());
      for (const model of overview.dataModels) for (const file of model.files) expect(path.basename(file).startsWith(`${model.id}.`)).toBe(true);

      expect(overview.problems.filter((p) => p.severity === 'error')).toEqual([]);
    });

    it(`${app}: reads the same sets after a move to v9 UI folders (folder = task id)`, async () => {
      const source = diskSource(dir);
      const v8 = await readAppOverview(source);
      const contents: Record<string, string> = {};
      const folderOf = new Map(v8.layoutSets.map((s) => [s.id, s.tasks.length === 1 ? s.tasks[0]! : s.id]));
      for (const file of source.files) {
        if (file.kind !== 'file' || file.path === 'App/ui/layout-sets.json') continue;
        const match = /^App\/ui\/([^/]+)\/(.*)$/.exec(file.path);
        const text = await source.read(file.path);
        if (!match || !folderOf.has(match[1]!)) {
          contents[file.path] = text;
          continue;
        }
        const set = v8.layoutSets.find((s) => s.id === match[1])!;
        const target = `App/ui/${folderOf.get(set.id)}/${match[2]}`;
        contents[target] = match[2] === 'Settings.json' ? JSON.stringify({ ...JSON.parse(text.replace(/^\uFEFF/, '')), defaultDataType: set.dataType }) : text;
      }
      const v9 = await readAppOverview(memoryFileSource(contents));
      expect(v9.problems.filter((p) => p.severity === 'error')).toEqual([]);
      for (const set of v8.layoutSets) {
        const moved = v9.layoutSets.find((s) => s.id === folderOf.get(set.id));
        expect(moved).toMatchObject({ kind: 'v9-folder', dataType: set.dataType, tasks: set.tasks, pages: set.pages });
      }
    });
  }
});
