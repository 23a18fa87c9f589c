/** Tokens a model call consumed, as providers report them. */
export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}
