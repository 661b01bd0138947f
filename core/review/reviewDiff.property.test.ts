import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testAppFiles } from '../app/layoutEdits/testApp';
import { loadAppModel } from '../app/model/loadAppModel';
import type { AppModel, LayoutPage } from '../app/model/types';
import { editKeyedList, type Item, keyedEdits } from '../merge/mergeTestEdits';
import { jsonEqual } from '../merge/jsonValue';
import { memoryFileSource } from '../app/fileSource';
import { fixtureAppNames, fixtureAppsDir, folderSource } from '../testing/fixtureApps';
import { isEmptyReview, reviewModels, reviewVersions } from './reviewDiff';

/** The app's text files by path. */
const filesOf = (model: AppModel) => new Map<string, string | null>(model.texts);

/** A page whose component ids are unique in its folder, so ids name one component each. */
function editablePage(model: AppModel): LayoutPage | undefined {
  for (const folder of model.uiFolders) {
    const ids = folder.pages.flatMap((p) => p.components.map((c) => c.id));
    if (new Set(ids).size !== ids.length) continue;
    const page = folder.pages.find((p) => p.components.length >= 2 && Array.isArray((p.file.doc.value as any)?.data?.layout));
    if (page) return page;
  }
  return undefined;
}

/** Random component edits of one page: the review names exactly the added, removed and changed ids, and calls no kept id added or removed. */
function checkGeneratedEdits(model: AppModel, runs: number) {
  const page = editablePage(model);
  if (!page) return;
  const items = page.components.map((c) => c.props as Item);
  const others = new Set(model.uiFolders.flatMap((f) => f.pages.filter((p) => p !== page).flatMap((p) => p.components.map((c) => c.id))));
  fc.assert(
    fc.property(keyedEdits(items, 5), (edits) => {
      const edited = editKeyedList(items, edits).filter((item) => !others.has(item.id) || items.some((i) => i.id === item.id));
      const value = { ...(page.file.doc.value as object), data: { ...(page.file.doc.value as any).data, layout: edited } };
      const after = filesOf(model);
      after.set(page.file.path, JSON.stringify(value, null, 2));
      const diff = reviewVersions(filesOf(model), after).diff;
      const reported = new Map(diff.folders.flatMap((f) => f.components).map((c) => [c.id, c]));
      const before = new Map(items.map((i) => [i.id, i]));
      const now = new Map(edited.map((i) => [i.id, i]));
      for (const [id, item] of before) {
        const next = now.get(id);
        if (!next) expect(reported.get(id)?.status, id).toBe('removed');
        else {
          expect(['moved', 'changed', undefined], id).toContain(reported.get(id)?.status);
          const { id: _a, ...a } = item;
          const { id: _b, ...b } = next;
          if (!jsonEqual(a, b)) expect(reported.get(id)?.changes.length, id).toBeGreaterThan(0);
          else expect(reported.get(id)?.changes ?? [], id).toEqual([]);
        }
      }
      for (const id of now.keys()) if (!before.has(id)) expect(reported.get(id)?.status, id).toBe('added');
      for (const id of reported.keys()) expect(before.has(id) || now.has(id), id).toBe(true);
    }),
    { numRuns: runs },
  );
}

describe('review properties', () => {
  it('finds the generated edits of the test app, and nothing more', async () => {
    checkGeneratedEdits(await loadAppModel(memoryFileSource(testAppFiles)), 200);
  });

  it('a move alone is a move: no removal, no addition, no property change', async () => {
    const model = await loadAppModel(memoryFileSource(testAppFiles));
    const page = editablePage(model)!;
    const items = page.components.map((c) => c.props as Item);
    fc.assert(
      fc.property(fc.nat(items.length - 1), fc.nat(items.length - 1), (from, to) => {
        const edited = editKeyedList(items, [{ kind: 'move', id: items[from]!.id, to }]);
        const after = filesOf(model);
        after.set(page.file.path, JSON.stringify({ data: { layout: edited } }));
        const components = reviewVersions(filesOf(model), after).diff.folders.flatMap((f) => f.components);
        expect(components.every((c) => c.status === 'moved' && c.changes.length === 0)).toBe(true);
        expect(components.length).toBe(from === Math.min(to, items.length - 1) ? 0 : 1);
      }),
    );
  });

  const apps = fixtureAppNames();
  describe.skipIf(apps.length === 0)(`fixture apps in ${fixtureAppsDir}`, () => {
    it.each(apps)('%s: a version against itself is empty; generated edits are found', async (name) => {
      const model = await loadAppModel(folderSource(`${fixtureAppsDir}/${name}`));
      expect(isEmptyReview(reviewModels(model, model))).toBe(true);
      expect(isEmptyReview(reviewVersions(filesOf(model), filesOf(model)).diff)).toBe(true);
      checkGeneratedEdits(model, 25);
    });
  });
});
