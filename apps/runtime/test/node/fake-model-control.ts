import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeModelBehaviour, FakeModelServer } from '../../../../test/fake-model/index.ts';

/** A chat request the fake model received, as the worker tests read it back. */
export interface ReceivedChatRequest {
  readonly model: string;
  readonly receivedAt: number;
  readonly body: unknown;
}

/**
 * The fake model server lives in Node while the tests run inside workerd, which cannot call its
 * methods. This small HTTP server lets them script it over HTTP:
 * `POST /script {model, behaviour}`, `POST /enqueue {model, behaviours}`, `GET /requests?model=`; and it
 * is the tool endpoint of http nodes: any method on `/echo` answers what it received (`GET /echoed` lists it),
 * and `/redirect?to=<url>&status=<3xx>` redirects there (an allowed host pointing at a refused one).
 * Test files run in parallel against the one fake, so each test uses model names of its own and
 * nothing is ever reset globally.
 */
export async function startFakeModelControl(fake: FakeModelServer): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    void answer(fake, request, response).catch((error: unknown) => {
      send(response, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

const echoed: unknown[] = [];

async function answer(fake: FakeModelServer, request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (request.method === 'GET' && url.pathname === '/requests') {
    const model = url.searchParams.get('model');
    const requests: ReceivedChatRequest[] = fake.requests
      .filter((entry) => entry.path === '/v1/chat/completions')
      .map((entry) => ({ model: modelOf(entry.body), receivedAt: entry.receivedAt, body: entry.body }))
      .filter((entry) => model === null || entry.model === model);
    return send(response, 200, { requests });
  }
  // A tool endpoint for http nodes: answers with what it received, and keeps it for `GET /echoed`.
  if (url.pathname === '/echo') {
    const received = {
      method: request.method,
      path: request.url,
      headers: request.headers,
      body: await readText(request),
    };
    echoed.push(received);
    return send(response, 200, received);
  }
  if (request.method === 'GET' && url.pathname === '/echoed') return send(response, 200, { echoed });
  // An allowed host that redirects wherever the test says: the egress must check the Location too.
  if (url.pathname === '/redirect') {
    const status = Number(url.searchParams.get('status') ?? '302');
    response.writeHead(status, { location: url.searchParams.get('to') ?? '/' }).end();
    return;
  }
  if (request.method !== 'POST') return send(response, 404, { error: 'unknown control route' });
  const body = JSON.parse(await readText(request)) as {
    model: string;
    behaviour?: FakeModelBehaviour;
    behaviours?: FakeModelBehaviour[];
  };
  if (url.pathname === '/script' && body.behaviour) {
    fake.script(body.model, body.behaviour);
    return send(response, 204);
  }
  if (url.pathname === '/enqueue' && body.behaviours) {
    fake.enqueue(body.model, ...body.behaviours);
    return send(response, 204);
  }
  return send(response, 404, { error: 'unknown control route' });
}

function modelOf(body: unknown): string {
  const model = typeof body === 'object' && body !== null ? (body as { model?: unknown }).model : undefined;
  return typeof model === 'string' ? model : '';
}

async function readText(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

function send(response: ServerResponse, status: number, body?: unknown) {
  if (response.headersSent) return;
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
