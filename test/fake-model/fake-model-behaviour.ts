/**
 * One tool call the fake model makes. `arguments` is JSON-encoded, except a string, which is sent
 * verbatim so a test can send malformed JSON; when omitted, the arguments are synthesised from the
 * parameter schema of the tool of that name in the request.
 */
export interface FakeToolCall {
  readonly name: string;
  readonly arguments?: unknown;
  /** Defaults to `call_fake_<request>_<index>`. */
  readonly id?: string;
}

/** Usage numbers to report instead of the counted ones. */
export interface FakeUsage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
}

/**
 * How a model answers one request. Every field is optional; `{}` answers
 * "Fake reply to: <last user message>" at once.
 */
export interface FakeModelBehaviour {
  /** The reply, split into word tokens (long words into pieces of at most 12 characters). */
  readonly text?: string;
  /** The reply as exact stream chunks. */
  readonly tokens?: readonly string[];
  /** A reply of this many synthetic tokens (`tok0 tok1 …`), for benchmarks. */
  readonly tokenCount?: number;
  /** Delay before the first token (streaming: headers and the role chunk go out at once). */
  readonly firstTokenLatencyMs?: number;
  /** Delay between consecutive tokens, tool-call pieces included. */
  readonly interTokenDelayMs?: number;
  readonly usage?: FakeUsage;
  /** Made only when the last message is not a `tool` message, so the follow-up turn gets text. */
  readonly toolCalls?: readonly FakeToolCall[];
  /**
   * Make `toolCalls` after a tool result too: a model that never stops calling tools (an agent's
   * `maxSteps` bound, or a scripted chain of tool turns through `enqueue`).
   */
  readonly repeatToolCalls?: boolean;
  /** The reply value when the request asks for JSON (`response_format`); encoded and streamed as text. */
  readonly json?: unknown;
  /** Answer with this HTTP status and an OpenAI error body instead of a completion (200 means normal). */
  readonly status?: number;
  /** Sent as `Retry-After` with an error status. */
  readonly retryAfterSeconds?: number;
  /** Sent as `Retry-After-Ms` with an error status (the `openai` client honours it before `Retry-After`). */
  readonly retryAfterMs?: number;
  /** Replaces the OpenAI error body; a string is sent verbatim. */
  readonly errorBody?: unknown;
  /** Destroys the socket after this many tokens have been sent (0: right after the headers). */
  readonly dropAfterTokens?: number;
  /** Waits this long before sending anything, headers included; `Infinity` waits until close or disconnect. */
  readonly hangMs?: number;
}
