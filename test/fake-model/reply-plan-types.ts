/** A tool call as it appears, complete, in a non-streaming reply. */
export interface PlannedToolCall {
  readonly id: string;
  readonly name: string;
  /** JSON text, as OpenAI sends it. */
  readonly arguments: string;
}

/** One streamed unit; each is preceded by the first-token or the inter-token delay. */
export type ReplyDelta =
  | { readonly kind: 'content'; readonly text: string }
  | { readonly kind: 'tool-call-start'; readonly index: number; readonly id: string; readonly name: string }
  | { readonly kind: 'tool-call-arguments'; readonly index: number; readonly text: string };

export type FinishReason = 'stop' | 'length' | 'tool_calls';

export interface ReplyUsage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
}

/** Everything a reply will say, decided before any byte is sent; streamed and non-streamed alike. */
export interface ReplyPlan {
  readonly deltas: readonly ReplyDelta[];
  /** Null when the reply is tool calls only, as in OpenAI's non-streaming `message.content`. */
  readonly content: string | null;
  readonly toolCalls: readonly PlannedToolCall[];
  readonly finishReason: FinishReason;
  readonly usage: ReplyUsage;
}
