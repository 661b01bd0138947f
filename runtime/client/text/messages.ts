/** Validation messages (§4.5): a text key with parameters, each itself a text key or a literal. */
import { resolveText, type DataModelLocation, type ExprEnvironment } from '../../../core/expressions';
import type { ValidationMessage } from '../../../core/validation';

/** The message a user reads for an issue. */
export function messageText(message: ValidationMessage, env: ExprEnvironment, location?: DataModelLocation): string {
  const params = (message.params ?? []).map((p) => {
    if (typeof p !== 'object') return String(p);
    const text = resolveText(p.key, env, location);
    return p.makeLowerCase ? text.toLowerCase() : text;
  });
  return params.reduce<string>((text, param, i) => text.replaceAll(`{${i}}`, param), resolveText(message.key, env, location));
}
