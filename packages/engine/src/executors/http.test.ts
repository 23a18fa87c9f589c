import { describe, expect, it } from 'vitest';
import { nodeEnd, runEnd, runPlan, testPorts } from '../../test/support.ts';
import { HttpPortError, type RunEvent, secretMask } from '../index.ts';
import { createManualClock, createScriptedHttp, jsonResponse, planFrom } from '../testing/index.ts';

const start = {
  id: 'start',
  type: 'start',
  config: {
    inputs: [
      { name: 'id', type: 'string', required: true },
      { name: 'note', type: 'string', default: '' },
    ],
  },
};

const httpPlan = (config: Record<string, unknown>) =>
  planFrom({
    mode: 'workflow',
    nodes: [
      start,
      { id: 'call', type: 'http', config },
      {
        id: 'end',
        type: 'end',
        config: {
          outputs: [
            { name: 'status', value: '{{call.status}}' },
            { name: 'json', value: '{{call.json}}' },
            { name: 'body', value: '{{call.body}}' },
          ],
        },
      },
    ],
    edges: [
      ['start', 'call'],
      ['call', 'end'],
    ],
  });

const secrets = (values: Record<string, string>) => ({
  get: async (name: string) => values[name],
});

function everyString(events: readonly RunEvent[]): string {
  return JSON.stringify(events);
}

