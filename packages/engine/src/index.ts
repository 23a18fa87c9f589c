export type { ChatTurn } from './chat-history.ts';
export { createEchoModel, type EchoModelOptions, echoModelId } from './echo-model.ts';
export * from './ports/index.ts';
export { type RunEvents, type RunOptions, run } from './run.ts';
export type {
  NodeAttempt,
  NodeEndEvent,
  NodeStartEvent,
  NodeStatus,
  RunEndEvent,
  RunError,
  RunEvent,
  RunEventType,
  RunStartEvent,
  RunStatus,
  TextDeltaEvent,
} from './run-event.ts';
export { defaultRunLimits, type RunLimits, resolveRunLimits, runLimitCeilings } from './run-limits.ts';
export { secretMask } from './secret-vault.ts';
export { type InputIssue, type InputValidation, validateInputs } from './validate-inputs.ts';
