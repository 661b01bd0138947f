/**
 * What the palette offers for a layout set: the catalogue's groups, with the components of the
 * set's process task first (payment, signing) and the ones that do not belong there left out, then
 * filtered by what was typed (name, type or description).
 */
import { readBpmnTasks } from '../../../../core/app/bpmnTasks';
import type { AppModel, UiFolder } from '../../../../core/app/model/types';
import { type ComponentTypeName, type PaletteGroup, paletteGroups } from '../../../../core/catalog';

/** What kind of page a layout set is, for the palette. */
export type PaletteContext = 'data' | 'payment' | 'signing' | 'subform';

const paymentOnly: ReadonlySet<string> = new Set(['Payment']);
const signingOnly: ReadonlySet<string> = new Set(['SigneeList', 'SigningDocumentList', 'SigningActions']);
/** Subforms are filled inside another form: no submit, attachments, instantiation, payment or nested subforms. */
const notInSubforms: ReadonlySet<string> = new Set(['Button', 'FileUpload', 'FileUploadWithTag', 'InstantiationButton', 'Payment', 'Subform', ...signingOnly]);

/** The palette context of a layout set: its type, else the Altinn task type of its task. */
export function paletteContextOf(model: AppModel, folder: UiFolder): PaletteContext {
  if (folder.type === 'subform') return 'subform';
  const tasks = model.process ? readBpmnTasks(model.process.doc).tasks : [];
  const types = folder.taskIds.map((id) => tasks.find((t) => t.id === id)?.taskType);
  if (types.includes('payment')) return 'payment';
  if (types.includes('signing')) return 'signing';
  return 'data';
}

/** Whether a type belongs in the palette of a context. */
export function offeredIn(type: ComponentTypeName, context: PaletteContext): boolean {
  if (context === 'subform') return !notInSubforms.has(type);
  if (paymentOnly.has(type)) return context === 'payment';
  if (signingOnly.has(type)) return context === 'signing';
  return true;
}

const normalise = (s: string) => s.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

/** The palette for a context and a search: groups in order (the task's own group first), empty groups left out. */
export function paletteFor(context: PaletteContext, query = '', groups: readonly PaletteGroup[] = paletteGroups()): PaletteGroup[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const matches = (item: PaletteGroup['items'][number]) => {
    const haystack = normalise(`${item.displayName} ${item.type} ${item.description}`);
    return words.every((w) => haystack.includes(w));
  };
  const filtered = groups
    .map((g) => ({ ...g, items: g.items.filter((item) => offeredIn(item.type, context) && matches(item)) }))
    .filter((g) => g.items.length > 0);
  if (context !== 'payment' && context !== 'signing') return filtered;
  const own = filtered.filter((g) => g.category === 'process');
  return [...own, ...filtered.filter((g) => g.category !== 'process')];
}
