import type { CancelSignal } from './cancel-signal.ts';
import type { JsonSchema } from './json-schema.ts';
import type { TokenUsage } from './token-usage.ts';

/** A tool call the model asked for; `arguments` is the parsed JSON object (a JSON string is accepted too). */
export interface ModelToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: unknown;
}

export interface ModelUserMessage {
  readonly role: 'user';
  readonly content: string;
}

export interface ModelAssistantMessage {
  readonly role: 'assistant';
  readonly content: string;
  readonly toolCalls?: readonly ModelToolCall[];
}

/** The result of one tool call, sent back to the model; `isError` marks a failed call. */
export interface ModelToolMessage {
  readonly role: 'tool';
  readonly toolCallId: string;
  readonly toolName: string;
  readonly result: unknown;
  readonly isError?: boolean;
}

export type ModelMessage = ModelUserMessage | ModelAssistantMessage | ModelToolMessage;

/** A function the model may call, described by a JSON Schema of its arguments. */
export interface ModelToolDefinition {
  readonly name: string;
  readonly description: string;
  readonly parameters: JsonSchema;
}

/** Structured output: the model answers with JSON text that satisfies `schema`. */
export interface ModelOutputSpec {
  readonly name: string;
  readonly schema: JsonSchema;
}

/** One chat call; close to the options of the AI SDK's `streamText`. */
export interface ModelRequest {
  /** `provider:model`, e.g. `alibaba:qwen-plus` or `local:echo`. */
  readonly model: string;
  readonly system?: string;
  readonly messages: readonly ModelMessage[];
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly tools?: readonly ModelToolDefinition[];
  readonly output?: ModelOutputSpec;
}

export type FinishReason =
  | 'stop'
  | 'length'
  | 'tool-calls'
  | 'content-filter'
  | 'error'
  | 'other'
  | 'unknown';

export type ModelStreamPart =
  | { readonly type: 'text-delta'; readonly delta: string }
  /**
   * The port's own try failed before anything was yielded and it will try again after `delayMs`
   * (e.g. a provider's 429 with Retry-After); the engine traces it as a failed attempt of the node.
   */
  | {
      readonly type: 'retry';
      readonly error: { readonly code: string; readonly message: string };
      readonly delayMs: number;
    }
  | ({ readonly type: 'tool-call' } & ModelToolCall)
  | { readonly type: 'finish'; readonly finishReason: FinishReason; readonly usage: TokenUsage };

/**
 * Streaming chat with any provider. The stream yields text as the provider produces it, then tool calls,
 * then one `finish` with the usage. Failures are thrown (a `PortError` carries a stable code).
 */
export interface ModelPort {
  stream(request: ModelRequest, signal: CancelSignal): AsyncIterable<ModelStreamPart>;
}
