/**
 * Find usages and safe rename: one operation changes a name everywhere it is defined or used, as
 * minimal edits (only the strings that hold the name change), or refuses and changes nothing.
 */
import type { AppModel } from '../app/model/types';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { parseJsonDocument, renameJsonKey, setJsonValue } from '../text/jsonDocument';
import { parseXml } from '../text/xmlDocument';
import { elementAt } from '../text/xmlQuery';
import type { Occurrence, SymbolKind } from './occurrences';
import type { ReferenceIndex } from './referenceIndex';

/** The kinds a user can rename. */
export type RenameKind = Extract<SymbolKind, 'component' | 'text' | 'page' | 'dataPath'>;

/** A rename that cannot be done; nothing was changed. */
export class RenameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenameError';
  }
}

export interface RenamePlan {
  /** New text of every changed file. */
  readonly changes: ReadonlyMap<string, string>;
  /** Files to move (page files); their text is in `changes` under the new path when it also changed. */
  readonly moves: readonly { readonly from: string; readonly to: string }[];
  /** How many places changed. */
  readonly count: number;
}

const uploadTypes = new Set(['FileUpload', 'FileUploadWithTag', 'ImageUpload']);

/** Every definition and use of a name (in every scope when `scope` is not given). */
export function findUsages(index: ReferenceIndex, kind: SymbolKind, name: string, scope?: string): Occurrence[] {
  if (kind !== 'dataPath') return index.occurrences.of(kind, name, scope);
  return index.occurrences.items.filter((o) => o.kind === 'dataPath' && (o.key === name || o.key.startsWith(`${name}.`)) && (scope === undefined || o.scope === scope));
}

