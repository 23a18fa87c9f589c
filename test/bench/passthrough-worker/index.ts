/**
 * Forwards `POST` bodies to `MODEL_BASE_URL/chat/completions` (set with `--var`) and streams the answer
 * back, with the same `Content-Encoding: identity` the platform sends so wrangler dev does not buffer it.
 * Any other method answers `ok` (the benchmark's readiness probe).
 */
export default {
  async fetch(request: Request, env: { readonly MODEL_BASE_URL: string }): Promise<Response> {
    if (request.method !== 'POST') return new Response('ok');
    const upstream = await fetch(`${env.MODEL_BASE_URL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: await request.text(),
    });
    return new Response(upstream.body, {
      status: upstream.status,
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'content-encoding': 'identity',
      },
    });
  },
};
