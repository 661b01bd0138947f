// What bench/expressions.mjs measures: compiled expressions, a whole form's expressions, incremental
// re-evaluation and validation. Bundled by scripts/loadTs.mjs.
export { buildHierarchy, compileExpression, FormExpressions } from '../core/expressions';
export { compileDataModelSchema, resolveExpressionValidationConfig, validateLayoutSet, validateFormDataWithSchema } from '../core/validation';
