import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpPortError, type HttpRequest } from '@edgeflow/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EgressError } from './egress-error.ts';
import { createHttpPort } from './http-port.ts';

// A real server on 127.0.0.1: reachable only because these tests opt in with `allowPrivate: true`.
const hits: string[] = [];
let base = '';
const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  hits.push(request.url ?? '');
  const url = new URL(request.url ?? '/', 'http://local');
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    switch (url.pathname) {
      case '/json':
        response.writeHead(200, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] });
        response.end(JSON.stringify({ hello: 'world' }));
        return;
      case '/echo':
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            method: request.method,
            headers: request.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        return;
      case '/status':
        response.writeHead(Number(url.searchParams.get('code')), { 'content-type': 'text/plain' });
        response.end('status body');
        return;
      case '/bytes': {
        // Chunked (no Content-Length): only counting while reading can stop it.
        const size = Number(url.searchParams.get('size'));
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 120);
        let sent = 0;
        const write = () => {
          while (sent < size) {
            const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
            sent += part.length;
            if (!response.write(part)) return void response.once('drain', write);
          }
          response.end();
        };
        write();
        return;
      }
      case '/declared':
        response.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
        response.write('a little');
        return; // never finishes: the declared length alone must be enough to refuse
      case '/hang':
        return; // never answers
      case '/stall-body':
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('partial');
        return; // headers and a first chunk, then nothing
      case '/to-metadata':
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        response.end();
        return;
      case '/to-json':
        response.writeHead(301, { location: '/json' });
        response.end();
        return;
      default:
        response.writeHead(404);
        response.end('not found');
    }
  });
});

beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
});

const never = new AbortController().signal;
const local = createHttpPort({ allowPrivate: true });

function get(path: string, extra: Partial<HttpRequest> = {}): HttpRequest {
  return { method: 'GET', url: `${base}${path}`, headers: {}, timeoutMs: 5000, ...extra };
}

async function failure(promise: Promise<unknown>): Promise<EgressError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EgressError);
  return error as EgressError;
}

describe('createHttpPort against a real local server', () => {
  it('with allowPrivate reaches 127.0.0.1 and returns status, headers and body', async () => {
    const response = await local.request(get('/json'), never);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['set-cookie']).toBe('a=1, b=2');
    expect(JSON.parse(response.body)).toEqual({ hello: 'world' });
  });

  it('sends method, headers and body, but not connection-level headers like Host', async () => {
    const response = await local.request(
      get('/echo', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-api-key': 'k',
          host: 'evil.example',
          'transfer-encoding': 'x',
        },
        body: '{"a":1}',
      }),
      never,
    );
    const echoed = JSON.parse(response.body) as {
      method: string;
      headers: Record<string, string>;
      body: string;
    };
    expect(response.status).toBe(201);
    expect(echoed.method).toBe('POST');
    expect(echoed.body).toBe('{"a":1}');
    expect(echoed.headers['x-api-key']).toBe('k');
    expect(echoed.headers.host).toBe(new URL(base).host);
  });

  it('treats any HTTP status as a response', async () => {
    for (const code of [404, 500]) {
      const response = await local.request(get(`/status?code=${code}`), never);
      expect(response).toMatchObject({ status: code, body: 'status body' });
    }
  });

  it('returns an empty body for HEAD', async () => {
    expect(await local.request(get('/json', { method: 'HEAD' }), never)).toMatchObject({
      status: 200,
      body: '',
    });
  });

  it('refuses 127.0.0.1 by default, before connecting', async () => {
    const before = hits.length;
    const error = await failure(createHttpPort().request(get('/json?token=s3cret'), never));
    expect(error).toBeInstanceOf(HttpPortError);
    expect(error).toMatchObject({ code: 'egress_refused', reason: 'special_address', retryable: false });
    expect(error.message).toContain(base);
    expect(error.message).not.toContain('s3cret');
    expect(hits.length).toBe(before);
  });

  it('follows a local redirect with allowPrivate, and still refuses one to metadata', async () => {
    expect(await local.request(get('/to-json'), never)).toMatchObject({ status: 200 });
    const error = await failure(local.request(get('/to-metadata'), never));
    expect(error).toMatchObject({ code: 'egress_refused', reason: 'metadata' });
    expect(error.message).toBe(
      `Refused a redirect from ${base} to http://169.254.169.254: 169.254.169.254 is a cloud metadata address; pipelines may only reach hosts on the public internet.`,
    );
  });

  it('reads a body up to the limit and refuses one past it while streaming', async () => {
    const small = createHttpPort({ allowPrivate: true, maxResponseBytes: 1024 });
    expect((await small.request(get('/bytes?size=1024'), never)).body).toHaveLength(1024);
    const error = await failure(small.request(get('/bytes?size=1025'), never));
    expect(error).toMatchObject({
      code: 'response_too_large',
      reason: 'response_too_large',
      retryable: false,
    });
    expect(error.message).toContain('1024-byte limit');
  });

  it('refuses past the default 5 MiB', async () => {
    const error = await failure(local.request(get(`/bytes?size=${6 * 1024 * 1024}`), never));
    expect(error.code).toBe('response_too_large');
  });

  it('refuses a declared Content-Length over the limit without waiting for the body', async () => {
    const error = await failure(local.request(get('/declared', { timeoutMs: 2000 }), never));
    expect(error.code).toBe('response_too_large');
  });

  it('times out a server that never answers, and one that stalls mid-body', async () => {
    for (const path of ['/hang', '/stall-body']) {
      const started = Date.now();
      const error = await failure(local.request(get(path, { timeoutMs: 150 }), never));
      expect(error).toMatchObject({ code: 'request_timeout', reason: 'timeout', retryable: true });
      expect(error.message).toBe(`The request to ${base} did not finish within 150 ms.`);
      expect(Date.now() - started).toBeLessThan(1500);
    }
  });

  it('caps the request’s timeout with the policy’s', async () => {
    const capped = createHttpPort({ allowPrivate: true, maxTimeoutMs: 100 });
    const error = await failure(capped.request(get('/hang', { timeoutMs: 60_000 }), never));
    expect(error.message).toContain('within 100 ms');
  });

  it('stops when the engine’s signal aborts, with the signal’s reason', async () => {
    const controller = new AbortController();
    const reason = new Error('run cancelled');
    setTimeout(() => controller.abort(reason), 50);
    const started = Date.now();
    await expect(local.request(get('/hang'), controller.signal)).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const before = hits.length;
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(local.request(get('/json'), controller.signal)).rejects.toThrow('gone');
    expect(hits.length).toBe(before);
  });

  it('reports a refused connection as a retryable request_failed without echoing the path', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const error = await failure(
      local.request(
        { method: 'GET', url: `http://127.0.0.1:${port}/x?key=s3cret`, headers: {}, timeoutMs: 2000 },
        never,
      ),
    );
    expect(error).toMatchObject({ code: 'request_failed', reason: 'network', retryable: true });
    expect(error.message).toBe(`The connection to http://127.0.0.1:${port} failed (ECONNREFUSED).`);
  });

  it('refuses a header that is not valid HTTP without echoing its value', async () => {
    const error = await failure(
      local.request(get('/json', { headers: { 'x-token': 'abc\u0000s3cret' } }), never),
    );
    expect(error).toMatchObject({ code: 'egress_refused', reason: 'invalid_request' });
    expect(error.message).toContain('x-token');
    expect(error.message).not.toContain('s3cret');
  });
});
