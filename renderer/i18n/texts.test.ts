import { describe, expect, it } from 'vitest';
import en from '../../resources/texts/en.json';
import nb from '../../resources/texts/nb.json';
import { languageFromNavigator, translate } from './texts';

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]))].sort();

describe('studio UI texts', () => {
  it('has the same keys in English and Norwegian bokmål', () => {
    expect(Object.keys(nb).sort()).toEqual(Object.keys(en).sort());
  });

  it('has a non-empty text with the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(nb[key].trim(), key).not.toBe('');
      expect(placeholders(nb[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills in placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'start.recent.openedAt', { when: 'yesterday' })).toBe('Opened yesterday');
    expect(translate('nb', 'overview.problemsMany', { count: 3 })).toBe('3 problemer');
    expect(translate('en', 'newApp.target')).toBe('The app will be created in {dir}');
  });

  it('chooses the word for a number', () => {
    expect(translate('en', 'code.searchCount', { matches: 1, files: 1 })).toBe('1 match in 1 file');
    expect(translate('en', 'code.searchCount', { matches: 3, files: 2 })).toBe('3 matches in 2 files');
    expect(translate('en', 'problems.count', { count: 0 })).toBe('0 problems');
    expect(translate('nb', 'code.searchCount', { matches: 1, files: 1 })).toBe('1 treff i 1 fil');
    expect(translate('nb', 'shell.fileCount', { count: 12 })).toBe('12 filer');
  });

  it('picks the starting language from the browser languages', () => {
    expect(languageFromNavigator(['nb-NO', 'en'])).toBe('nb');
    expect(languageFromNavigator(['nn'])).toBe('nb');
    expect(languageFromNavigator(['no'])).toBe('nb');
    expect(languageFromNavigator(['de-DE', 'en-GB'])).toBe('en');
    expect(languageFromNavigator([])).toBe('en');
  });
});
