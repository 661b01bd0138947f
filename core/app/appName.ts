// Names for a new Altinn app. The app name follows Altinn Studio's own rule (designer backend
// `^(?!datamodels$)[a-z]+[a-z0-9-]+[a-z0-9]$`, dashboard limit 30 characters), so an app made here can be
// pushed to Altinn Studio under the same name. Consecutive hyphens are allowed there, so they are here.

/** Longest app name Altinn Studio accepts. */
export const APP_NAME_MAX_LENGTH = 30;
/** Shortest app name Altinn Studio accepts (its pattern needs a first letter, a middle and a last character). */
export const APP_NAME_MIN_LENGTH = 3;
/** Longest service-owner (org) code accepted. */
export const ORG_MAX_LENGTH = 30;
/** Shortest service-owner (org) code accepted. */
export const ORG_MIN_LENGTH = 2;

// Altinn Studio keeps `<org>/datamodels` for the organisation's shared data models.
const RESERVED_APP_NAMES = new Set(['datamodels']);

/** Why `name` cannot be an Altinn app name, as a message for the user, or null when it can. */
export function appNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter an app name, for example "my-first-app".';
  const quoted = quote(name);
  if (!/^[a-z0-9-]+$/.test(name)) {
    return `App name ${quoted} may only contain lowercase letters, digits and hyphens`;
  }
  if (name.length > APP_NAME_MAX_LENGTH) {
    return `App name ${quoted} is ${name.length} characters long; use at most ${APP_NAME_MAX_LENGTH}`;
  }
  if (!/^[a-z]/.test(name)) return `App name ${quoted} must start with a letter`;
  if (name.endsWith('-')) return `App name ${quoted} must end with a letter or a digit, not a hyphen`;
  if (name.length < APP_NAME_MIN_LENGTH) {
    return `App name ${quoted} is too short; use at least ${APP_NAME_MIN_LENGTH} characters`;
  }
  if (RESERVED_APP_NAMES.has(name)) {
    return `App name ${quoted} is reserved by Altinn Studio for shared data models; choose another name`;
  }
  return null;
}

/** Why `org` cannot be a service-owner code, as a message for the user, or null when it can. */
export function orgProblem(org: string): string | null {
  if (org.length === 0) return 'Enter the organisation (service owner) code, for example "ttd".';
  const quoted = quote(org);
  if (!/^[a-z0-9-]+$/.test(org)) {
    return `Organisation code ${quoted} may only contain lowercase letters, digits and hyphens`;
  }
  if (org.length > ORG_MAX_LENGTH) {
    return `Organisation code ${quoted} is ${org.length} characters long; use at most ${ORG_MAX_LENGTH}`;
  }
  if (org.length < ORG_MIN_LENGTH) {
    return `Organisation code ${quoted} is too short; use at least ${ORG_MIN_LENGTH} characters`;
  }
  if (!/^[a-z]/.test(org)) return `Organisation code ${quoted} must start with a letter`;
  if (org.endsWith('-')) return `Organisation code ${quoted} must end with a letter or a digit, not a hyphen`;
  return null;
}

// Keeps a pasted name with a line break or control character readable inside one message line.
function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  const printable = [...shown].map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c)).join('');
  return `"${printable}"`;
}
