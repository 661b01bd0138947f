import { describe, expect, it } from 'vitest';
import { appNameProblem, orgProblem } from '../../../core/app/appName';
import { translate, type TextKey, type TextParams } from '../../i18n/texts';
import { nameProblemText } from './nameProblemText';
import { newAppErrors, targetDir } from './newAppForm';

const tEn = (key: TextKey, params?: TextParams) => translate('en', key, params);
const tNb = (key: TextKey, params?: TextParams) => translate('nb', key, params);

describe('targetDir', () => {
  it('joins the location and the name with the location’s separator', () => {
    expect(targetDir('/home/kari/apps', 'my-app')).toBe('/home/kari/apps/my-app');
    expect(targetDir('/home/kari/apps/', 'my-app')).toBe('/home/kari/apps/my-app');
    expect(targetDir('C:\\Users\\kari', 'my-app')).toBe('C:\\Users\\kari\\my-app');
    expect(targetDir('  /tmp ', 'x')).toBe('/tmp/x');
  });
});

describe('newAppErrors', () => {
  const valid = { org: 'ttd', name: 'my-app', title: 'Mi app', location: '/tmp' };

  it('accepts a valid form', () => {
    expect(newAppErrors(valid, 'en', tEn)).toEqual({});
  });

  it('uses the shared name rule and reports every field', () => {
    const errors = newAppErrors({ org: '', name: 'My App', title: ' ', location: '' }, 'en', tEn);
    expect(errors).toEqual({
      org: orgProblem(''),
      name: appNameProblem('My App'),
      title: 'Enter a title for the app.',
      location: 'Choose the folder to create the app in.',
    });
  });

  it('speaks Norwegian when the UI does', () => {
    expect(newAppErrors({ ...valid, name: '1app' }, 'nb', tNb).name).toBe('Appnavnet «1app» må begynne med en bokstav');
    expect(newAppErrors({ ...valid, title: '' }, 'nb', tNb).title).toBe('Skriv inn en tittel for appen.');
  });
});

describe('nameProblemText', () => {
  const samples = ['', 'A', 'a_b', '1abc', 'abc-', 'ab', 'datamodels', 'a'.repeat(31), 'line\nbreak'];

  it('translates every message the shared rule gives into Norwegian', () => {
    for (const sample of samples) {
      for (const problem of [appNameProblem(sample), orgProblem(sample)]) {
        if (!problem) continue;
        const text = nameProblemText(problem, 'nb', tNb);
        expect(text, problem).not.toBe(problem);
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('keeps English messages and unknown ones as they are', () => {
    const problem = appNameProblem('A')!;
    expect(nameProblemText(problem, 'en', tEn)).toBe(problem);
    expect(nameProblemText('Something new', 'nb', tNb)).toBe('Something new');
  });

  it('fills in the numbers', () => {
    expect(nameProblemText(appNameProblem('a'.repeat(31))!, 'nb', tNb)).toBe(`Appnavnet «${'a'.repeat(31)}» er 31 tegn langt; bruk høyst 30`);
  });
});
