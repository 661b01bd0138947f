import en from '../../resources/texts/en.json';
import nb from '../../resources/texts/nb.json';

/** Languages the studio's own UI is written in. */
export type UiLanguage = 'en' | 'nb';
/** The UI languages in the order the language switch lists them. */
export const uiLanguages: readonly UiLanguage[] = ['en', 'nb'];

export type TextKey = keyof typeof en;
export type TextParams = Readonly<Record<string, string | number>>;
/** Looks up a UI text in the current language and fills in its {placeholders}. */
export type Translate = (key: TextKey, params?: TextParams) => string;

const tables: Record<UiLanguage, Readonly<Record<string, string>>> = { en, nb };

const plurals: Record<UiLanguage, Intl.PluralRules> = { en: new Intl.PluralRules('en'), nb: new Intl.PluralRules('nb') };

/**
 * The UI text for `key` in `language`, with `{name}` placeholders replaced and `{name|one|other}`
 * choosing the word for the number `name` (1 file, 2 files); English when a text is missing.
 */
export function translate(language: UiLanguage, key: TextKey, params?: TextParams): string {
  const text = tables[language][key] ?? en[key] ?? key;
  if (!params) return text;
  return text
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in params ? (plurals[language].select(Number(params[name])) === 'one' ? one : other) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The UI language to start with: Norwegian for nb, nn and no browsers, English otherwise. */
export function languageFromNavigator(languages: readonly string[]): UiLanguage {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'nb' || base === 'nn' || base === 'no') return 'nb';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** True for a language the studio UI has texts in. */
export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === 'en' || value === 'nb';
}
