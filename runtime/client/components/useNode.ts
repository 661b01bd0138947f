/**
 * How a component reads its node: properties (expression results from FormExpressions, else the
 * raw config), texts resolved in its row, its bindings with row indexes, values, and the
 * validation issues its visibility mask shows.
 */
import { isHidden, readDataPath, resolveText, type ComponentNode, type DataModelLocation, type ExprValue } from '../../../core/expressions';
import { componentMask, concreteBindings, isIssueVisible, type ValidationIssue } from '../../../core/validation';
import type { Derived } from '../state/derive';
import { useFormState, useFormStore } from '../state/FormContext';
import type { FormState } from '../state/formStore';
import { messageText } from '../text/messages';

export interface VisibleIssue {
  readonly severity: ValidationIssue['severity'];
  readonly text: string;
}

function rawAt(config: Readonly<Record<string, unknown>>, slot: string): unknown {
  return slot.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), config);
}

/** A property as the runtime sees it now: the expression's last value, or the literal. */
export function propOf(derived: Derived, node: ComponentNode, slot: string): unknown {
  const value: ExprValue | undefined = derived.expressions.valueOf(node.id, slot);
  return value !== undefined ? value : rawAt(node.config, slot);
}

/** A text binding resolved as a key in the node's row (a missing key shows as literal text). */
export function textOf(derived: Derived, node: ComponentNode, binding: string): string | undefined {
  const key = propOf(derived, node, `textResourceBindings.${binding}`);
  return typeof key === 'string' && key !== '' ? resolveText(key, derived.env, node.location) : undefined;
}

/** The issues of a node its mask shows (errors first). */
export function visibleIssuesOf(derived: Derived, node: ComponentNode, mask: number | undefined): VisibleIssue[] {
  const issues = derived.validation.byComponent.get(node.id) ?? [];
  const shown = issues.filter((i) => isIssueVisible(i, mask ?? componentMask(node.config)));
  return shown.map((i) => ({ severity: i.severity, text: messageText(i.message, derived.env, node.location) }));
}

/** What decides whether `node` re-renders: the full-derive epoch, the node's own version and its mask. */
export function nodeVersion(state: FormState, node: ComponentNode): string {
  const derived = state.derived;
  return derived ? `${derived.epoch}:${derived.versions.get(node.id) ?? 0}:${state.masks[node.id] ?? ''}` : '';
}

/** Re-renders the caller only when what `node` shows changes; returns the current derived state. */
export function useNodeState(node: ComponentNode): Derived | undefined {
  const store = useFormStore();
  useFormState((s) => nodeVersion(s, node));
  return store.getState().derived;
}

/** Everything a form component needs from the store. */
export function useNode(node: ComponentNode) {
  const store = useFormStore();
  const derived = useNodeState(node)!;
  const mask = store.getState().masks[node.id];
  const bindings: Record<string, DataModelLocation> = concreteBindings(node, derived.hierarchy.defaultDataType);
  const saveDelay = typeof node.config.saveWhileTyping === 'number' ? node.config.saveWhileTyping : undefined;
  return {
    derived,
    prop: (slot: string) => propOf(derived, node, slot),
    text: (binding: string) => textOf(derived, node, binding),
    hidden: isHidden(node, derived.env),
    // Read-only as configured; a field bound to the data is read-only too when the current task does not let this person write (buttons follow their own actions).
    readOnly: propOf(derived, node, 'readOnly') === true || (Object.keys(bindings).length > 0 && derived.env.process?.currentTask?.write === false),
    required: propOf(derived, node, 'required') === true,
    binding: (key = 'simpleBinding') => bindings[key],
    value: (key = 'simpleBinding'): unknown => {
      const ref = bindings[key];
      return ref ? readDataPath(derived.env.dataModels[ref.dataType], ref.field) : undefined;
    },
    setValue: (value: unknown, key = 'simpleBinding', immediate = false) => {
      const ref = bindings[key];
      if (ref) store.actions.setValue(ref, value, immediate ? 0 : saveDelay);
    },
    issues: visibleIssuesOf(derived, node, mask),
  };
}

export type NodeApi = ReturnType<typeof useNode>;

/** The DOM id of a component's input (error summary links and focus use it). */
export const fieldId = (node: ComponentNode) => `field-${node.id}`;
