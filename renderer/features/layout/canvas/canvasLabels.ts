/**
 * What the canvas calls a component: "Input: Name of the applicant", from its title text in the
 * chosen language (markup taken out), or its id when it has no title.
 */
import type { AppModel, ComponentNode } from '../../../../core/app/model/types';

/** Text values of one language by key. */
export function textsIn(model: AppModel, language: string): ReadonlyMap<string, string> {
  const file = model.textFiles.find((t) => t.language === language) ?? model.textFiles[0];
  return new Map((file?.resources ?? []).map((r) => [r.id, r.value]));
}

/** `text` without markdown and HTML, on one line, at most `max` characters. */
export function plainText(text: string, max = 80): string {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/[*_`#>[\]]|\(https?:[^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

/** A text key's value in the language, or the key itself when the app has no such text. */
export function textOrKey(texts: ReadonlyMap<string, string>, key: unknown): string | undefined {
  return typeof key === 'string' && key !== '' ? (texts.get(key) ?? key) : undefined;
}

/** The component's title (or the first text it binds) as plain text, else its id. */
export function componentLabel(component: ComponentNode, texts: ReadonlyMap<string, string>): string {
  const bindings = component.props.textResourceBindings;
  const record = bindings !== null && typeof bindings === 'object' ? (bindings as Record<string, unknown>) : {};
  const key = record.title ?? Object.values(record).find((v) => typeof v === 'string');
  const text = textOrKey(texts, key);
  return text ? plainText(text) || component.id : component.id;
}
