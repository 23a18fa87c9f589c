import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeCases } from '../../test/client-route-cases.ts';
import * as examples from '../../test/examples.ts';
import { type RecordedRequest, sendJson, startServer, type TestServer } from '../../test/http-server.ts';
import { createClient, routes } from '../index.ts';

let server: TestServer;
let answers = new Map<string, (request: RecordedRequest, response: ServerResponse) => void>();

beforeAll(async () => {
  server = await startServer((request, response) => {
    const answer = answers.get(`${request.method} ${request.url}`);
    if (answer === undefined)
      sendJson(response, 404, { error: { code: 'not_found', message: 'No route.', details: {} } });
    else answer(request, response);
  });
});
afterAll(() => server.close());

function lastRequest(): RecordedRequest {
  const request = server.requests.at(-1);
  if (request === undefined) throw new Error('no request reached the server');
  return request;
}

describe('createClient', () => {
  it.each(routeCases)('$name calls $method $url and validates the answer', async (route) => {
    answers = new Map([
      [
        `${route.method} ${route.url}`,
        (_request, response) => {
          if (route.answer === undefined) response.writeHead(204).end();
          else sendJson(response, route.answer.status, route.answer.json);
        },
      ],
    ]);
    const client = createClient({
      baseUrl: `${server.baseUrl}/`,
      key: 'admin-token',
      headers: { 'x-trace': 't1' },
    });
    const result = await route.call(client);
    const request = lastRequest();
    expect(request.headers.authorization).toBe('Bearer admin-token');
    expect(request.headers['x-trace']).toBe('t1');
    if (route.body === undefined) {
      expect(request.body).toBe('');
    } else {
      expect(request.headers['content-type']).toBe('application/json');
      expect(JSON.parse(request.body)).toEqual(route.body);
    }
    if (route.answer === undefined) expect(result).toBeUndefined();
    else expect(result).toBeTypeOf('object');
  });

  it('keeps a path prefix of the base URL and encodes path parameters', async () => {
    answers = new Map([
      ['GET /edgeflow/api/apps/app%2Fx%3F', (_request, response) => sendJson(response, 200, examples.app)],
    ]);
    const client = createClient({ baseUrl: `${server.baseUrl}/edgeflow` });
    await client.getApp('app/x?');
    expect(lastRequest().headers.authorization).toBeUndefined();
    await expect(client.getApp('..')).rejects.toThrow(TypeError);
  });

  it('uploads a file as multipart/form-data', async () => {
    answers = new Map([
      [
        'POST /api/knowledge-bases/kb_1/documents',
        (_request, response) => sendJson(response, 201, examples.knowledgeDocument),
      ],
    ]);
    const client = createClient({ baseUrl: server.baseUrl, key: 'admin-token' });
    const file = new Blob(['# 退货政策\n30 天内可退。'], { type: 'text/markdown' });
    const document = await client.addDocument('kb_1', { file, filename: 'returns.md', title: 'Returns' });
    expect(document.id).toBe('doc_1');
    const request = lastRequest();
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.body).toContain('filename="returns.md"');
    expect(request.body).toContain('# 退货政策\n30 天内可退。');
    expect(request.body).toContain('name="title"');
  });

  it('uses the fetch it is given', async () => {
    const seen: string[] = [];
    const client = createClient({
      baseUrl: 'https://edgeflow.invalid',
      fetch: async (input) => {
        seen.push(String(input));
        return new Response(JSON.stringify({ ok: true }), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    expect(await client.getHealth()).toEqual({ ok: true });
    expect(seen).toEqual(['https://edgeflow.invalid/healthz']);
  });

  it('has a method for every JSON or stream route of the contract, named after its operationId', () => {
    const client: Record<string, unknown> = { ...createClient({ baseUrl: server.baseUrl }) };
    const pages = new Set(['getWidgetScript', 'getDocs']);
    for (const route of routes) {
      if (!pages.has(route.operationId))
        expect(typeof client[route.operationId], route.operationId).toBe('function');
    }
  });
});
