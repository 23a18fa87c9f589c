import { errorBody } from '@edgeflow/api';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isOpenAiPath, openAiErrorResponse } from '../openai/openai-error.ts';

/**
 * A failure a route turns into the contract's one error shape; thrown anywhere below a route and
 * answered by the app's error handler.
 * @example throw new ApiError(404, 'not_found', 'No app app_123.')
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) =>
  new ApiError(404, 'not_found', `${what} does not exist or is not yours.`);

/** The JSON answer of an error, with `Cache-Control: no-store`. */
export function errorResponse(error: ApiError): Response {
  return new Response(JSON.stringify(errorBody(error.code, error.message, error.details)), {
    status: error.status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...error.headers,
    },
  });
}

/**
 * Hono's onError: our errors as they are; anything else a 500 without a stack trace. The OpenAI
 * endpoint answers in OpenAI's error shape instead, so OpenAI clients raise their usual errors.
 */
export function handleError(error: Error, context: Context): Response {
  const respond = isOpenAiPath(context.req.path) ? openAiErrorResponse : errorResponse;
  if (error instanceof ApiError) return respond(error);
  // Logged for the operator (wrangler tail); never sent to the caller, and never with request data.
  console.error(
    `unhandled error on ${context.req.method} ${new URL(context.req.url).pathname}: ${error.name}: ${error.message}`,
  );
  return respond(
    new ApiError(500, 'internal_error', 'Something went wrong on our side; the request was not completed.'),
  );
}
