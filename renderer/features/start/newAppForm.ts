import { appNameProblem, orgProblem } from '../../../core/app/appName';
import type { Translate, UiLanguage } from '../../i18n/texts';
import { nameProblemText } from './nameProblemText';

export interface NewAppFields {
  readonly org: string;
  readonly name: string;
  readonly title: string;
  readonly location: string;
}

export type NewAppErrors = Partial<Record<keyof NewAppFields, string>>;

/** The folder the new app goes into: `location/name`, with the location's own separator. */
export function targetDir(location: string, name: string): string {
  const trimmed = location.trim();
  if (!trimmed) return name;
  const separator = trimmed.includes('\\') && !trimmed.includes('/') ? '\\' : '/';
  return trimmed.endsWith(separator) ? `${trimmed}${name}` : `${trimmed}${separator}${name}`;
}

/** What is wrong with each field, in the UI language; an empty object when the form can be sent. */
export function newAppErrors(fields: NewAppFields, language: UiLanguage, t: Translate): NewAppErrors {
  const errors: NewAppErrors = {};
  const org = orgProblem(fields.org);
  if (org) errors.org = nameProblemText(org, language, t);
  const name = appNameProblem(fields.name);
  if (name) errors.name = nameProblemText(name, language, t);
  if (!fields.title.trim()) errors.title = t('newApp.titleMissing');
  if (!fields.location.trim()) errors.location = t('newApp.locationMissing');
  return errors;
}
