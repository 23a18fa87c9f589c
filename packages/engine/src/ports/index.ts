export type { CancelSignal } from './cancel-signal.ts';
export type { Clock } from './clock.ts';
export type { EnginePorts } from './engine-ports.ts';
export {
  type HttpErrorCode,
  type HttpMethod,
  type HttpPort,
  HttpPortError,
  type HttpRequest,
  type HttpResponse,
} from './http-port.ts';
export type { JsonSchema } from './json-schema.ts';
export type {
  FinishReason,
  ModelAssistantMessage,
  ModelMessage,
  ModelOutputSpec,
  ModelPort,
  ModelRequest,
  ModelStreamPart,
  ModelToolCall,
  ModelToolDefinition,
  ModelToolMessage,
  ModelUserMessage,
} from './model-port.ts';
export { PortError } from './port-error.ts';
export type { RetrievalMode, RetrievalQuery, RetrievedChunk, RetrieverPort } from './retriever-port.ts';
export type { SandboxPort, SandboxRequest, SandboxResult } from './sandbox-port.ts';
export type { SecretsPort } from './secrets-port.ts';
export type { TokenUsage } from './token-usage.ts';
