/**
 * Visibility masks (§4.6): issues are computed continuously, and each component shows only the
 * categories its mask lets through. The bit values are the frontend's, so masks from
 * `showValidations`, `validateOnNext`, `validateOnSaveRow` and backend `actLikeRequired` combine the
 * same way they do in the runtime.
 */
import type { ValidationIssue, ValidationSeverity } from './types';

/** The frontend's `ValidationMask` bits. */
export const validationMask = {
  Schema: 0x1,
  Component: 0x2,
  Expression: 0x4,
  CustomBackend: 0x8,
  Required: 0x4000,
  AllExceptRequired: 0x3fff,
  All: 0x7fff,
  Backend: 0x8000,
  AllIncludingBackend: 0xffff,
} as const;

export type ValidationMaskName = keyof typeof validationMask;

/** The mask a component starts with when it has no `showValidations`: everything but required. */
export const defaultComponentMask = validationMask.AllExceptRequired;

/** Whether a name is one of the mask names. */
export function isValidationMaskName(name: unknown): name is ValidationMaskName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(validationMask, name);
}

/**
 * The mask for a list of names (`showValidations`, `PageValidation.show`); unknown names are
 * ignored, and an absent list gives the default (`AllExceptRequired`), as the runtime does.
 */
export function maskFromNames(names: unknown, fallback: number = defaultComponentMask): number {
  if (!Array.isArray(names)) return fallback;
  let mask = 0;
  for (const name of names) if (isValidationMaskName(name)) mask |= validationMask[name];
  return mask;
}

/** A component's initial mask from its `showValidations` property. */
export function componentMask(component: Readonly<Record<string, unknown>>): number {
  return maskFromNames(component.showValidations);
}

/** Whether an issue shows under a mask: category 0 always shows, otherwise a bit must match. */
export function isIssueVisible(issue: Pick<ValidationIssue, 'category'>, mask: number): boolean {
  return issue.category === 0 || (issue.category & mask) !== 0;
}

/** A filter for issues visible under `mask`, optionally narrowed to some severities. */
export function visibilityFilter(
  mask: number,
  severities?: readonly ValidationSeverity[],
): (issue: Pick<ValidationIssue, 'category' | 'severity'>) => boolean {
  return (issue) => isIssueVisible(issue, mask) && (!severities || severities.includes(issue.severity));
}

/** The issues visible under `mask` (same order). */
export function filterVisible<T extends Pick<ValidationIssue, 'category'>>(issues: readonly T[], mask: number): T[] {
  return issues.filter((issue) => isIssueVisible(issue, mask));
}
