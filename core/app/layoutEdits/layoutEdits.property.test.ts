// Random sequences of layout commands on a small app and on the real fixture apps: no intermediate
// model gets new id clashes or broken container references, canDrop agrees with what a move does,
// and undoing by writing back the previous texts of the touched files (deleting created ones,
// restoring deleted ones) gives every file back byte for byte.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childSlotsOf, findComponentType } from '../../catalog';
import { checkApp } from '../../refs/checkApp';
import { fixtureAppNames, fixtureAppsDir, folderSource } from '../../testing/fixtureApps';
import { type FileChanges, allComponents, editFiles } from '../model/appEdits';
import { loadAppModel } from '../model/loadAppModel';
import type { AppModel } from '../model/types';
import { copyComponents, duplicateComponents, pasteComponents } from './clipboard';
import { deleteComponents } from './delete';
import { insertComponent } from './insert';
import { moveComponents } from './move';
import { addPage, deletePage, duplicatePage, renamePage } from './pages';
import { renameComponent } from './rename';
import { type DropTarget, canDrop } from './targets';
import { loadTestApp } from './testApp';

const structural = new Set(['component-id-duplicate', 'component-child-other-page', 'component-child-two-parents', 'component-child-not-allowed']);

/**
 * Diagnostics that say ids clash or container references are wrong, by code and the id they name
 * (not by place or container, which a move or rename may change for a fault the app had before).
 */
function structureErrors(model: AppModel): Set<string> {
  return new Set(
    checkApp(model)
      .diagnostics.filter((d) => structural.has(d.code) || (d.code === 'component-ref-missing' && d.message.includes('the children of')))
      .map((d) => `${d.code} ${/"[^"]*"/.exec(d.message)?.[0]}`),
  );
}

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

const targetArb = fc.record({ folder: fc.nat(), page: fc.nat(), container: fc.option(fc.nat(), { nil: undefined }), slot: fc.nat(), at: fc.array(fc.nat({ max: 2 }), { maxLength: 2 }), index: fc.nat({ max: 6 }) });
type TargetSeed = typeof targetArb extends fc.Arbitrary<infer T> ? T : never;

/** A drop target built from random numbers against the current model: often valid, sometimes not. */
function targetFrom(model: AppModel, seed: TargetSeed): DropTarget | undefined {
  const folder = pick(model.uiFolders, seed.folder);
  const page = folder && pick(folder.pages, seed.page);
  if (!folder || !page) return undefined;
  const containers = page.components.filter((c) => {
    const type = findComponentType(c.typeAsWritten);
    return type && childSlotsOf(type).length > 0;
  });
  const container = seed.container === undefined ? undefined : pick(containers, seed.container);
  if (!container) return { folderId: folder.id, page: page.name, index: seed.index };
  const slot = pick(childSlotsOf(findComponentType(container.typeAsWritten)!), seed.slot)!;
  return { folderId: folder.id, page: page.name, container: { id: container.id, slot: { path: slot.path, at: seed.at } }, index: seed.index };
}

const command = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), type: fc.constantFrom('Input', 'Paragraph', 'Group', 'Header', 'Button', 'Grid', 'Accordion'), target: targetArb }),
  fc.record({ kind: fc.constant('move' as const), ids: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), target: targetArb }),
  fc.record({ kind: fc.constant('delete' as const), ids: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), ids: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }) }),
  fc.record({ kind: fc.constant('paste' as const), ids: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), target: targetArb }),
  fc.record({ kind: fc.constant('rename' as const), id: fc.nat(), name: fc.constantFrom('renamed', 'other', 'intro', 'nameB') }),
  fc.record({ kind: fc.constant('page' as const), action: fc.constantFrom('add', 'rename', 'duplicate', 'delete'), folder: fc.nat(), page: fc.nat() }),
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

