import { eventStreamHeaders, forward } from './forward.ts';

/**
 * Forwards `POST` bodies to the fake model and streams the answer back (forward.ts). Any other method
 * answers `ok` (the benchmark's readiness probe).
 */
export default {
  async fetch(request: Request, env: { readonly MODEL_BASE_URL: string }): Promise<Response> {
    if (request.method !== 'POST') return new Response('ok');
    const upstream = await forward(await request.text(), env.MODEL_BASE_URL);
    return new Response(upstream.body, { status: upstream.status, headers: eventStreamHeaders });
  },
};