describe('http node', () => {
  it('renders method, url (values encoded), headers and a JSON body, and parses a JSON answer', async () => {
    const http = createScriptedHttp(() => jsonResponse({ ok: true, items: [1, 2] }, 201));
    const plan = httpPlan({
      method: 'POST',
      url: 'https://api.example.com/orders/{{start.id}}?note={{start.note}}',
      headers: { 'X-Id': '{{start.id}}' },
      body: '{"id": "{{start.id}}", "note": "{{start.note}}", "n": 1}',
    });
    const events = await runPlan(plan, {
      inputs: { id: 'a/b c', note: 'say "hi"\nbye' },
      ports: testPorts({ http }),
    });
    expect(http.requests[0]).toEqual({
      method: 'POST',
      url: 'https://api.example.com/orders/a%2Fb%20c?note=say%20%22hi%22%0Abye',
      headers: { 'X-Id': 'a/b c', 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'a/b c', note: 'say "hi"\nbye', n: 1 }),
      timeoutMs: 15_000,
    });
    expect(runEnd(events)).toMatchObject({
      status: 'succeeded',
      outputs: { status: 201, json: { ok: true, items: [1, 2] } },
    });
    expect(nodeEnd(events, 'call').inputs).toMatchObject({
      method: 'POST',
      url: expect.stringContaining('a%2Fb'),
    });
  });

  it('inserts a reference that is the whole URL as it is', async () => {
    const http = createScriptedHttp(() => ({ status: 200, headers: {}, body: 'plain' }));
    const plan = httpPlan({ url: '{{start.id}}', response: 'text' });
    const events = await runPlan(plan, {
      inputs: { id: 'https://x.example/a?b=c' },
      ports: testPorts({ http }),
    });
    expect(http.requests[0]?.url).toBe('https://x.example/a?b=c');
    expect(runEnd(events).outputs).toMatchObject({ body: 'plain', json: null });
  });

  it('treats a 4xx answer as data and a 5xx as a failure that is retried', async () => {
    const notFound = createScriptedHttp(() => ({
      status: 404,
      headers: {},
      body: '{"error":"no such order"}',
    }));
    const plan = httpPlan({
      url: 'https://api.example.com/{{start.id}}',
      retry: { attempts: 2, backoffMs: 0 },
    });
    const found = await runPlan(plan, { inputs: { id: '1' }, ports: testPorts({ http: notFound }) });
    expect(runEnd(found).outputs).toMatchObject({ status: 404, json: { error: 'no such order' } });
    expect(notFound.requests).toHaveLength(1);

    let calls = 0;
    const flaky = createScriptedHttp(() => {
      calls += 1;
      return calls === 1 ? { status: 503, headers: {}, body: '' } : jsonResponse({ fine: true });
    });
    const retried = await runPlan(plan, { inputs: { id: '1' }, ports: testPorts({ http: flaky }) });
    expect(calls).toBe(2);
    expect(runEnd(retried).outputs).toMatchObject({ status: 200, json: { fine: true } });

    const down = createScriptedHttp(() => ({ status: 500, headers: {}, body: '' }));
    const failed = await runPlan(plan, { inputs: { id: '1' }, ports: testPorts({ http: down }) });
    expect(runEnd(failed)).toMatchObject({
      status: 'failed',
      error: { code: 'http_status', nodeId: 'call' },
    });
  });

  it('a request that times out is request_timeout, named by the egress and retried, not the run’s node_timeout', async () => {
    // The egress stops a request at the node's timeoutMs and says so; the run's own timer for the node
    // comes later (portBackstopMs), so the two never race for the name of the failure.
    const clock = createManualClock();
    let requests = 0;
    const slow = {
      async request(request: { readonly timeoutMs: number }) {
        requests += 1;
        await clock.sleep(request.timeoutMs);
        throw new HttpPortError('request_timeout', `No answer within ${request.timeoutMs} ms.`);
      },
    };
    const plan = httpPlan({
      url: 'https://slow.example.com/',
      timeoutMs: 300,
      retry: { attempts: 2, backoffMs: 0 },
    });
    const events = runPlan(plan, { inputs: { id: '1' }, ports: testPorts({ clock, http: slow }) });
    for (let step = 0; step < 4 && requests < 2; step += 1) await clock.advance(300);
    await clock.advance(300);
    const done = await events;
    expect(requests).toBe(2);
    expect(nodeEnd(done, 'call')).toMatchObject({ status: 'failed', error: { code: 'request_timeout' } });
    expect(runEnd(done)).toMatchObject({
      status: 'failed',
      error: { code: 'request_timeout', nodeId: 'call' },
    });
  });

  it('never retries a request the egress refused', async () => {
    const refused = createScriptedHttp(() => {
      throw new HttpPortError('egress_refused', 'Private addresses are not allowed.');
    });
    const plan = httpPlan({ url: 'http://10.0.0.1/', retry: { attempts: 3, backoffMs: 0 } });
    const events = await runPlan(plan, { inputs: { id: '1' }, ports: testPorts({ http: refused }) });
    expect(refused.requests).toHaveLength(1);
    expect(runEnd(events)).toMatchObject({ status: 'failed', error: { code: 'egress_refused' } });
  });

  it('uses secrets in the request but never shows them in events', async () => {
    const http = createScriptedHttp((request) =>
      jsonResponse({ echoedAuth: request.headers.Authorization, url: request.url }),
    );
    const plan = httpPlan({
      url: 'https://api.example.com/{{start.id}}?key={{secrets.api_key}}',
      headers: { Authorization: 'Bearer {{secrets.api_key}}' },
    });
    const events = await runPlan(plan, {
      inputs: { id: '7' },
      ports: testPorts({ http, secrets: secrets({ api_key: 'sk-very-secret' }) }),
    });
    expect(http.requests[0]?.headers.Authorization).toBe('Bearer sk-very-secret');
    expect(http.requests[0]?.url).toBe('https://api.example.com/7?key=sk-very-secret');
    expect(everyString(events)).not.toContain('sk-very-secret');
    expect(nodeEnd(events, 'call').inputs).toMatchObject({
      headers: { Authorization: `Bearer ${secretMask}` },
      url: `https://api.example.com/7?key=${secretMask}`,
    });
    expect(runEnd(events).outputs).toMatchObject({ json: { echoedAuth: `Bearer ${secretMask}` } });
  });

  it('masks a secret that another service reflects to a node that used none', async () => {
    // The first call sends the secret; the second, with no secret of its own, reads it back.
    let seen = '';
    const http = createScriptedHttp((request) => {
      if (request.url.endsWith('/send')) seen = request.headers.Authorization ?? '';
      return jsonResponse({ reflected: seen });
    });
    const plan = planFrom({
      mode: 'workflow',
      nodes: [
        start,
        {
          id: 'send',
          type: 'http',
          config: { url: 'https://a.example/send', headers: { Authorization: '{{secrets.api_key}}' } },
        },
        { id: 'read', type: 'http', config: { url: 'https://b.example/read' } },
        { id: 'end', type: 'end', config: { outputs: [{ name: 'read', value: '{{read.body}}' }] } },
      ],
      edges: [
        ['start', 'send'],
        ['send', 'read'],
        ['read', 'end'],
      ],
    });
    const events = await runPlan(plan, {
      inputs: { id: '1' },
      ports: testPorts({ http, secrets: secrets({ api_key: 'sk-reflected-secret' }) }),
    });
    expect(seen).toBe('sk-reflected-secret');
    expect(everyString(events)).not.toContain('sk-reflected-secret');
    expect(runEnd(events).outputs).toEqual({ read: `{"reflected":"${secretMask}"}` });
  });

  it('fails clearly when a secret is not set or there is no secret store, and without an http port', async () => {
    const plan = httpPlan({
      url: 'https://api.example.com/',
      headers: { Authorization: '{{secrets.missing}}' },
    });
    const http = createScriptedHttp(() => jsonResponse({}));
    const missing = await runPlan(plan, {
      inputs: { id: '1' },
      ports: testPorts({ http, secrets: secrets({}) }),
    });
    expect(runEnd(missing).error).toMatchObject({ code: 'secret_not_found', nodeId: 'call' });
    const noStore = await runPlan(plan, { inputs: { id: '1' }, ports: testPorts({ http }) });
    expect(runEnd(noStore).error).toMatchObject({ code: 'port_unavailable' });
    const noPort = await runPlan(httpPlan({ url: 'https://api.example.com/' }), { inputs: { id: '1' } });
    expect(runEnd(noPort).error).toMatchObject({ code: 'port_unavailable', nodeId: 'call' });
  });

  it('sends a plain-text body as it is rendered, and no body on GET', async () => {
    const http = createScriptedHttp(() => jsonResponse({}));
    await runPlan(httpPlan({ method: 'PUT', url: 'https://a.example/', body: 'id={{start.id}}' }), {
      inputs: { id: '5' },
      ports: testPorts({ http }),
    });
    expect(http.requests[0]).toMatchObject({ body: 'id=5', headers: {} });
    await runPlan(httpPlan({ method: 'GET', url: 'https://a.example/', body: 'ignored' }), {
      inputs: { id: '5' },
      ports: testPorts({ http }),
    });
    expect(http.requests[1]).not.toHaveProperty('body');
  });
});
