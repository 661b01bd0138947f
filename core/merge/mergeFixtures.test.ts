// The merge on the real layout pages and text files of ../shared/fixtures/apps, with generated edits
// made the way the studio makes them (minimal text edits in the file's own style). Skips when absent.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureAppsDir, fixtureAppNames } from '../testing/fixtureApps';
import { jsonEqual } from './jsonValue';
import { renderMerged } from './jsonRender';
import { mergeFile, mergeRulesFor } from './mergeFile';
import { type Item, editKeyedList, keyedEdits } from './mergeTestEdits';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

interface Sample {
  readonly file: string;
  readonly text: string;
  readonly items: Item[];
  readonly withItems: (items: Item[]) => unknown;
}

/** Layout pages and text files whose items all have unique string ids. */
function samples(): Sample[] {
  const out: Sample[] = [];
  for (const app of fixtureAppNames()) {
    for (const full of filesUnder(path.join(fixtureAppsDir, app, 'App'))) {
      const file = path.relative(path.join(fixtureAppsDir, app), full).split(path.sep).join('/');
      const isLayout = /\/layouts\/[^/]+\.json$/.test(file);
      if (!isLayout && !/\/texts\/resource\.[^/]+\.json$/.test(file)) continue;
      const text = readFileSync(full, 'utf8');
      let value: { data?: { layout?: Item[] }; resources?: Item[] };
      try {
        value = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        continue;
      }
      const items = (isLayout ? value.data?.layout : value.resources) ?? [];
      if (items.length === 0 || new Set(items.map((item) => item.id)).size !== items.length || items.some((item) => typeof item.id !== 'string')) continue;
      const withItems = (next: Item[]) => (isLayout ? { ...value, data: { ...value.data, layout: next } } : { ...value, resources: next });
      out.push({ file, text, items, withItems });
    }
  }
  return out;
}

const found = samples();

describe.skipIf(found.length === 0)('merge on real Altinn files', () => {
  it('finds layout pages and texts among the fixtures', () => {
    expect(found.filter((sample) => sample.file.includes('/layouts/')).length).toBeGreaterThan(10);
  });

  it('merges generated edits of both sides, losing no one-sided change and keeping the style', () => {
    let clean = 0;
    for (const sample of found) {
      const rules = mergeRulesFor(sample.file)!;
      const edited = (items: Item[]) => renderMerged(sample.text, sample.withItems(items), rules);
      fc.assert(
        fc.property(keyedEdits(sample.items, 3), keyedEdits(sample.items, 3), (oursEdits, theirsEdits) => {
          const [oursItems, theirsItems] = [editKeyedList(sample.items, oursEdits), editKeyedList(sample.items, theirsEdits)];
          const [ours, theirs] = [edited(oursItems), edited(theirsItems)];
          expect(mergeFile(sample.file, sample.text, ours, sample.text).text).toBe(ours);
          expect(mergeFile(sample.file, sample.text, sample.text, theirs).text).toBe(theirs);
          const result = mergeFile(sample.file, sample.text, ours, theirs);
          expect(result.text!.includes('\r\n')).toBe(sample.text.includes('\r\n'));
          if (result.conflicts.length > 0) return;
          clean++;
          const merged = JSON.parse(result.text!.replace(/^\uFEFF/, ''));
          const mergedItems = new Map(((merged.data?.layout ?? merged.resources) as Item[]).map((item) => [item.id, item]));
          const byId = (items: Item[]) => new Map(items.map((item) => [item.id, item]));
          const [b, o, t] = [byId(sample.items), byId(oursItems), byId(theirsItems)];
          for (const id of new Set([...b.keys(), ...o.keys(), ...t.keys()])) {
            if (jsonEqual(b.get(id), t.get(id))) expect(mergedItems.get(id)).toEqual(o.get(id));
            else if (jsonEqual(b.get(id), o.get(id))) expect(mergedItems.get(id)).toEqual(t.get(id));
          }
        }),
        { numRuns: 4, seed: 8 },
      );
    }
    expect(clean).toBeGreaterThan(found.length);
  });
});
