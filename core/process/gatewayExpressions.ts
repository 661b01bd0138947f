/**
 * Gateway conditions evaluated as Altinn's backend does (§5.5): no component or row context,
 * `["dataModel", path]` reads the gateway's connected data type (else the data type of the task
 * being left), `["dataModel", path, "type"]` another form data type, `["gatewayAction"]` the action.
 */
import { runExpression, type ExprEnvironment, type InstanceInfo } from '../expressions';
import type { ConditionEvaluator } from './machine';

export interface GatewayData {
  /** Form data by data type (the instance's first element of each form data type). */
  readonly dataModels: Readonly<Record<string, unknown>>;
  /** The data type a task's form reads (its layout set's), used when a gateway names none. */
  readonly dataTypeOfTask?: (taskId: string) => string | null | undefined;
  readonly instance?: InstanceInfo | null;
  readonly language?: string;
}

/** A condition evaluator over the instance's form data. */
export function gatewayExpressionEvaluator(data: GatewayData): ConditionEvaluator {
  return (condition, scope) => {
    const fallback = scope.fromTask ? data.dataTypeOfTask?.(scope.fromTask) : undefined;
    const defaultDataType = scope.gateway.connectedDataTypeId ?? fallback ?? Object.keys(data.dataModels)[0] ?? '';
    const env: ExprEnvironment = {
      dataModels: data.dataModels,
      defaultDataType,
      gatewayAction: scope.action,
      instance: data.instance ?? null,
      ...(data.language ? { language: data.language } : {}),
    };
    const result = runExpression(condition, { env }, 'any');
    return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.error.message };
  };
}
