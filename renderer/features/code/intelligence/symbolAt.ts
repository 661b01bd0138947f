/**
 * The name under a position of an app file: a text key, a component id, a data path, a code list…,
 * read from the reference index (which knows every place a name is defined or used) and, for a name
 * the index has not seen yet (typed but not yet parsed into the model), from what the place expects.
 */
import type { AppModel } from '../../../../core/app/model/types';
import type { Occurrence, SymbolKind } from '../../../../core/refs/occurrences';
import { parseJsonDocument } from '../../../../core/text/jsonDocument';
import { occurrencesIn } from './appFacts';
import { expectedSymbolAt } from './expectedSymbol';
import { jsonPositionAt, samePath } from './jsonPosition';

export interface StudioSymbol {
  readonly kind: SymbolKind;
  /** The name: a text key, a component id, a data path without row indexes… */
  readonly key: string;
  /** As in the reference index: UI folder for components and pages, data type for data paths, '' for app-wide names. */
  readonly scope: string;
  readonly role: 'definition' | 'reference';
  /** Where the name sits in the text (inside the quotes). */
  readonly offset: number;
  readonly length: number;
}

/**
 * The symbol at `offset` of file `path`, or null. `text` is the editor's text of the file (the model's
 * when left out); positions are found in it, names in the model's index by their JSON path.
 */
export function symbolAt(model: AppModel, path: string, offset: number, text: string | undefined = model.texts.get(path)): StudioSymbol | null {
  if (text === undefined || !path.endsWith('.json')) return null;
  const position = jsonPositionAt(text, offset);
  const token = position.token;
  if (!token) return null;
  const inner = { offset: token.offset + 1, length: Math.max(0, token.length - 2) };
  const written = (o: Occurrence) => `${o.prefix ?? ''}${o.key}${o.suffix ?? ''}`;
  // Data paths are indexed without row indexes (`a[0].b` is `a.b`), so only their path is compared.
  const occurrence = occurrencesIn(model, path).find(
    (o) => o.jsonPath !== undefined && samePath(o.jsonPath, position.path) && Boolean(o.isKey) === position.isKey && (token.value === written(o) || o.kind === 'dataPath'),
  );
  if (occurrence) {
    const exact = token.value === written(occurrence);
    const at = exact ? { offset: inner.offset + (occurrence.prefix?.length ?? 0), length: occurrence.key.length } : inner;
    return { kind: occurrence.kind, key: occurrence.key, scope: occurrence.scope, role: occurrence.role, ...at };
  }
  const expected = expectedSymbolAt(model, path, parseJsonDocument(text).value, position.path, position.isKey);
  if (!expected || token.value === '') return null;
  return { kind: expected.kind, key: token.value, scope: expected.scope, role: 'reference', ...inner };
}