/** The ids (of one folder, so the selection is valid more often) that random numbers pick. */
function idsFrom(model: AppModel, picks: readonly number[]): { ids: string[]; folderId: string } | undefined {
  const all = allComponents(model).filter((c) => c.id);
  const first = pick(all, picks[0]!);
  if (!first) return undefined;
  const inFolder = all.filter((c) => c.folderId === first.folderId);
  return { ids: [...new Set(picks.map((n) => pick(inFolder, n)!.id))], folderId: first.folderId };
}

/** The changes of one command, or undefined when it was refused (with a message, never a crash). */
function run(model: AppModel, c: Command): FileChanges | undefined {
  try {
    switch (c.kind) {
      case 'insert': {
        const target = targetFrom(model, c.target);
        return target && insertComponent(model, c.type, target).changes;
      }
      case 'move': {
        const picked = idsFrom(model, c.ids);
        const target = targetFrom(model, c.target);
        if (!picked || !target) return undefined;
        const check = canDrop(model, picked.ids, target);
        if (!check.ok) {
          expect(() => moveComponents(model, picked.ids, target)).toThrow();
          return undefined;
        }
        return moveComponents(model, picked.ids, target).changes;
      }
      case 'delete': {
        const picked = idsFrom(model, c.ids);
        return picked && deleteComponents(model, picked.ids, picked.folderId).changes;
      }
      case 'duplicate': {
        const picked = idsFrom(model, c.ids);
        return picked && duplicateComponents(model, picked.ids, picked.folderId).changes;
      }
      case 'paste': {
        const picked = idsFrom(model, c.ids);
        const target = targetFrom(model, c.target);
        return picked && target && pasteComponents(model, JSON.parse(JSON.stringify(copyComponents(model, picked.ids, picked.folderId))), target).changes;
      }
      case 'rename': {
        const component = pick(allComponents(model).filter((x) => x.id), c.id);
        return component && renameComponent(model, component.id, c.name, component.folderId);
      }
      case 'page': {
        const folder = pick(model.uiFolders, c.folder);
        const page = folder && pick(folder.pages, c.page);
        if (!folder || !page) return undefined;
        if (c.action === 'add') return addPage(model, folder.id).changes;
        if (c.action === 'rename') return renamePage(model, folder.id, page.name, `${page.name}x`).changes;
        if (c.action === 'duplicate') return duplicatePage(model, folder.id, page.name).changes;
        return deletePage(model, folder.id, page.name).changes;
      }
    }
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).constructor.name).toMatch(/^(Error|RenameError)$/);
    return undefined;
  }
}

/** Runs random command sequences from `original`, checking each step and the undo. */
async function randomSequences(original: AppModel, numRuns: number): Promise<void> {
  const before = structureErrors(original);
  const problems = original.problems;
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
      let model = original;
      const undo: FileChanges[] = [];
      for (const c of commands) {
        const changes = run(model, c);
        if (!changes || changes.size === 0) continue;
        undo.push(new Map([...changes.keys()].map((path) => [path, model.texts.get(path) ?? null])));
        model = editFiles(model, changes);
        expect(model.problems.length).toBe(problems.length);
        expect([...structureErrors(model)].filter((e) => !before.has(e))).toEqual([]);
      }
      for (const back of undo.reverse()) model = editFiles(model, back);
      expect(model.texts).toEqual(original.texts);
      expect(model.filePaths).toEqual(original.filePaths);
    }),
    { numRuns },
  );
}

describe('layout commands, at random', () => {
  it('keep ids unique and containers sound on a small app, and undo restores every file byte for byte', async () => {
    const original = await loadTestApp();
    expect([...structureErrors(original)]).toEqual([]);
    await randomSequences(original, 80);
  });

  for (const app of fixtureAppNames()) {
    it(`${app}: no new id clashes or broken container references, and undo restores every file`, async () => {
      await randomSequences(await loadAppModel(folderSource(path.join(fixtureAppsDir, app))), 15);
    });
  }
});
