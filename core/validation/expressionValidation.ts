/**
 * Expression validation (§4.4): every field key of a `*.validation.json` is expanded to the concrete
 * paths in the data (one per row), and each rule's condition is evaluated there with `argv 0` and
 * `["value"]` = that path and the caller's location `{dataType, field: path}` (so `dataModel` paths
 * resolve in that row). A true condition is an issue on that path; the message is evaluated the same
 * way. Missing and null values are not validated, and neither are fields that only hidden components
 * show (the backend's rule; the frontend never shows those either).
 */
import { expandPath } from './dataPaths';
import type { ExpressionValidationConfig, ExpressionValidationRule } from './expressionConfig';
import { validationMask } from './masks';
import type { DataReference, ValidationIssue } from './types';

/**
 * Evaluates a validation's condition (`boolean`) or message (`string`) for one concrete field: the
 * caller's location is `field`, `argv 0` and `["value"]` are `field.field`, the default data type is
 * `field.dataType`. A failure yields the default (false / '') as in the runtime.
 */
export type FieldExpressionEvaluator = (expression: unknown, field: DataReference, returnType: 'boolean' | 'string', rule: ExpressionValidationRule) => unknown;

export interface ExpressionValidationInput {
  readonly dataType: string;
  readonly data: unknown;
  readonly config: ExpressionValidationConfig;
  readonly evaluate: FieldExpressionEvaluator;
  /** Fields to leave out (bound only by hidden components). */
  readonly isFieldHidden?: (dataType: string, field: string) => boolean;
}

function isExpressionValue(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && typeof value[0] === 'string';
}

/** The issues of one data element's expression validations, in file order (key, row, rule). */
export function runExpressionValidations(input: ExpressionValidationInput): ValidationIssue[] {
  const { dataType, data, config, evaluate, isFieldHidden } = input;
  const issues: ValidationIssue[] = [];
  for (const { key, rules } of config.fields) {
    if (rules.length === 0) continue;
    for (const path of expandPath(data, key)) {
      if (isFieldHidden?.(dataType, path)) continue;
      const field: DataReference = { dataType, field: path };
      for (const rule of rules) {
        const invalid = isExpressionValue(rule.condition) ? evaluate(rule.condition, field, 'boolean', rule) : rule.condition;
        if (invalid !== true) continue;
        const message = isExpressionValue(rule.message) ? evaluate(rule.message, field, 'string', rule) : rule.message;
        const key = typeof message === 'string' ? message : message === null || message === undefined ? '' : String(message);
        issues.push({
          source: 'expression',
          severity: rule.severity,
          message: { key },
          category: rule.showImmediately ? 0 : validationMask.Expression,
          dataType,
          field: path,
          code: key,
        });
      }
    }
  }
  return issues;
}
