/**
 * The bridge from core/expressions to validation: the runtime hierarchy as `ValidationNode`s (bindings
 * moved into their rows, hidden state as the runtime computes it) and the two evaluators validation
 * needs — node properties in the node's row context, and expression validations at a data path.
 */
import { evaluateForDataPath, evaluateForNode, isHidden, transposeDataPath, type ComponentNode, type DataModelLocation, type ExprEnvironment, type ExprType, type Hierarchy } from '../expressions';
import type { FieldExpressionEvaluator } from './expressionValidation';
import { type FormValidationInput, type FormValidationResult, validateForm } from './formValidation';
import type { DataReference, NodePropertyEvaluator, ValidationNode } from './types';

/** A binding value (`"a.b"` or `{dataType, field}`) as a reference in the default data type. */
function bindingReference(raw: unknown, defaultDataType: string): DataModelLocation | undefined {
  if (typeof raw === 'string') return raw ? { dataType: defaultDataType, field: raw } : undefined;
  if (raw === null || typeof raw !== 'object') return undefined;
  const { dataType, field } = raw as { dataType?: unknown; field?: unknown };
  if (typeof field !== 'string' || field === '') return undefined;
  return { dataType: typeof dataType === 'string' && dataType !== '' ? dataType : defaultDataType, field };
}

/** A node's bindings with its row indexes filled in (`people.age` in row 1 → `people[1].age`). */
export function concreteBindings(node: ComponentNode, defaultDataType: string): Readonly<Record<string, DataReference>> {
  // Instances never change (rows that stay keep theirs), and this runs for every instance on every
  // keystroke (validation, re-render tracking), so the answer is kept with the instance.
  const cached = bindingCache.get(node);
  if (cached?.defaultDataType === defaultDataType) return cached.bindings;
  const raw = node.config.dataModelBindings;
  const out: Record<string, DataReference> = {};
  if (raw !== null && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      const reference = bindingReference(value, defaultDataType);
      if (reference) out[key] = transposeDataPath(reference, node.location);
    }
  }
  bindingCache.set(node, { defaultDataType, bindings: out });
  return out;
}

const bindingCache = new WeakMap<ComponentNode, { readonly defaultDataType: string; readonly bindings: Readonly<Record<string, DataReference>> }>();

/** Every component instance of a hierarchy, in layout order, as validation sees it. */
export function validationNodesOf(hierarchy: Hierarchy, env: ExprEnvironment): ValidationNode[] {
  const out: ValidationNode[] = [];
  for (const node of hierarchy.nodes.values()) {
    out.push({
      id: node.id,
      baseId: node.baseId,
      type: node.canonicalType ?? node.type,
      pageName: node.pageId,
      hidden: isHidden(node, env),
      bindings: concreteBindings(node, hierarchy.defaultDataType),
      component: node.config,
      rowIndexes: node.rowIndices,
    });
  }
  return out;
}

/** What each expression-capable property validation reads must evaluate to. */
function returnTypeOf(property: string): ExprType {
  if (property === 'required' || property === 'readOnly' || property === 'hidden') return 'boolean';
  if (property === 'minNumberOfAttachments' || property === 'maxNumberOfAttachments') return 'number';
  return property.startsWith('textResourceBindings.') || property === 'minDate' || property === 'maxDate' ? 'string' : 'any';
}

/** Evaluates node properties (`required`, `minDate`, …) in each node's row context. */
export function nodePropertyEvaluator(hierarchy: Hierarchy, env: ExprEnvironment): NodePropertyEvaluator {
  return (node, property, value, fallback) => {
    if (value === undefined || value === null) return fallback;
    const target = hierarchy.nodes.get(node.id);
    if (!target || !Array.isArray(value)) return value;
    const result = evaluateForNode(value, env, target, { returnType: returnTypeOf(property), defaultValue: fallback as never });
    return result === null ? fallback : result;
  };
}

/** Evaluates expression validations at a data path: `argv 0` and `["value"]` = the path, its data type the default. */
export function fieldExpressionEvaluator(env: ExprEnvironment): FieldExpressionEvaluator {
  return (expression, field, returnType) =>
    evaluateForDataPath(expression, env, field, {}, { returnType, defaultValue: returnType === 'boolean' ? false : '' });
}

export interface LayoutSetValidationInput extends Omit<FormValidationInput, 'nodes' | 'evaluateProperty' | 'evaluateForField'> {
  /** The hierarchy of the layout set for the current data (`buildHierarchy`). */
  readonly hierarchy: Hierarchy;
  /** The environment the hierarchy's expressions run in (same data as `dataModels`). */
  readonly env: ExprEnvironment;
}

/** Validates a layout set's form state with the runtime hierarchy and expression engine. */
export function validateLayoutSet(input: LayoutSetValidationInput): FormValidationResult {
  const { hierarchy, env, ...rest } = input;
  return validateForm({
    ...rest,
    nodes: validationNodesOf(hierarchy, env),
    evaluateProperty: nodePropertyEvaluator(hierarchy, env),
    evaluateForField: fieldExpressionEvaluator(env),
  });
}
