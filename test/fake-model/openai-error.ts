/** OpenAI's error body: every failure the fake sends has this shape unless a test scripts another. */
export interface OpenAiErrorBody {
  readonly error: {
    readonly message: string;
    readonly type: string;
    readonly param: string | null;
    readonly code: string | null;
  };
}

export function openAiError(
  message: string,
  type: string,
  code: string | null = null,
  param: string | null = null,
): OpenAiErrorBody {
  return { error: { message, type, param, code } };
}

/** The body OpenAI sends with a given status, worded so logs show it was scripted. */
export function errorBodyForStatus(status: number): OpenAiErrorBody {
  switch (status) {
    case 400:
      return openAiError('Scripted bad request.', 'invalid_request_error');
    case 401:
      return openAiError(
        'Incorrect API key provided (scripted).',
        'invalid_request_error',
        'invalid_api_key',
      );
    case 404:
      return openAiError('The model does not exist (scripted).', 'invalid_request_error', 'model_not_found');
    case 429:
      return openAiError('Rate limit reached (scripted).', 'requests', 'rate_limit_exceeded');
    case 500:
      return openAiError('The server had an error while processing your request (scripted).', 'server_error');
    case 503:
      return openAiError('The engine is currently overloaded (scripted).', 'server_error');
    default:
      return openAiError(
        `Scripted error with status ${status}.`,
        status >= 500 ? 'server_error' : 'invalid_request_error',
      );
  }
}
