/**
 * What the expression builder tells about an expression: the static check in plain words, and its
 * value for the preview's current form data (or empty data) at the component it belongs to.
 */
import type { AppModel } from '../../../../core/app/model/types';
import type { ExprResult } from '../../../../core/catalog';
import { checkExpression, runExpression, type ExprValue } from '../../../../core/expressions';
import { hierarchyOf, type LayoutSetContext } from './layoutSetContext';

/** The static problems of an expression for a slot returning `result`, as sentences. */
export function expressionProblems(json: unknown, result: ExprResult): { readonly severity: 'error' | 'warning'; readonly message: string }[] {
  if (!Array.isArray(json)) return [];
  return checkExpression(json, result).map((p) => ({ severity: p.severity, message: p.path.length > 0 ? `${p.message} (argument ${p.path.join(' → ')})` : p.message }));
}

export type Evaluation = { readonly ok: true; readonly value: ExprValue } | { readonly ok: false; readonly message: string };

/**
 * The value of `json` for component `componentId` when the set's default data type holds `data`
 * (the first row's instance inside repeating groups), as the runtime would compute it.
 */
export function evaluateAt(model: AppModel, context: LayoutSetContext, componentId: string, json: unknown, result: ExprResult, data: unknown, language: string): Evaluation {
  try {
    const hierarchy = hierarchyOf(context, data);
    const node = hierarchy.instancesOf.get(componentId)?.[0];
    const textResources = model.textFiles.find((t) => t.language === language)?.resources.map((r) => ({ id: r.id, value: r.value })) ?? [];
    const env = { dataModels: { [hierarchy.defaultDataType]: data ?? {} }, defaultDataType: hierarchy.defaultDataType, hierarchy, language, textResources };
    const outcome = runExpression(json, node ? { env, node } : { env }, result);
    return outcome.ok ? { ok: true, value: outcome.value } : { ok: false, message: outcome.error.message };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
