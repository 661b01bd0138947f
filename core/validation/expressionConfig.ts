/**
 * `models/<dataType>.validation.json` (§4.4) read into a plain list of validations per field key:
 * definitions resolved in file order (a `ref` may only point at an earlier definition), string entries
 * replaced by their definition, `ref` + overrides merged, defaults applied. What the runtime drops with
 * a console warning is dropped here too, and reported as a problem so the studio can show it.
 */
import type { ValidationSeverity } from './types';

/** One resolved validation: invalid when `condition` is true; `message` is a text key, text or string expression. */
export interface ExpressionValidationRule {
  readonly condition: unknown;
  readonly message: unknown;
  readonly severity: ValidationSeverity;
  readonly showImmediately: boolean;
}

/** One field key of the file (as written: usually without row indexes) with its rules in order. */
export interface ExpressionValidationField {
  readonly key: string;
  readonly rules: readonly ExpressionValidationRule[];
}

export interface ExpressionValidationConfig {
  readonly fields: readonly ExpressionValidationField[];
  /** What was dropped and why (unknown references, missing message or condition, wrong shapes). */
  readonly problems: readonly string[];
}

const severities: readonly ValidationSeverity[] = ['error', 'warning', 'info', 'success'];

type Partial = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `{...reference, ...overrides}` without `ref`, as both runtimes merge. */
function merge(reference: Partial | undefined, entry: Partial): Partial {
  const { ref: _ref, ...rest } = entry;
  return { ...(reference ?? {}), ...rest };
}

function complete(entry: Partial, where: string, problems: string[]): ExpressionValidationRule | undefined {
  if (!('message' in entry) || entry.message === undefined || entry.message === null) {
    problems.push(`${where} has no message; it is ignored.`);
    return undefined;
  }
  if (!('condition' in entry) || entry.condition === undefined) {
    problems.push(`${where} has no condition; it is ignored.`);
    return undefined;
  }
  let severity: ValidationSeverity = 'error';
  if (entry.severity !== undefined) {
    if (severities.includes(entry.severity as ValidationSeverity)) severity = entry.severity as ValidationSeverity;
    else problems.push(`${where} has severity ${JSON.stringify(entry.severity)}; use error, warning, info or success (error is used).`);
  }
  return { condition: entry.condition, message: entry.message, severity, showImmediately: entry.showImmediately === true };
}

/** Resolves the definitions of a config, in order; a definition that cannot be resolved is left out. */
function resolveDefinitions(raw: unknown, problems: string[]): Map<string, Partial> {
  const resolved = new Map<string, Partial>();
  if (raw === undefined) return resolved;
  if (!isRecord(raw)) {
    problems.push('"definitions" must be an object of named validations.');
    return resolved;
  }
  for (const [name, definition] of Object.entries(raw)) {
    if (!isRecord(definition)) {
      problems.push(`Definition "${name}" must be an object.`);
      continue;
    }
    let entry: Partial = definition;
    if (typeof definition.ref === 'string') {
      const reference = resolved.get(definition.ref);
      if (!reference) {
        problems.push(`Definition "${name}" refers to "${definition.ref}", which is not defined before it.`);
        continue;
      }
      entry = merge(reference, definition);
    }
    if (complete(entry, `Definition "${name}"`, problems)) resolved.set(name, entry);
  }
  return resolved;
}

/** Reads a `*.validation.json` value (already parsed); never throws. */
export function resolveExpressionValidationConfig(raw: unknown): ExpressionValidationConfig {
  const problems: string[] = [];
  if (!isRecord(raw)) return { fields: [], problems: ['The validation file must hold an object.'] };
  const definitions = resolveDefinitions(raw.definitions, problems);
  const fields: ExpressionValidationField[] = [];
  const validations = raw.validations;
  if (validations !== undefined && !isRecord(validations)) problems.push('"validations" must be an object of field → list of validations.');
  for (const [key, list] of Object.entries(isRecord(validations) ? validations : {})) {
    if (!Array.isArray(list)) {
      problems.push(`validations."${key}" must be a list.`);
      continue;
    }
    const rules: ExpressionValidationRule[] = [];
    list.forEach((item, i) => {
      const where = `validations."${key}"[${i}]`;
      let entry: Partial | undefined;
      if (typeof item === 'string') {
        entry = definitions.get(item);
        if (!entry) problems.push(`${where} refers to "${item}", which is not defined.`);
      } else if (isRecord(item)) {
        const reference = typeof item.ref === 'string' ? definitions.get(item.ref) : undefined;
        if (typeof item.ref === 'string' && !reference) problems.push(`${where} refers to "${item.ref}", which is not defined.`);
        // The frontend keeps the entry's own fields even when its ref is unknown; the backend drops it.
        entry = merge(reference, item);
      } else {
        problems.push(`${where} must be a definition name or an object.`);
      }
      const rule = entry && complete(entry, where, problems);
      if (rule) rules.push(rule);
    });
    fields.push({ key, rules });
  }
  return { fields, problems };
}
