// The expression language: static checks, compilation to closures, evaluation exactly like Altinn's
// runtime (frontend v4 + backend v8), the runtime hierarchy it resolves components in, and dependencies.
export type {
  CompiledExpression,
  DataElementInfo,
  DataModelLocation,
  DataPathDependency,
  EvalResult,
  EvaluateOptions,
  ExprContext,
  ExprContextKind,
  ExprDependencies,
  ExprEnvironment,
  ExprError,
  ExprScalar,
  ExprValue,
  InstanceInfo,
  OptionItem,
  ProcessInfo,
  TextResource,
  TextVariable,
  ValueArguments,
} from './types';
export type {
  ComponentConfig,
  ComponentDefinition,
  ComponentNode,
  Hierarchy,
  HierarchyNode,
  PageFile,
  PageNode,
  RowInfo,
} from './hierarchy/types';
export type { ExprType, FunctionSignature, ExpressionFunctionName } from './functionTable';
export { expressionFunctions, functionSignature, compareOperators } from './functionTable';
export { checkExpression, looksLikeExpression, inferReturnType, type ExprProblem, type ExprCheckOptions, type BackendUse } from './staticCheck';
export { castValue, parseNumber, ExprCastError } from './coercion';
export { compileExpression, isExpression } from './compile';
export { evaluateExpression, runExpression, evaluateForDataPath, evaluateForNode, type DataPathArguments } from './evaluate';
export { buildHierarchy, type BuildHierarchyOptions } from './hierarchy/build';
export { updateRows, type RowsUpdate } from './hierarchy/rows';
export { narrowChanges } from './dataChanges';
export { isHidden, isPageHidden } from './hierarchy/hidden';
export { findNode, resolveComponentId } from './hierarchy/lookup';
export { transposeDataPath, stripIndexes, readDataPath, splitDataPath, concretePaths, bindingLocation } from './dataPath';
export { dependsOnDataPath, expandDependencies, type ExpandedDependencies } from './dependencies';
export { resolveText, textDependencies } from './texts';
export { formatDate } from './formatDate';
export { FormExpressions, type FormExpression } from './formExpressions';
