import { describe, expect, it } from 'vitest';
import { appNameProblem, orgProblem } from './appName';

describe('appNameProblem', () => {
  it.each(['abc', 'my-app', 'skjema2', 'a1b', 'a--b', 'x'.repeat(30), 'datamodels2'])('accepts %j', (name) => {
    expect(appNameProblem(name)).toBeNull();
  });

  it('explains the allowed characters', () => {
    expect(appNameProblem('My App')).toBe('App name "My App" may only contain lowercase letters, digits and hyphens');
    expect(appNameProblem('my_app')).toMatch(/only contain lowercase letters, digits and hyphens/);
    expect(appNameProblem('søknad')).toMatch(/only contain/);
    expect(appNameProblem(' app')).toMatch(/only contain/);
  });

  it('asks for a name when empty', () => {
    expect(appNameProblem('')).toMatch(/^Enter an app name/);
  });

  it('limits the length to 30 characters', () => {
    expect(appNameProblem('a'.repeat(31))).toMatch(/31 characters long; use at most 30/);
    expect(appNameProblem('ab')).toMatch(/too short; use at least 3/);
  });

  it('needs a letter first and no trailing hyphen', () => {
    expect(appNameProblem('1app')).toBe('App name "1app" must start with a letter');
    expect(appNameProblem('-app')).toMatch(/must start with a letter/);
    expect(appNameProblem('app-')).toMatch(/must end with a letter or a digit/);
  });

  it('refuses the name Altinn Studio reserves', () => {
    expect(appNameProblem('datamodels')).toMatch(/reserved/);
  });

  it('keeps control characters out of the message', () => {
    const message = appNameProblem('a\nb') ?? '';
    expect(message).not.toContain('\n');
  });
});

describe('orgProblem', () => {
  it.each(['ttd', 'skd', 'digdir', 'ab', 'org-1', 'o'.repeat(30)])('accepts %j', (org) => {
    expect(orgProblem(org)).toBeNull();
  });

  it.each([
    ['', /^Enter the organisation/],
    ['TTD', /only contain lowercase letters, digits and hyphens/],
    ['t d', /only contain/],
    ['t', /too short; use at least 2/],
    ['o'.repeat(31), /use at most 30/],
    ['1org', /must start with a letter/],
    ['org-', /must end with a letter or a digit/],
  ])('refuses %j', (org, message) => {
    expect(orgProblem(org)).toMatch(message);
  });
});
