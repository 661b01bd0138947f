// The BPMN process model and the process state machine (§5): pure, used by the runtime's process engine.
export {
  isServiceTask,
  processTasks,
  readProcessModel,
  taskById,
  type EventNode,
  type GatewayNode,
  type PaymentConfig,
  type ProcessModel,
  type ProcessNode,
  type ProcessTaskNode,
  type SequenceFlow,
  type SignatureConfig,
  type TaskAction,
} from './model';
export {
  checkAction,
  defaultAction,
  next,
  start,
  validatesOnLeave,
  type ConditionEvaluator,
  type GatewayScope,
  type MachineState,
  type MoveResult,
  type NextOptions,
  type ProcessError,
  type ProcessErrorCode,
  type ProcessStep,
  type StartOptions,
} from './machine';
export { gatewayExpressionEvaluator, type GatewayData } from './gatewayExpressions';
