/**
 * Completion of the names an app file refers to, where the place expects one (see expectedSymbol):
 * text keys with their Norwegian text, component ids with their type, data model paths with their
 * field type, code lists, pages, layout sets and data types.
 */
import type { AppModel } from '../../../../core/app/model/types';
import { allFields } from '../../../../core/datamodel';
import type { SymbolKind } from '../../../../core/refs/occurrences';
import { isJsonObject, parseJsonDocument } from '../../../../core/text/jsonDocument';
import { treeOf } from './appFacts';
import { type ExpectedSymbol, expectedSymbolAt } from './expectedSymbol';
import { jsonPositionAt } from './jsonPosition';

export interface CompletionCandidate {
  readonly label: string;
  /** One line beside the label: the text in nb, the component's type, the field's type. */
  readonly detail: string;
  /** More, as markdown, when there is more to say. */
  readonly documentation?: string;
}

export interface CompletionResult {
  readonly kind: SymbolKind;
  readonly scope: string;
  /** The text a chosen item replaces: the whole string literal (quotes included), or nothing at the cursor. */
  readonly replace: { readonly offset: number; readonly length: number };
  /** What was typed so far (inside the quotes). */
  readonly typed: string;
  readonly items: readonly CompletionCandidate[];
}

/** The language shown first in details: Altinn apps are Norwegian first. */
const preferredLanguages = ['nb', 'nn', 'en'];

function textCandidates(model: AppModel): CompletionCandidate[] {
  const files = [...model.textFiles].sort((a, b) => rankLanguage(a.language) - rankLanguage(b.language));
  const byId = new Map<string, { language: string; value: string }[]>();
  for (const file of files) {
    for (const r of file.resources) {
      const list = byId.get(r.id);
      if (list) list.push({ language: file.language, value: r.value });
      else byId.set(r.id, [{ language: file.language, value: r.value }]);
    }
  }
  return [...byId].map(([id, values]) => ({
    label: id,
    detail: values[0]?.value ?? '',
    documentation: values.map((v) => `**${v.language}**: ${v.value}`).join('\n\n'),
  }));
}

function rankLanguage(language: string): number {
  const i = preferredLanguages.indexOf(language);
  return i < 0 ? preferredLanguages.length : i;
}

function componentCandidates(model: AppModel, folderId: string): CompletionCandidate[] {
  const folders = model.uiFolders.filter((f) => f.id === folderId || folderId === '');
  return folders.flatMap((f) => f.pages.flatMap((p) => p.components.filter((c) => c.id !== '').map((c) => ({ label: c.id, detail: `${c.type} · ${p.name}` }))));
}

function dataPathCandidates(model: AppModel, dataType: string): CompletionCandidate[] {
  const tree = treeOf(model, dataType);
  if (!tree) return [];
  return allFields(tree)
    .filter((f) => !f.altinnRowId)
    .map((f) => {
      const type = f.repeating ? `${f.itemType ?? f.type}[] (repeating)` : f.type;
      const about = [f.title, f.description].filter((s): s is string => Boolean(s));
      return { label: f.path, detail: f.xsdType ? `${type} · ${f.xsdType}` : type, ...(about.length > 0 ? { documentation: about.join('\n\n') } : {}) };
    });
}

function optionsCandidates(model: AppModel): CompletionCandidate[] {
  return model.options.map((o) => {
    const list = Array.isArray(o.file.doc.value) ? o.file.doc.value : [];
    const values = list.flatMap((option) => (isJsonObject(option) && option.value !== undefined ? [String(option.value)] : []));
    return { label: o.id, detail: `${list.length} options · ${o.file.path}`, ...(values.length > 0 ? { documentation: values.slice(0, 10).join(', ') + (values.length > 10 ? ', …' : '') } : {}) };
  });
}

function candidatesFor(model: AppModel, expected: ExpectedSymbol): CompletionCandidate[] {
  switch (expected.kind) {
    case 'text':
      return textCandidates(model);
    case 'component':
      return componentCandidates(model, expected.scope);
    case 'dataPath':
      return dataPathCandidates(model, expected.scope);
    case 'optionsId':
      return optionsCandidates(model);
    case 'page':
      return (model.uiFolders.find((f) => f.id === expected.scope)?.pages ?? []).map((p) => ({ label: p.name, detail: `page · ${p.components.length} components` }));
    case 'layoutSet':
      return model.uiFolders.map((f) => ({ label: f.id, detail: `UI folder · ${f.folder}` }));
    case 'dataType': {
      const meta = model.metadata?.doc.value;
      const types = isJsonObject(meta) && Array.isArray(meta.dataTypes) ? meta.dataTypes : [];
      return types.flatMap((t) => (isJsonObject(t) && typeof t.id === 'string' ? [{ label: t.id, detail: isJsonObject(t.appLogic) ? 'data model' : 'data type' }] : []));
    }
    default:
      return [];
  }
}

/**
 * The names that fit at `offset` of file `path` (its editor `text`), or null where no name is
 * expected (the JSON schema's own completion covers the rest).
 */
export function completionsAt(model: AppModel, path: string, offset: number, text: string | undefined = model.texts.get(path)): CompletionResult | null {
  if (text === undefined || !path.endsWith('.json')) return null;
  const position = jsonPositionAt(text, offset);
  const expected = expectedSymbolAt(model, path, parseJsonDocument(text).value, position.path, position.isKey);
  if (!expected) return null;
  const token = position.token;
  return {
    ...expected,
    replace: token ? { offset: token.offset, length: token.length } : { offset, length: 0 },
    typed: token?.value ?? '',
    items: candidatesFor(model, expected),
  };
}
