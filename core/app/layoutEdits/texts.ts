/** New text resources for new components: one key, a value in every language's text file. */
import { getJsonValue, insertJsonArrayItem, isJsonObject, setJsonValue } from '../../text/jsonDocument';
import type { AppModel } from '../model/types';
import type { ChangeSet } from './changeSet';

/** A text to create: its key and its value per language (languages not named get `fallback`). */
export interface NewText {
  readonly id: string;
  readonly values: Readonly<Record<string, string>>;
  readonly fallback: string;
}

/** Every text key of the app (in any language). */
export function textKeys(model: AppModel): Set<string> {
  return new Set(model.textFiles.flatMap((t) => t.resources.map((r) => r.id)));
}

/** A text key not in `taken` (which it joins): `wanted`, else `wanted2`, `wanted3`, … */
export function uniqueTextKey(wanted: string, taken: Set<string>): string {
  let key = wanted;
  for (let n = 2; taken.has(key); n++) key = `${wanted}${n}`;
  taken.add(key);
  return key;
}

/** Appends the texts to the resources of every language's text file, in the file's style. */
export function addTexts(set: ChangeSet, texts: readonly NewText[]): void {
  if (texts.length === 0) return;
  for (const textFile of set.model.textFiles) {
    const path = textFile.file.path;
    for (const text of texts) {
      const entry = { id: text.id, value: text.values[textFile.language] ?? text.fallback };
      set.edit(path, (doc) => {
        if (!isJsonObject(doc.value)) throw new Error(`${path} does not hold a JSON object; fix it in the code view, then edit it again`);
        const resources = getJsonValue(doc.value, ['resources']);
        return Array.isArray(resources) ? insertJsonArrayItem(doc, ['resources'], resources.length, entry) : setJsonValue(doc, ['resources'], [entry]);
      });
    }
  }
}

/** The value of text `key` in every language that has it. */
export function textValues(model: AppModel, key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of model.textFiles) {
    const found = t.resources.find((r) => r.id === key);
    if (found) out[t.language] = found.value;
  }
  return out;
}