function checkNewName(kind: RenameKind, name: string): void {
  const problems: Record<RenameKind, [RegExp, string]> = {
    component: [/^[0-9a-zA-Z][0-9a-zA-Z_.-]*$/, 'may only contain letters, digits, "-", "_" and "."'],
    text: [/^\S(.*\S)?$/, 'must not be empty or start or end with spaces'],
    page: [/^[^/\\:*?"<>|\0]+$/, 'cannot be used as a file name'],
    dataPath: [/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/, 'must be a dot path of field names'],
  };
  const [pattern, why] = problems[kind];
  if (!pattern.test(name)) throw new RenameError(`"${name}" is not a valid ${kind} name: it ${why}`);
  if (kind === 'component' && /-\d+$/.test(name)) throw new RenameError(`"${name}" ends in -<digits>, which the runtime uses for repeating rows`);
}

/** Replaces the renamed part of a data path, keeping row indexes where the segments still line up. */
function renamePath(written: string, oldPath: string, newPath: string): string {
  const segments = written.split('.');
  const oldSegments = oldPath.split('.');
  const newSegments = newPath.split('.');
  const renamed = newSegments.map((name, i) => {
    const index = oldSegments.length === newSegments.length ? (/(\[\d*\])+$/.exec(segments[i] ?? '')?.[0] ?? '') : '';
    return name + index;
  });
  return [...renamed, ...segments.slice(oldSegments.length)].join('.');
}

/** The new string for one occurrence. */
function replacement(o: Occurrence, kind: RenameKind, oldName: string, newName: string, current: unknown): string {
  if (kind === 'dataPath') return renamePath(typeof current === 'string' ? current : o.key, oldName, newName);
  return `${o.prefix ?? ''}${newName}${o.suffix ?? ''}`;
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let at = value;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key as string] : undefined;
  return at;
}

/**
 * Replaces one literal inside a BPMN condition, in place. Only conditions written without XML entities
 * are edited this way (their raw text is their JSON); others are left for the user, unchanged.
 */
function renameInCondition(text: string, o: Occurrence, next: (current: unknown) => string): string | undefined {
  const doc = parseXml(text);
  const el = elementAt(doc, o.offset ?? -1);
  if (!el || el.endTagStart === null || !o.expressionPath) return undefined;
  const raw = text.slice(el.startTagEnd, el.endTagStart);
  if (raw !== el.text) return undefined;
  const tree = parseTree(raw);
  const node = tree && findNodeAtLocation(tree, [...o.expressionPath]);
  if (!node || node.type !== 'string') return undefined;
  const start = el.startTagEnd + node.offset;
  return text.slice(0, start) + JSON.stringify(next(node.value)) + text.slice(start + node.length);
}

/**
 * Plans renaming `oldName` to `newName` in `scope` (a layout set for components and pages, a data type
 * for data paths; every scope that defines the name when omitted). Throws RenameError when the new name
 * is invalid or taken, or the old one does not exist.
 */
export function planRename(model: AppModel, index: ReferenceIndex, kind: RenameKind, oldName: string, newName: string, scope?: string): RenamePlan {
  checkNewName(kind, newName);
  if (oldName === newName) throw new RenameError(`The new name is the same as the old one`);
  const definitions = findUsages(index, kind, oldName, scope).filter((o) => o.role === 'definition' && (kind !== 'dataPath' || o.key === oldName));
  const scopes = new Set(definitions.map((d) => d.scope));
  const usages = findUsages(index, kind, oldName, scope).filter((o) => kind === 'dataPath' || scopes.has(o.scope));
  if (kind !== 'dataPath' && definitions.length === 0) throw new RenameError(`There is no ${kind} "${oldName}"${scope ? ` in "${scope}"` : ''}`);
  if (kind === 'dataPath' && usages.length === 0) throw new RenameError(`Nothing refers to the data path "${oldName}"`);
  for (const s of scopes) {
    if (index.occurrences.of(kind, newName, s).some((o) => o.role === 'definition')) throw new RenameError(`"${newName}" is already a ${kind}${s ? ` in "${s}"` : ''}; choose another name`);
  }

  const all = [...usages];
  if (kind === 'component') {
    // An upload component's attachments are stored under a data type named like the component.
    const uploads = model.uiFolders.flatMap((f) => f.pages.flatMap((p) => p.components)).filter((c) => c.id === oldName && uploadTypes.has(c.type));
    if (uploads.length > 0) all.push(...index.occurrences.of('dataType', oldName));
  }

  const changes = new Map<string, string>();
  const moves: { from: string; to: string }[] = [];
  const conditionEdits: Occurrence[] = [];
  let count = 0;
  for (const o of all) {
    if (o.kind === 'page' && o.role === 'definition') {
      moves.push({ from: o.file, to: o.file.replace(/[^/]+\.json$/, `${newName}.json`) });
      count++;
      continue;
    }
    if (!o.jsonPath) {
      if (o.expressionPath && o.offset !== undefined) conditionEdits.push(o);
      continue;
    }
    const text = changes.get(o.file) ?? model.texts.get(o.file);
    if (text === undefined) continue;
    const doc = parseJsonDocument(text);
    const next = o.isKey
      ? renameJsonKey(doc, o.jsonPath, o.kind === 'dataPath' ? renamePath(String(o.jsonPath.at(-1)), oldName, newName) : newName)
      : setJsonValue(doc, o.jsonPath, o.kind === 'dataType' ? newName : replacement(o, kind, oldName, newName, valueAt(doc.value, o.jsonPath)));
    if (next !== text) {
      changes.set(o.file, next);
      count++;
    }
  }
  // Conditions in the process, last first, so an edit never moves the offsets of those still to do.
  for (const o of conditionEdits.sort((a, b) => (b.offset ?? 0) - (a.offset ?? 0))) {
    const text = changes.get(o.file) ?? model.texts.get(o.file);
    const next = text === undefined ? undefined : renameInCondition(text, o, (current) => replacement(o, kind, oldName, newName, current));
    if (next !== undefined && next !== text) {
      changes.set(o.file, next);
      count++;
    }
  }
  for (const move of moves) {
    const text = changes.get(move.from) ?? model.texts.get(move.from);
    changes.delete(move.from);
    if (text !== undefined) changes.set(move.to, text);
  }
  return { changes, moves, count };
}
