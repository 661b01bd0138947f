/** What the Overview area takes from applicationmetadata.json (its problems are core/refs' to report). */
import { isJsonObject } from '../text/jsonDocument';
import type { AppModel } from './model/types';

/** What the overview takes from applicationmetadata.json. */
export interface MetadataFacts {
  readonly org: string;
  readonly appId: string;
  readonly title: Readonly<Record<string, string>>;
  /** Ids of the data types; null when the file has no list of them. */
  readonly dataTypeIds: ReadonlySet<string> | null;
  /** Ids of the form data types (those with `appLogic`). */
  readonly formTypes: readonly string[];
}

/** Identity and data types from applicationmetadata.json. */
export function metadataFacts(model: AppModel): MetadataFacts {
  const facts = { org: '', appId: '', title: {} as Record<string, string>, dataTypeIds: null as Set<string> | null, formTypes: [] as string[] };
  const meta = model.metadata?.doc.value;
  if (!isJsonObject(meta)) return facts; // unreadable, invalid or not an object: the model says so
  if (typeof meta.org === 'string') facts.org = meta.org;
  if (typeof meta.id === 'string') facts.appId = meta.id;
  if (isJsonObject(meta.title)) {
    for (const [lang, value] of Object.entries(meta.title)) if (typeof value === 'string') facts.title[lang] = value;
  }
  if (!Array.isArray(meta.dataTypes)) return facts;
  facts.dataTypeIds = new Set();
  for (const t of meta.dataTypes) {
    if (!isJsonObject(t) || typeof t.id !== 'string') continue;
    facts.dataTypeIds.add(t.id);
    if (isJsonObject(t.appLogic)) facts.formTypes.push(t.id);
  }
  return facts;
}
