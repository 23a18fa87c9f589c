/** What this module needs of an `ApiError` (typed here, so api-error.ts and this file import in one direction). */
interface ErrorAnswer {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
  readonly headers: Record<string, string>;
}

/** The routes that answer errors in OpenAI's shape rather than the contract's (issue 5). */
export const isOpenAiPath = (path: string) => path === '/v1/chat/completions' || path === '/v1/models';

function openAiType(error: ErrorAnswer): string {
  if (error.code === 'budget_exhausted') return 'insufficient_quota';
  if (error.status === 429) return 'requests';
  if (error.status === 401) return 'invalid_request_error';
  if (error.status === 403) return 'permission_error';
  if (error.status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/** Codes OpenAI clients know, where ours mean the same. */
const openAiCodes: Record<string, string> = {
  unauthorized: 'invalid_api_key',
  rate_limited: 'rate_limit_exceeded',
};

/**
 * An error as OpenAI's API answers it, `{ error: { message, type, param, code } }`, with the same
 * status and headers (Retry-After) as the contract's answer would have.
 * @example openAiErrorResponse(new ApiError(404, 'model_not_found', 'No such model.'))
 */
export function openAiErrorResponse(error: ErrorAnswer): Response {
  const param = typeof error.details.param === 'string' ? error.details.param : null;
  const body = {
    error: {
      message: error.message,
      type: openAiType(error),
      param,
      code: openAiCodes[error.code] ?? error.code,
    },
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...error.headers,
    },
  });
}
