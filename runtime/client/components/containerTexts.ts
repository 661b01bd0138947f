/**
 * Texts and values the container components share: built-in button texts (an app resource with
 * the same id wins), a text binding of a node by key, and a node's display value.
 */
import { readDataPath, resolveText, type ComponentNode } from '../../../core/expressions';
import { displayValueOf } from '../../../core/expressions/displayValue';
import type { Derived } from '../state/derive';
import { textOf } from './useNode';

const nb: Record<string, string> = {
  'general.add_new': 'Legg til ny',
  'general.delete': 'Slett',
  'general.edit_alt': 'Rediger',
  'general.save_and_close': 'Lagre og lukk',
  'general.save_and_next': 'Lagre og åpne neste',
  'general.next': 'Neste',
  'general.back': 'Tilbake',
  'general.row': 'rad {0}',
  'general.change': 'Endre',
  'general.edit_row': 'Rediger rad',
  'general.actions': 'Handlinger',
  'group.row_popover_delete_message': 'Er du sikker på at du vil slette denne raden?',
  'general.page_of': 'Side {0} av {1}',
  'general.empty_summary': 'Du har ikke lagt inn informasjon her',
  'list.no_data': 'Ingen data å vise',
};
const en: Record<string, string> = {
  'general.add_new': 'Add new',
  'general.delete': 'Delete',
  'general.edit_alt': 'Edit',
  'general.save_and_close': 'Save and close',
  'general.save_and_next': 'Save and open next',
  'general.next': 'Next',
  'general.back': 'Back',
  'general.row': 'row {0}',
  'general.change': 'Change',
  'general.edit_row': 'Edit row',
  'general.actions': 'Actions',
  'group.row_popover_delete_message': 'Are you sure you want to delete this row?',
  'general.page_of': 'Page {0} of {1}',
  'general.empty_summary': 'You have not entered any information here',
  'list.no_data': 'No data to show',
};

/** A built-in text by id: app resources first, then the runtime's, then these; `{0}`… replaced. */
export function uiText(derived: Derived, id: string, ...params: (string | number)[]): string {
  const env = derived.env;
  const texts = env.textResources;
  const has = texts instanceof Map ? texts.has(id) : Array.isArray(texts) && texts.some((t: { id: string }) => t.id === id);
  const own = has ? resolveText(id, env, undefined) : undefined;
  const template = own ?? env.builtInTexts?.[id] ?? (env.language === 'en' ? en : nb)[id] ?? id;
  return params.reduce<string>((text, p, i) => text.replaceAll(`{${i}}`, String(p)), template);
}

/** A node's text binding, or a built-in text when the binding is unset. */
export function textOr(derived: Derived, node: ComponentNode, binding: string, fallbackId: string): string {
  return textOf(derived, node, binding) ?? uiText(derived, fallbackId);
}

/**
 * The question of a Likert row: `questions` names a field inside each question object (e.g.
 * `survey.items.textKey`) holding a text key, read in the item's row and resolved as a text.
 */
export function likertQuestion(derived: Derived, item: ComponentNode): string | undefined {
  const likert = item.row?.owner;
  const key = (item.config.textResourceBindings as Record<string, unknown> | undefined)?.title;
  const questions = (likert?.config.dataModelBindings as Record<string, unknown> | undefined)?.questions;
  if (typeof key === 'string' && typeof questions === 'string' && key.startsWith(`${questions}.`) && item.location) {
    const stored = readDataPath(derived.env.dataModels[item.location.dataType], `${item.location.field}.${key.slice(questions.length + 1)}`);
    return typeof stored === 'string' && stored !== '' ? resolveText(stored, derived.env, item.location) : undefined;
  }
  return textOf(derived, item, 'title');
}

/** The label a component shows in tables and summaries (tableTitle/summaryTitle first, then title). */
export function labelOf(derived: Derived, node: ComponentNode, first: 'tableTitle' | 'summaryTitle' = 'tableTitle'): string {
  if (node.canonicalType === 'LikertItem' || node.type === 'LikertItem') return likertQuestion(derived, node) ?? node.baseId;
  return textOf(derived, node, first) ?? textOf(derived, node, 'title') ?? node.baseId;
}

/** What a component shows as its value (option labels, formatted dates…); '' when it has none. */
export function displayOf(derived: Derived, node: ComponentNode): string {
  try {
    const env = derived.env;
    const value = displayValueOf(node, { ctx: { env, node }, env, location: node.location });
    return value === null || value === undefined ? '' : String(value);
  } catch {
    return '';
  }
}
