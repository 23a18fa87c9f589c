/**
 * The part of Cloudflare's `Ai` binding that `workers-ai-provider` calls. Declared here so this
 * package needs no Workers types; a real `env.AI` satisfies it.
 */
export interface WorkersAiBinding {
  run(model: string, inputs: unknown, options?: unknown): Promise<unknown>;
}

/**
 * The Worker environment variables and bindings that configure model providers (API.md,
 * "Configuration"). Unset and empty values both mean "not configured".
 */
export interface ProviderEnvironment {
  readonly DASHSCOPE_API_KEY?: string | undefined;
  readonly DASHSCOPE_BASE_URL?: string | undefined;
  readonly OPENAI_API_KEY?: string | undefined;
  readonly OPENAI_BASE_URL?: string | undefined;
  readonly OPENAI_COMPATIBLE_BASE_URL?: string | undefined;
  readonly OPENAI_COMPATIBLE_API_KEY?: string | undefined;
  /** Comma-separated model names the compatible server serves, e.g. `deepseek-chat,deepseek-reasoner`. */
  readonly OPENAI_COMPATIBLE_MODELS?: string | undefined;
  /** The Workers AI binding. */
  readonly AI?: WorkersAiBinding | undefined;
}
