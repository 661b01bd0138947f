// Validation of form data exactly as Altinn's runtime does it (§4): JSON schema, required, component
// rules, `*.validation.json` expressions and attachment constraints, mapped to component instances
// and filtered by visibility masks.
export type {
  AttachmentInfo,
  DataReference,
  DataTypeConstraints,
  MessageParam,
  NodePropertyEvaluator,
  ValidationIssue,
  ValidationMessage,
  ValidationNode,
  ValidationSeverity,
  ValidationSource,
} from './types';
export {
  componentMask,
  defaultComponentMask,
  filterVisible,
  isIssueVisible,
  isValidationMaskName,
  maskFromNames,
  validationMask,
  visibilityFilter,
  type ValidationMaskName,
} from './masks';
export { expandPath, isPathWithin, parsePath, pointerToPath, rowIndexesOf, valueAtPath, type PathSegment } from './dataPaths';
export {
  compileDataModelSchema,
  findSchemaErrors,
  rootElementPath,
  schemaErrorParam,
  schemaErrorTextKey,
  schemaErrorsOf,
  schemaIssues,
  validateFormDataWithSchema,
  validateWithSchema,
  type CompiledSchema,
  type SchemaError,
  type SchemaErrorReport,
} from './schemaValidation';
export { isValidDate } from './schemaFormats';
export {
  resolveExpressionValidationConfig,
  type ExpressionValidationConfig,
  type ExpressionValidationField,
  type ExpressionValidationRule,
} from './expressionConfig';
export { runExpressionValidations, type ExpressionValidationInput, type FieldExpressionEvaluator } from './expressionValidation';
export { fieldNameKey, isEmptyValue, isRequired, validateRequired, type DataReader } from './requiredValidation';
export {
  attachmentsOfNode,
  dateConstraint,
  datepickerFormat,
  invalidDataIssues,
  parseIsoDate,
  validateComponent,
  type ComponentValidationContext,
} from './componentValidation';
export { contentTypeAllowed, validateDataElements } from './attachmentValidation';
export { componentsByField, hiddenFieldTest, issuesByComponent, mapIssuesToComponents, type MappedIssue } from './issueMapping';
export { validateForm, type FormDataModel, type FormValidationInput, type FormValidationResult } from './formValidation';
export {
  concreteBindings,
  fieldExpressionEvaluator,
  nodePropertyEvaluator,
  validateLayoutSet,
  validationNodesOf,
  type LayoutSetValidationInput,
} from './engine';
export {
  conformanceIssues,
  parseConformanceCase,
  runConformanceCase,
  runConformanceFiles,
  type ConformanceCase,
  type ConformanceIssue,
  type ConformanceResult,
} from './conformance';
