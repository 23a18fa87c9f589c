/**
 * Why a request to the runtime did not succeed, in the terms the visitor is told about:
 * - `rate-limited`: 429; try again after `retryAfterSeconds`;
 * - `refused`: this site may not use the chat (403, or a CORS refusal while the service is up);
 * - `unavailable`: the service is down or unreachable (5xx, network);
 * - `not-found`: the app or conversation is gone (404);
 * - `rejected`: any other 4xx, with the service's own message.
 */
export type RequestFailure =
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number }
  | { readonly kind: 'refused' | 'unavailable' | 'not-found' }
  | { readonly kind: 'rejected'; readonly message: string };

/** Thrown by the widget's API calls; `failure` says what to tell the visitor. */
export class RequestFailureError extends Error {
  override readonly name = 'RequestFailureError';

  constructor(readonly failure: RequestFailure) {
    super(`Request failed: ${failure.kind}`);
  }
}

/**
 * Seconds to wait from a `Retry-After` header (delay-seconds or an HTTP date), at least 1; 60 when
 * the header is missing or unreadable, so the visitor is never told "try again in 0 seconds".
 * @example retryAfterSeconds('12', Date.now()) // 12
 */
export function retryAfterSeconds(header: string | null, now: number): number {
  const value = header?.trim() ?? '';
  if (/^\d+$/.test(value)) return Math.max(1, Number(value));
  // An HTTP date always names its month; a bare number like -5 would parse as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return 60;
  return Math.max(1, Math.ceil((date - now) / 1000));
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
    return typeof message === 'string' ? message : response.statusText;
  } catch {
    return response.statusText;
  }
}

/**
 * What a non-2xx answer means for the visitor.
 * @example await failureOf(new Response(null, { status: 429, headers: { 'Retry-After': '5' } }), Date.now())
 */
export async function failureOf(response: Response, now: number): Promise<RequestFailure> {
  const { status } = response;
  if (status === 429)
    return {
      kind: 'rate-limited',
      retryAfterSeconds: retryAfterSeconds(response.headers.get('retry-after'), now),
    };
  if (status === 401 || status === 403) return { kind: 'refused' };
  if (status === 404) return { kind: 'not-found' };
  if (status >= 500) return { kind: 'unavailable' };
  return { kind: 'rejected', message: await errorMessage(response) };
}
