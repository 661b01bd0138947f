import type { UiLanguage, Translate, TextKey } from '../../i18n/texts';

// The rule and its English messages live in core/app/appName.ts. Only the wording is translated here,
// by recognising the English message; anything not recognised is shown as it is, so a new rule is never hidden.
const shapes: [RegExp, TextKey][] = [
  [/^(App name|Organisation code) (".*") may only contain lowercase letters, digits and hyphens$/s, 'nameProblem.chars'],
  [/^(App name|Organisation code) (".*") is (\d+) characters long; use at most (\d+)$/s, 'nameProblem.tooLong'],
  [/^(App name|Organisation code) (".*") is too short; use at least (\d+) characters$/s, 'nameProblem.tooShort'],
  [/^(App name|Organisation code) (".*") must start with a letter$/s, 'nameProblem.startLetter'],
  [/^(App name|Organisation code) (".*") must end with a letter or a digit, not a hyphen$/s, 'nameProblem.endHyphen'],
  [/^(App name|Organisation code) (".*") is reserved by Altinn Studio for shared data models; choose another name$/s, 'nameProblem.reserved'],
];

/** A name problem from core/app/appName.ts in the UI language. */
export function nameProblemText(message: string, language: UiLanguage, t: Translate): string {
  if (language === 'en') return message;
  if (message.startsWith('Enter an app name')) return t('nameProblem.appEmpty');
  if (message.startsWith('Enter the organisation')) return t('nameProblem.orgEmpty');
  for (const [pattern, key] of shapes) {
    const m = pattern.exec(message);
    if (!m) continue;
    const subject = t(m[1] === 'App name' ? 'nameProblem.subjectApp' : 'nameProblem.subjectOrg');
    const value = `«${m[2]!.slice(1, -1)}»`;
    const numbers: Record<string, string> = key === 'nameProblem.tooLong' ? { length: m[3]!, max: m[4]! } : key === 'nameProblem.tooShort' ? { min: m[3]! } : {};
    return t(key, { subject, value, ...numbers });
  }
  return message;
}
