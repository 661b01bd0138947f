/**
 * The texts of a component as the properties panel edits them: every text binding of its type, in
 * every language of the app. A binding that names a text key edits that (shared) text; one without a
 * key gets a new key `<id>.<binding>` on the first edit.
 */
import { setComponentProperty, setTextValue, type FileChanges, allComponents } from '../../../../core/app/model/appEdits';
import type { AppModel, ComponentNode } from '../../../../core/app/model/types';
import { textKeys, textValues, uniqueTextKey } from '../../../../core/app/layoutEdits/texts';
import { findComponentType, textBindingsOf, type TextBindingInfo } from '../../../../core/catalog';

export type TextBindingValue =
  | { readonly kind: 'none' }
  /** A text resource key: the texts are edited where they are. */
  | { readonly kind: 'key'; readonly key: string; readonly values: Readonly<Record<string, string>>; readonly usedBy: number }
  /** Literal text written in the layout (the runtime shows it as is when no key has its name). */
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'expression'; readonly expression: unknown };

export interface TextBindingRow {
  readonly info: TextBindingInfo;
  readonly value: TextBindingValue;
}

/** The app's languages, in the order of its text files. */
export function appLanguages(model: AppModel): string[] {
  return [...new Set(model.textFiles.map((t) => t.language))];
}

function bindingsOf(props: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const bindings = props.textResourceBindings;
  return bindings && typeof bindings === 'object' && !Array.isArray(bindings) ? (bindings as Record<string, unknown>) : {};
}

/** How many components of the app bind text `key` (in any text binding). */
export function componentsUsingText(model: AppModel, key: string): number {
  return allComponents(model).filter((c) => Object.values(bindingsOf(c.props)).includes(key)).length;
}

/** What a text binding holds. */
export function textBindingValue(model: AppModel, written: unknown, keys: ReadonlySet<string>): TextBindingValue {
  if (written === undefined || written === null) return { kind: 'none' };
  if (Array.isArray(written)) return { kind: 'expression', expression: written };
  if (typeof written === 'string' && keys.has(written)) {
    return { kind: 'key', key: written, values: textValues(model, written), usedBy: componentsUsingText(model, written) };
  }
  return { kind: 'literal', text: typeof written === 'string' ? written : JSON.stringify(written) };
}

/** Every text binding of the component's type (and any others it has), with what each holds. */
export function textBindingRows(model: AppModel, component: ComponentNode): TextBindingRow[] {
  const type = findComponentType(component.type);
  const infos = type ? textBindingsOf(type) : [];
  const written = bindingsOf(component.props);
  const extra = Object.keys(written)
    .filter((key) => !infos.some((i) => i.key === key))
    .map((key): TextBindingInfo => ({ key, group: 'component', description: '', required: false }));
  const keys = textKeys(model);
  return [...infos, ...extra].map((info) => ({ info, value: textBindingValue(model, written[info.key], keys) }));
}

/** Two changes of different files as one. */
export function mergeChanges(...parts: FileChanges[]): FileChanges {
  const out = new Map<string, string | null>();
  for (const part of parts) {
    for (const [path, text] of part) {
      if (out.has(path)) throw new Error(`Two edits of ${path} cannot be merged`);
      out.set(path, text);
    }
  }
  return out;
}

/**
 * The change that gives text binding `binding` of the component the text `value` in `language`. A
 * binding without a key gets a new unique key `<id>.<binding>`; literal text it had is kept as the
 * other languages' value, so what they show does not change. Returns the key written to.
 */
export function setBindingText(model: AppModel, component: ComponentNode, binding: string, language: string, value: string): { changes: FileChanges; key: string } {
  const keys = textKeys(model);
  const current = textBindingValue(model, bindingsOf(component.props)[binding], keys);
  if (current.kind === 'key') return { changes: setTextValue(model, language, current.key, value), key: current.key };
  if (current.kind === 'expression') throw new Error(`The ${binding} text of ${component.id} is an expression; edit it as an expression`);
  const key = uniqueTextKey(`${component.id}.${binding}`, keys);
  const others = current.kind === 'literal' ? appLanguages(model).filter((l) => l !== language) : [];
  const changes = mergeChanges(
    setComponentProperty(model, component, ['textResourceBindings', binding], key),
    setTextValue(model, language, key, value),
    ...others.map((other) => setTextValue(model, other, key, current.kind === 'literal' ? current.text : '')),
  );
  return { changes, key };
}
