/**
 * In-memory ports and helpers for tests and benchmarks of anything that runs plans. Not for production:
 * the runtime wires real ports from its bindings.
 */
export { collectEvents } from './collect-events.ts';
export { createFunctionSandbox } from './function-sandbox.ts';
export { createKeywordRetriever, type KeywordDocument, type KeywordRetriever } from './keyword-retriever.ts';
export { createManualClock, type ManualClock } from './manual-clock.ts';
export { documentFrom, type PlanSpec, type PlanSpecEdge, type PlanSpecNode, planFrom } from './plan-from.ts';
export {
  createScriptedHttp,
  type HttpHandler,
  jsonResponse,
  type ScriptedHttp,
} from './scripted-http.ts';
export {
  createScriptedModel,
  type ModelScript,
  type ScriptedModel,
  type ScriptedReply,
  type ScriptedReplySpec,
} from './scripted-model.ts';
export { createTimerClock } from './timer-clock.ts';
