// Property tests of the merge: what one side alone changed is never lost, either side alone comes back
// byte for byte, and edits of different components or texts never conflict.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from './jsonValue';
import { mergeFile } from './mergeFile';
import { editKeyedList, keyedEdits, type Item } from './mergeTestEdits';

interface Shape {
  readonly path: string;
  /** The file's value holding the list of items. */
  readonly wrap: (items: Item[]) => unknown;
  readonly unwrap: (value: unknown) => Item[];
  readonly seed: Item[];
}

const layoutShape: Shape = {
  path: 'App/ui/form/layouts/Page.json',
  wrap: (items) => ({ $schema: 'layout.schema.v1.json', data: { layout: items } }),
  unwrap: (value) => (value as { data: { layout: Item[] } }).data.layout,
  seed: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, type: 'Input', textResourceBindings: { title: `${id}.title` }, required: false })),
};

const textShape: Shape = {
  path: 'App/config/texts/resource.en.json',
  wrap: (items) => ({ language: 'en', resources: items }),
  unwrap: (value) => (value as { resources: Item[] }).resources,
  seed: ['a', 'b', 'c', 'd'].map((id) => ({ id, value: `Text ${id}` })),
};

const styles = [
  (value: unknown) => JSON.stringify(value, null, 2) + '\n',
  (value: unknown) => JSON.stringify(value, null, '\t').replace(/\n/g, '\r\n'),
  (value: unknown) => JSON.stringify(value, null, 4),
];

/** Line ending, indentation and final newline of a text, to compare styles. */
function styleOf(text: string) {
  const indents = [...text.matchAll(/\n([ \t]+)/g)].map((m) => m[1]!);
  const unit = indents.some((indent) => indent.includes('\t')) ? 'tab' : Math.min(...indents.map((indent) => indent.length));
  return { crlf: text.includes('\r\n'), loneLf: /[^\r]\n/.test(text), unit, finalNewline: text.endsWith('\n') };
}

const byId = (items: Item[]) => new Map(items.map((item) => [item.id, item]));

for (const shape of [layoutShape, textShape]) {
  describe(`merge properties: ${shape.path}`, () => {
    const sides = fc.record({ style: fc.constantFrom(...styles), ours: keyedEdits(shape.seed), theirs: keyedEdits(shape.seed) });

    it('gives back the side that changed, byte for byte, when the other did not', () => {
      fc.assert(
        fc.property(sides, ({ style, ours }) => {
          const base = style(shape.wrap(shape.seed));
          const changed = style(shape.wrap(editKeyedList(shape.seed, ours)));
          expect(mergeFile(shape.path, base, changed, base).text).toBe(changed);
          expect(mergeFile(shape.path, base, base, changed).text).toBe(changed);
          expect(mergeFile(shape.path, base, changed, changed).text).toBe(changed);
        }),
        { numRuns: 60 },
      );
    });

    it('keeps every item changed on one side only with that side’s value when nothing conflicts', () => {
      let clean = 0;
      fc.assert(
        fc.property(sides, ({ style, ours, theirs }) => {
          const oursItems = editKeyedList(shape.seed, ours);
          const theirsItems = editKeyedList(shape.seed, theirs);
          const result = mergeFile(shape.path, style(shape.wrap(shape.seed)), style(shape.wrap(oursItems)), style(shape.wrap(theirsItems)));
          if (result.conflicts.length > 0) return;
          clean++;
          expect(styleOf(result.text!)).toEqual(styleOf(style(shape.wrap(shape.seed))));
          const merged = byId(shape.unwrap(JSON.parse(result.text!)));
          const [baseMap, oursMap, theirsMap] = [byId(shape.seed), byId(oursItems), byId(theirsItems)];
          for (const id of new Set([...oursMap.keys(), ...theirsMap.keys(), ...baseMap.keys()])) {
            const [b, o, t] = [baseMap.get(id), oursMap.get(id), theirsMap.get(id)];
            if (jsonEqual(b, t)) expect(merged.get(id)).toEqual(o);
            else if (jsonEqual(b, o)) expect(merged.get(id)).toEqual(t);
          }
        }),
        { numRuns: 150 },
      );
      expect(clean).toBeGreaterThan(30);
    });

    it('never conflicts when the two sides edit different items', () => {
      fc.assert(
        fc.property(sides, ({ style, ours, theirs }) => {
          const touched = new Set(ours.map((edit) => edit.id));
          const theirsApart = theirs.filter((edit) => !touched.has(edit.id) && edit.kind !== 'move');
          const oursItems = editKeyedList(shape.seed, ours);
          const theirsItems = editKeyedList(shape.seed, theirsApart);
          const result = mergeFile(shape.path, style(shape.wrap(shape.seed)), style(shape.wrap(oursItems)), style(shape.wrap(theirsItems)));
          expect(result.conflicts).toEqual([]);
        }),
        { numRuns: 150 },
      );
    });
  });
}
