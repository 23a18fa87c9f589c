/**
 * The bare workers' one job: forward a `POST` body to `MODEL_BASE_URL/chat/completions` and stream the
 * answer back, with the same `Content-Encoding: identity` the platform sends so wrangler dev does not
 * buffer it.
 */
export const eventStreamHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'content-encoding': 'identity',
};

export function forward(body: string, modelBaseUrl: string): Promise<Response> {
  return fetch(`${modelBaseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
}
