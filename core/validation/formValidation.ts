/**
 * All frontend validation of one form state in one call: schema, invalid data, required, component
 * rules, expression validations and attachment constraints, mapped to the component instances that
 * show them. Pure: the caller brings the runtime hierarchy as `ValidationNode`s and the evaluators
 * (see `engine.ts` for the ones built on core/expressions).
 */
import { validateDataElements } from './attachmentValidation';
import { invalidDataIssues, validateComponent } from './componentValidation';
import { valueAtPath } from './dataPaths';
import type { ExpressionValidationConfig } from './expressionConfig';
import { type FieldExpressionEvaluator, runExpressionValidations } from './expressionValidation';
import { hiddenFieldTest, issuesByComponent, type MappedIssue, mapIssuesToComponents } from './issueMapping';
import { validateRequired } from './requiredValidation';
import { compileDataModelSchema, type SchemaError, schemaErrorsOf, schemaIssues } from './schemaValidation';
import type { AttachmentInfo, DataTypeConstraints, NodePropertyEvaluator, ValidationIssue, ValidationNode } from './types';

/** One data model of the form: its data, and optionally its schema (or its schema errors) and validation file. */
export interface FormDataModel {
  readonly data: unknown;
  readonly schema?: Readonly<Record<string, unknown>>;
  /**
   * Schema errors found elsewhere (`findSchemaErrors` on a server), for pages whose CSP forbids
   * compiling the schema; used when `schema` is absent and mapped exactly as the schema's own.
   */
  readonly schemaErrors?: readonly SchemaError[];
  /** `applicationmetadata.json → dataTypes[].appLogic.classRef` (finds the schema's root element). */
  readonly classRef?: string;
  readonly expressionValidation?: ExpressionValidationConfig;
  /** Values the user typed that the model could not hold, by path. */
  readonly invalidData?: Readonly<Record<string, unknown>>;
}

export interface FormValidationInput {
  /** Every component instance of the layout set (hidden ones included: they decide hidden fields). */
  readonly nodes: readonly ValidationNode[];
  /** Data models by data type. */
  readonly dataModels: Readonly<Record<string, FormDataModel>>;
  readonly evaluateProperty: NodePropertyEvaluator;
  /** Needed when any model has an expression validation config. */
  readonly evaluateForField?: FieldExpressionEvaluator;
  readonly attachments?: readonly AttachmentInfo[];
  /** Data types whose element counts, sizes and content types the backend checks (§4.9). */
  readonly dataTypeConstraints?: readonly DataTypeConstraints[];
  readonly now?: Date;
  readonly language?: string;
}

export interface FormValidationResult {
  /** Every issue with the components showing it, in source order (schema, invalid data, required, component, expression, backend). */
  readonly issues: readonly MappedIssue[];
  /** Component id → its issues. */
  readonly byComponent: ReadonlyMap<string, readonly ValidationIssue[]>;
  /** Issues no visible component shows (the error report lists them as text). */
  readonly unmapped: readonly ValidationIssue[];
  /** Why a schema could not be used, per data type. */
  readonly schemaProblems: Readonly<Record<string, string>>;
}

/** Runs every frontend validation of a form state and maps the results to components. */
export function validateForm(input: FormValidationInput): FormValidationResult {
  const { nodes, dataModels, evaluateProperty } = input;
  const read = (dataType: string, field: string) => valueAtPath(dataModels[dataType]?.data, field);
  const issues: ValidationIssue[] = [];
  const schemaProblems: Record<string, string> = {};

  for (const [dataType, model] of Object.entries(dataModels)) {
    if (!model.schema) {
      if (model.schemaErrors) issues.push(...schemaIssues(model.schemaErrors, dataType));
      continue;
    }
    const compiled = compileDataModelSchema(model.schema, model.classRef);
    if (compiled.problem) schemaProblems[dataType] = compiled.problem;
    issues.push(...schemaIssues(schemaErrorsOf(compiled, model.data), dataType));
  }
  for (const [dataType, model] of Object.entries(dataModels)) {
    if (model.invalidData) issues.push(...invalidDataIssues(dataType, model.invalidData));
  }
  for (const node of nodes) issues.push(...validateRequired(node, read, evaluateProperty));
  const componentContext = { read, evaluate: evaluateProperty, attachments: input.attachments, now: input.now, language: input.language };
  for (const node of nodes) issues.push(...validateComponent(node, componentContext));

  const isFieldHidden = hiddenFieldTest(nodes);
  for (const [dataType, model] of Object.entries(dataModels)) {
    if (!model.expressionValidation || !input.evaluateForField) continue;
    issues.push(
      ...runExpressionValidations({ dataType, data: model.data, config: model.expressionValidation, evaluate: input.evaluateForField, isFieldHidden }),
    );
  }
  if (input.dataTypeConstraints) issues.push(...validateDataElements(input.dataTypeConstraints, input.attachments ?? []));

  const mapped = mapIssuesToComponents(issues, nodes);
  return {
    issues: mapped,
    byComponent: issuesByComponent(mapped),
    unmapped: mapped.filter((m) => m.componentIds.length === 0).map((m) => m.issue),
    schemaProblems,
  };
}
