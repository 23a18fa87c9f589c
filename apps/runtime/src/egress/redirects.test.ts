import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest } from '@edgeflow/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EgressPolicy, FetchFunction } from './egress-policy.ts';
import { createHttpPort } from './http-port.ts';
import { redirectTo, scriptedFetch } from './testing/scripted-fetch.ts';

// The scripted fetch plays public hosts; anything it does not know goes to the real network, so a
// redirect the egress failed to refuse would really reach the local server and be counted.
let localHits = 0;
let localBase = '';
const server = createServer((_request, response) => {
  localHits += 1;
  response.end('internal secrets');
});

beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  localBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const never = new AbortController().signal;
const ok = () => new Response('ok', { status: 200 });

function portWith(script: Parameters<typeof scriptedFetch>[0], policy: EgressPolicy = {}) {
  const scripted = scriptedFetch(script);
  const fetch: FetchFunction = (input, init) =>
    input in script ? scripted(input, init) : globalThis.fetch(input, init);
  return { port: createHttpPort({ ...policy, fetch }), seen: scripted.seen };
}

function request(url: string, extra: Partial<HttpRequest> = {}): HttpRequest {
  return { method: 'GET', url, headers: {}, timeoutMs: 5000, ...extra };
}

describe('redirects', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/iam/security-credentials/', 'metadata'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'metadata'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
    ['http://0x7f.1/', 'special_address'],
    ['http://[::ffff:127.0.0.1]/', 'special_address'],
    ['http://localhost/', 'local_name'],
    ['file:///etc/passwd', 'scheme_not_allowed'],
    ['http://user:pass@example.net/', 'credentials_in_url'],
  ])('refuses a public host’s redirect to %s before requesting it', async (location, reason) => {
    const { port, seen } = portWith({ 'https://api.example.com/start': redirectTo(location) });
    await expect(port.request(request('https://api.example.com/start'), never)).rejects.toMatchObject({
      code: 'egress_refused',
      reason,
    });
    expect(seen.map((hop) => hop.url)).toEqual(['https://api.example.com/start']);
  });

  it('refuses a redirect to a real server on 127.0.0.1 without connecting to it', async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      const { port } = portWith({
        'https://api.example.com/start': redirectTo(`${localBase}/admin`, status),
      });
      await expect(port.request(request('https://api.example.com/start'), never)).rejects.toMatchObject({
        reason: 'special_address',
        message: expect.stringContaining(`Refused a redirect from https://api.example.com to ${localBase}`),
      });
    }
    expect(localHits).toBe(0);
  });

  it('checks the redirect target’s resolved addresses when the policy can resolve', async () => {
    const { port, seen } = portWith(
      { 'https://api.example.com/start': redirectTo('https://files.example.com/x') },
      { resolve: async (host) => (host === 'files.example.com' ? ['10.0.0.7'] : ['93.184.216.34']) },
    );
    await expect(port.request(request('https://api.example.com/start'), never)).rejects.toMatchObject({
      reason: 'special_address',
      message: expect.stringContaining('files.example.com resolves to 10.0.0.7'),
    });
    expect(seen).toHaveLength(1);
  });

  it('follows relative redirects and keeps credentials on the same origin', async () => {
    const { port, seen } = portWith({
      'https://api.example.com/a/start': redirectTo('../b/next?page=2'),
      'https://api.example.com/b/next?page=2': ok(),
    });
    const response = await port.request(
      request('https://api.example.com/a/start', {
        headers: { authorization: 'Bearer t', 'x-api-key': 'k' },
      }),
      never,
    );
    expect(response.body).toBe('ok');
    expect(seen[1]?.headers).toMatchObject({ authorization: 'Bearer t', 'x-api-key': 'k' });
    expect(seen.every((hop) => hop.init.redirect === 'manual')).toBe(true);
  });

  it('drops Authorization, Cookie and other credential headers when the origin changes', async () => {
    const { port, seen } = portWith({
      'https://api.example.com/start': redirectTo('https://cdn.example.net/file', 307),
      'https://cdn.example.net/file': ok(),
    });
    await port.request(
      request('https://api.example.com/start', {
        method: 'POST',
        body: '{"a":1}',
        headers: {
          Authorization: 'Bearer t',
          Cookie: 'session=1',
          'X-Api-Key': 'k',
          Accept: 'application/json',
          'Content-Type': 'application/json',
          'User-Agent': 'edgeflow',
        },
      }),
      never,
    );
    expect(seen[0]?.headers).toMatchObject({
      authorization: 'Bearer t',
      cookie: 'session=1',
      'x-api-key': 'k',
    });
    expect(seen[1]).toMatchObject({
      method: 'POST',
      body: '{"a":1}',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'user-agent': 'edgeflow' },
    });
    expect(Object.keys(seen[1]?.headers ?? {}).sort()).toEqual(['accept', 'content-type', 'user-agent']);
  });

  it('treats a scheme or port change as a new origin', async () => {
    const { port, seen } = portWith({
      'https://api.example.com/start': redirectTo('https://api.example.com:8443/next'),
      'https://api.example.com:8443/next': ok(),
    });
    await port.request(
      request('https://api.example.com/start', { headers: { authorization: 'Bearer t' } }),
      never,
    );
    expect(seen[1]?.headers.authorization).toBeUndefined();
  });

  it('turns a POST into a GET without body on 303, and on 301/302 as browsers do; 307/308 keep it', async () => {
    for (const [status, method] of [
      [303, 'GET'],
      [301, 'GET'],
      [302, 'GET'],
      [307, 'POST'],
      [308, 'POST'],
    ] as const) {
      const { port, seen } = portWith({
        'https://api.example.com/start': redirectTo('/done', status),
        'https://api.example.com/done': ok(),
      });
      await port.request(
        request('https://api.example.com/start', {
          method: 'POST',
          body: 'x=1',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
        never,
      );
      expect(seen[1]?.method, `status ${status}`).toBe(method);
      expect(seen[1]?.body === undefined, `status ${status}`).toBe(method === 'GET');
      expect(seen[1]?.headers['content-type'] === undefined, `status ${status}`).toBe(method === 'GET');
    }
  });

  it('stops after five redirects by default, and after maxRedirects when set', async () => {
    const loop = { 'https://api.example.com/loop': redirectTo('/loop') };
    const fivefold = portWith(loop);
    await expect(fivefold.port.request(request('https://api.example.com/loop'), never)).rejects.toMatchObject(
      {
        code: 'egress_refused',
        reason: 'too_many_redirects',
        message: 'Stopped after 5 redirects: https://api.example.com redirected once more.',
      },
    );
    expect(fivefold.seen).toHaveLength(6);
    const once = portWith(loop, { maxRedirects: 1 });
    await expect(once.port.request(request('https://api.example.com/loop'), never)).rejects.toMatchObject({
      reason: 'too_many_redirects',
    });
    expect(once.seen).toHaveLength(2);
    const none = portWith(loop, { maxRedirects: 0 });
    await expect(none.port.request(request('https://api.example.com/loop'), never)).rejects.toMatchObject({
      reason: 'too_many_redirects',
    });
    expect(none.seen).toHaveLength(1);
  });

  it('follows exactly five', async () => {
    const script: Record<string, Response> = { 'https://api.example.com/5': ok() };
    for (let hop = 0; hop < 5; hop += 1) script[`https://api.example.com/${hop}`] = redirectTo(`/${hop + 1}`);
    const { port, seen } = portWith(script);
    expect(await port.request(request('https://api.example.com/0'), never)).toMatchObject({ body: 'ok' });
    expect(seen).toHaveLength(6);
  });

  it('refuses a Location that is not a URL, and returns redirects without Location as responses', async () => {
    const { port } = portWith({
      'https://api.example.com/bad': redirectTo('http://[::1'),
      'https://api.example.com/bare': new Response('moved', { status: 302 }),
      'https://api.example.com/choices': new Response('pick', { status: 300, headers: { location: '/x' } }),
    });
    await expect(port.request(request('https://api.example.com/bad'), never)).rejects.toMatchObject({
      reason: 'invalid_redirect',
    });
    expect(await port.request(request('https://api.example.com/bare'), never)).toMatchObject({ status: 302 });
    expect(await port.request(request('https://api.example.com/choices'), never)).toMatchObject({
      status: 300,
    });
  });

  it('respects denyHosts and allowHosts on every hop', async () => {
    const script = { 'https://api.example.com/start': redirectTo('https://tracker.evil.test/') };
    const denied = portWith(script, { denyHosts: ['*.evil.test'] });
    await expect(denied.port.request(request('https://api.example.com/start'), never)).rejects.toMatchObject({
      reason: 'host_denied',
    });
    const narrowed = portWith(script, { allowHosts: ['api.example.com'] });
    await expect(
      narrowed.port.request(request('https://api.example.com/start'), never),
    ).rejects.toMatchObject({
      reason: 'host_not_allowed',
    });
    expect([...denied.seen, ...narrowed.seen]).toHaveLength(2);
  });
});
