// The intelligence on the real Altinn apps: every name the index knows in a JSON file is found again
// under its position, with a completion list that holds it where it is defined; every text key with a
// resource leads to it; markers stay inside their files; every app file with a schema gets one.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placedCheck } from '../../../../core/refs/placedCheck';
import { loadAppModel } from '../../../../core/app/model/loadAppModel';
import { fixtureAppNames, fixtureAppsDir, folderSource } from '../../../../core/testing/fixtureApps';
import { offsetAt } from '../../../../core/text/textPosition';
import { indexOf } from './appFacts';
import { completionsAt } from './completions';
import { markersFor } from './markers';
import { definitionsOf, occurrenceLocation } from './navigation';
import { schemaKindOf } from './schemaFor';
import { symbolAt } from './symbolAt';

const apps = fixtureAppNames();
const load = (name: string) => loadAppModel(folderSource(path.join(fixtureAppsDir, name)));

describe.skipIf(apps.length === 0)('JSON intelligence on the real Altinn apps', () => {
  it.each(apps)('%s: every indexed name in a JSON file is the symbol at its place', async (name) => {
    const model = await load(name);
    const lost: string[] = [];
    let checked = 0;
    for (const o of indexOf(model).occurrences.items) {
      if (!o.jsonPath || o.jsonPath.length === 0 || !o.file.endsWith('.json')) continue;
      const at = occurrenceLocation(model, o);
      if (!at || at.length === 0) continue;
      const text = model.texts.get(o.file)!;
      const offset = offsetAt(text.replace(/^\uFEFF/, ''), at.line, at.column) + (text.startsWith('\uFEFF') ? 1 : 0);
      const symbol = symbolAt(model, o.file, offset + 1);
      checked++;
      if (symbol?.kind !== o.kind || symbol.key !== o.key) lost.push(`${o.file} ${JSON.stringify(o.jsonPath)} ${o.kind} ${o.key} → ${symbol?.kind} ${symbol?.key}`);
    }
    expect(lost).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it.each(apps)('%s: text bindings complete with the app’s keys and lead to their resources', async (name) => {
    const model = await load(name);
    const keys = new Set(model.textFiles.flatMap((f) => f.resources.map((r) => r.id)));
    const bindings = indexOf(model).occurrences.items.filter((o) => o.kind === 'text' && o.via.startsWith('textResourceBindings.'));
    for (const o of bindings.slice(0, 50)) {
      const at = occurrenceLocation(model, o)!;
      const text = model.texts.get(o.file)!;
      const offset = offsetAt(text.replace(/^\uFEFF/, ''), at.line, at.column) + (text.startsWith('\uFEFF') ? 1 : 0);
      const completion = completionsAt(model, o.file, offset);
      expect(completion?.kind).toBe('text');
      if (keys.has(o.key)) {
        expect(completion!.items.some((i) => i.label === o.key)).toBe(true);
        const symbol = symbolAt(model, o.file, offset)!;
        expect(definitionsOf(model, symbol).length).toBeGreaterThan(0);
      }
    }
  });

  it.each(apps)('%s: markers lie inside their files, and layouts and texts have schemas', async (name) => {
    const model = await load(name);
    const diagnostics = placedCheck(model);
    for (const [file, text] of model.texts) {
      if (!file.endsWith('.json')) continue;
      const lines = text.split(/\r\n|\r|\n/).length;
      for (const m of markersFor(model, file, diagnostics)) {
        expect(m.startLineNumber).toBeGreaterThanOrEqual(1);
        expect(m.endLineNumber).toBeLessThanOrEqual(lines);
        expect(m.endLineNumber > m.startLineNumber || m.endColumn >= m.startColumn).toBe(true);
      }
    }
    for (const folder of model.uiFolders) for (const page of folder.pages) expect(schemaKindOf(page.file.path)).toBe('layout');
    for (const t of model.textFiles) expect(schemaKindOf(t.file.path)).toBe('textResources');
  });
});
