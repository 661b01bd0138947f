// The layout commands on the real Altinn apps in ../shared/fixtures/apps: edits touch only the files
// and lines they must, introduce no id clashes or broken container references, and undo cleanly.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childSlotsOf, findComponentType } from '../../catalog';
import { checkApp } from '../../refs/checkApp';
import { fixtureAppNames, fixtureAppsDir, folderSource } from '../../testing/fixtureApps';
import { type FileChanges, editFiles } from '../model/appEdits';
import { loadAppModel } from '../model/loadAppModel';
import type { AppModel } from '../model/types';
import { duplicateComponents } from './clipboard';
import { deleteComponents } from './delete';
import { insertComponent } from './insert';
import { moveComponents } from './move';

const apps = fixtureAppNames();
const structural = /^component-(id-duplicate|child-other-page|child-two-parents|child-not-allowed)$/;

function structureErrors(model: AppModel): string[] {
  return checkApp(model)
    .diagnostics.filter((d) => structural.test(d.code) || (d.code === 'component-ref-missing' && d.message.includes('the children of')))
    .map((d) => `${d.code} ${d.message}`);
}

/** Lines of `before` that are not in `after` and the other way round (as counts). */
function lineDiff(before: string, after: string): { removed: number; added: number } {
  const count = (text: string) => text.split('\n').reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const a = count(before);
  const b = count(after);
  let removed = 0;
  let added = 0;
  for (const [line, n] of a) removed += Math.max(0, n - (b.get(line) ?? 0));
  for (const [line, n] of b) added += Math.max(0, n - (a.get(line) ?? 0));
  return { removed, added };
}

/** Applies, checks the structure did not get worse, undoes, and checks every file is back. */
async function applyAndUndo(model: AppModel, changes: FileChanges): Promise<AppModel> {
  const before = structureErrors(model);
  const edited = editFiles(model, changes);
  expect(edited.problems.filter((p) => !model.problems.some((q) => q.file === p.file && q.message === p.message))).toEqual([]);
  for (const error of structureErrors(edited)) expect(before).toContain(error);
  const undone = editFiles(edited, new Map([...changes.keys()].map((p) => [p, model.texts.get(p) ?? null])));
  expect(undone.texts).toEqual(model.texts);
  return edited;
}

describe.skipIf(apps.length === 0)('layout commands on the fixture apps', () => {
  for (const app of apps) {
    it(`${app}: insert, move, duplicate and delete edit only their lines and files`, async () => {
      const model = await loadAppModel(folderSource(path.join(fixtureAppsDir, app)));
      const folder = model.uiFolders.find((f) => f.pages.some((p) => p.components.length > 1 && model.jsonFiles.get(p.file.path)!.doc.problems.length === 0));
      if (!folder) return;
      const page = folder.pages.find((p) => p.components.length > 1)!;
      const pagePath = page.file.path;
      const original = model.texts.get(pagePath)!;

      const inserted = insertComponent(model, 'Paragraph', { folderId: folder.id, page: page.name, index: 0 });
      expect([...inserted.changes.keys()].sort()).toEqual([pagePath, ...model.textFiles.map((t) => t.file.path)].sort());
      expect(lineDiff(original, inserted.changes.get(pagePath)!).removed).toBe(0);
      await applyAndUndo(model, inserted.changes);

      const tops = page.components.filter((c) => c.id && !page.components.some((p) => p.id !== c.id && JSON.stringify(p.props).includes(`"${c.id}"`)));
      const last = tops[tops.length - 1];
      if (last && tops.length > 1) {
        const moved = moveComponents(model, [last.id], { folderId: folder.id, page: page.name, index: 0 });
        expect([...moved.changes.keys()]).toEqual([pagePath]);
        // Items change places; at most the lines where a comma moves differ.
        const diff = lineDiff(original, moved.changes.get(pagePath)!);
        expect(diff.removed).toBeLessThanOrEqual(2);
        await applyAndUndo(model, moved.changes);
      }

      const container = page.components.find((c) => {
        const type = findComponentType(c.typeAsWritten);
        return c.id && type && childSlotsOf(type).length > 0;
      });
      const target = container ?? page.components.find((c) => c.id)!;
      await applyAndUndo(model, duplicateComponents(model, [target.id], folder.id).changes);
      const deleted = deleteComponents(model, [target.id], folder.id);
      expect([...deleted.changes.keys()]).toEqual([pagePath]);
      await applyAndUndo(model, deleted.changes);
      const otherPage = folder.pages.find((p) => p !== page && model.jsonFiles.get(p.file.path)!.doc.problems.length === 0);
      if (last && otherPage) {
        const across = moveComponents(model, [last.id], { folderId: folder.id, page: otherPage.name, index: 0 });
        expect([...across.changes.keys()].sort()).toEqual([pagePath, otherPage.file.path].sort());
        expect(lineDiff(model.texts.get(otherPage.file.path)!, across.changes.get(otherPage.file.path)!).removed).toBeLessThanOrEqual(1);
        await applyAndUndo(model, across.changes);
      }
    });
  }
});
