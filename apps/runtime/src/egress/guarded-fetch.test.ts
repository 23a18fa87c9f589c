import { describe, expect, it } from 'vitest';
import { EgressError } from './egress-error.ts';
import { createGuardedFetch } from './guarded-fetch.ts';
import { redirectTo, type SeenRequest, scriptedFetch } from './testing/scripted-fetch.ts';

/** A body of `size` bytes in 256-byte chunks that ends only if `end` is true, erroring when `signal` aborts. */
function streamOf(
  size: number,
  signal: AbortSignal | null | undefined,
  end = true,
): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) {
        if (end) controller.close();
        else
          return new Promise<void>((_resolve, reject) => {
            signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
          });
        return;
      }
      const chunk = new Uint8Array(Math.min(256, size - sent)).fill(97);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
      return undefined;
    },
  });
}

describe('createGuardedFetch', () => {
  it('behaves as fetch for an allowed URL, with Request or URL input', async () => {
    const fetch = scriptedFetch({
      'https://api.example.com/v1/items': (request: SeenRequest) =>
        Response.json({ method: request.method, body: request.body }, { headers: { 'x-request-id': 'r1' } }),
    });
    const guarded = createGuardedFetch({ fetch });
    const response = await guarded(new URL('https://api.example.com/v1/items'), {
      method: 'POST',
      body: '{"a":1}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('r1');
    expect(await response.json()).toEqual({ method: 'POST', body: '{"a":1}' });
    const viaRequest = await guarded(
      new Request('https://api.example.com/v1/items', { method: 'PUT', body: 'b' }),
    );
    expect(await viaRequest.json()).toEqual({ method: 'PUT', body: 'b' });
  });

  it('refuses special addresses, credentials and bad schemes before any request', async () => {
    const fetch = scriptedFetch({});
    const guarded = createGuardedFetch({ fetch });
    for (const [url, reason] of [
      ['http://169.254.169.254/latest/meta-data/', 'metadata'],
      ['http://0177.0.0.1/', 'special_address'],
      ['https://user:pass@api.example.com/', 'credentials_in_url'],
      ['file:///etc/passwd', 'scheme_not_allowed'],
    ] as const) {
      await expect(guarded(url), url).rejects.toMatchObject({ code: 'egress_refused', reason });
    }
    expect(fetch.seen).toHaveLength(0);
  });

  it('follows redirects itself and refuses a redirect to metadata', async () => {
    const fetch = scriptedFetch({
      'https://api.example.com/': redirectTo('http://169.254.169.254/latest/meta-data'),
    });
    await expect(
      createGuardedFetch({ fetch })('https://api.example.com/', { redirect: 'follow' }),
    ).rejects.toMatchObject({
      reason: 'metadata',
    });
    expect(fetch.seen).toHaveLength(1);
    expect(fetch.seen[0]?.init.redirect).toBe('manual');
  });

  it('passes no Workers `cf` options on (resolveOverride would pick another host)', async () => {
    const fetch = scriptedFetch({ 'https://api.example.com/': new Response('ok') });
    const init = { cf: { resolveOverride: 'internal.example.com' } } as RequestInit;
    await createGuardedFetch({ fetch })('https://api.example.com/', init);
    expect(fetch.seen[0]?.init).not.toHaveProperty('cf');
  });

  it('errors the body stream once it passes maxResponseBytes', async () => {
    const fetch = scriptedFetch({
      'https://api.example.com/big': () => new Response(streamOf(4096, undefined)),
      'https://api.example.com/fits': () => new Response(streamOf(1024, undefined)),
    });
    const guarded = createGuardedFetch({ fetch, maxResponseBytes: 1024 });
    expect((await (await guarded('https://api.example.com/fits')).text()).length).toBe(1024);
    const response = await guarded('https://api.example.com/big');
    const error = await response.text().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(EgressError);
    expect(error).toMatchObject({ code: 'response_too_large' });
  });

  it('refuses a declared Content-Length over the limit at once', async () => {
    const fetch = scriptedFetch({
      'https://api.example.com/': new Response('x', { headers: { 'content-length': '999999999' } }),
    });
    await expect(createGuardedFetch({ fetch })('https://api.example.com/')).rejects.toMatchObject({
      code: 'response_too_large',
    });
  });

  it('bounds the whole exchange, body included, by maxTimeoutMs', async () => {
    const fetch = scriptedFetch({
      'https://api.example.com/slow': (request) => new Response(streamOf(10, request.init.signal, false)),
    });
    const response = await createGuardedFetch({ fetch, maxTimeoutMs: 100 })('https://api.example.com/slow');
    await expect(response.text()).rejects.toMatchObject({ code: 'request_timeout', reason: 'timeout' });
  });

  it('ends when the caller’s signal aborts', async () => {
    const fetch = scriptedFetch({
      'https://api.example.com/slow': (request) =>
        new Promise<Response>((_resolve, reject) => {
          request.init.signal?.addEventListener('abort', () => reject(request.init.signal?.reason), {
            once: true,
          });
        }),
    });
    const controller = new AbortController();
    const reason = new Error('caller went away');
    setTimeout(() => controller.abort(reason), 30);
    await expect(
      createGuardedFetch({ fetch })('https://api.example.com/slow', { signal: controller.signal }),
    ).rejects.toBe(reason);
  });

  it('returns null-body statuses without a body', async () => {
    const fetch = scriptedFetch({ 'https://api.example.com/': new Response(null, { status: 204 }) });
    const response = await createGuardedFetch({ fetch })('https://api.example.com/');
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });
});
