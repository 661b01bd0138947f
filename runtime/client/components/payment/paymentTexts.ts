/** The payment components' texts: the app's resource first (§7.3), then the built-in payment text of the language. */
import { resolveText, type ExprEnvironment } from '../../../../core/expressions';
import { paymentTextsFor } from './paymentView';

/** A payment text in the form's language. */
export function paymentText(env: ExprEnvironment, key: string): string {
  return resolveText(key, { ...env, builtInTexts: { ...paymentTextsFor(env.language ?? 'nb'), ...env.builtInTexts } });
}
