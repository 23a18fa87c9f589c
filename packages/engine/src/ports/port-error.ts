/**
 * An error a port throws on purpose: `code` is what the run reports (snake_case), `retryable` says
 * whether another try can help (a refused URL cannot; a provider's 503 can).
 * @example throw new PortError('model_not_found', 'No provider serves openai:gpt-9', { retryable: false })
 */
export class PortError extends Error {
  readonly code: string;
  readonly retryable: boolean;

  constructor(
    code: string,
    message: string,
    options: { readonly retryable?: boolean; readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PortError';
    this.code = code;
    this.retryable = options.retryable ?? true;
  }
}
