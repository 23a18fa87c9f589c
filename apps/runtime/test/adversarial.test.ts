/**
 * The adversarial tests of the tools issue (SECURITY.md 3-5): every case publishes a document through
 * the management API, runs it through `POST /v1/apps/{id}/runs` inside workerd and reads the run record
 * back. What the sandbox, the egress and the template renderer refuse is proven here end to end; their
 * unit tests (apps/sandbox, src/egress, packages/graph) cover the details.
 */
import { parseRunEvents, type RunEvent } from '@edgeflow/api';
import { describe, expect, it } from 'vitest';
import { adminJson, adminRequest, createApp, publishedAppWithKey } from './helpers/admin.ts';
import { workflowDocument } from './helpers/documents.ts';
import { expectError } from './helpers/expect-error.ts';
import { compatible, fakeModels, messagesOf, receivedRequests, scriptModel } from './helpers/fake-model.ts';
import { runPath, runToEnd } from './helpers/run-stream.ts';
import { agentNode, chainDocument, codeNode, httpNode } from './helpers/tool-documents.ts';
import {
  controlUrl,
  echoedWith,
  type FinishedRun,
  publishedTool,
  strictEnv,
  toolEnv,
} from './helpers/tool-runs.ts';
import { adminToken, send } from './helpers/worker.ts';

const marker = () => `m${crypto.randomUUID().replaceAll('-', '')}`;

function expectNodeFailure(run: FinishedRun, nodeId: string, code: string) {
  expect(run.end.status, JSON.stringify(run.end)).toBe('failed');
  expect(run.end.error).toMatchObject({ code, nodeId });
  expect(run.record.status).toBe('failed');
  expect(run.record.error).toMatchObject({ code, nodeId });
  const step = run.record.steps.find((entry) => entry.nodeId === nodeId);
  expect(step?.status).toBe('failed');
  return step;
}

/**
 * Starts a run of `stuckApp` and, once its code node has started, a whole run of another app. Answers
 * the order in which the other run and the stuck code node finished: the worker keeps serving while
 * user code spins only if `quick` comes first.
 */
async function raceAgainstStuckCode(stuck: { appId: string; key: string }) {
  const quick = await publishedAppWithKey(workflowDocument('quick'));
  const order: string[] = [];
  const { response, settle } = await send(runPath(stuck.appId), {
    token: stuck.key,
    env: toolEnv,
    json: { inputs: {} },
  });
  if (!response.body) throw new Error('no run stream');
  let quickRun: Promise<void> | undefined;
  const events: RunEvent[] = [];
  for await (const event of parseRunEvents(response.body)) {
    events.push(event);
    if (event.type === 'node-start' && event.nodeId === 'code') {
      quickRun = runToEnd(runPath(quick.app.id), quick.key, { inputs: { query: 'q' } }).then((result) => {
        expect(result.outputs).toEqual({ result: 'quick: q' });
        order.push('quick run');
      });
    }
    if (event.type === 'node-end' && event.nodeId === 'code') order.push('stuck code');
  }
  await quickRun;
  await settle();
  return { order, events };
}

describe('user code that never ends', () => {
  const spinning = {
    'while (true) {}': 'function main() { while (true) {} }',
    'a never-settling promise': 'async function main() { await new Promise(() => {}); return {}; }',
    'an endless chain of awaits': 'async function main() { for (;;) await null; }',
  };

  for (const [name, code] of Object.entries(spinning)) {
    it(`${name}: the node fails with code_timeout within its timeout, and the worker runs on`, async () => {
      const timeoutMs = 600;
      const tool = await publishedTool(chainDocument(name, [codeNode('code', code, { timeoutMs })], {}));
      const run = await tool.run();
      // code_timeout is the sandbox's own deadline at timeoutMs (the run's backstop would say
      // node_timeout, a second later): no clock is asserted, the code says which stop ended it.
      expectNodeFailure(run, 'code', 'code_timeout');
      expect(run.end.error?.message).toMatch(/time limit of 600 ms|never settles/);
      // The same worker answers the next run.
      const after = await publishedTool(
        chainDocument('after', [codeNode('code', 'function main() { return { result: "ok" } }')], {
          result: '{{code.result}}',
        }),
      );
      expect((await after.run()).end).toMatchObject({ status: 'succeeded', outputs: { result: 'ok' } });
    });
  }

  it('an await loop yields: a whole other run finishes while the code node spins', async () => {
    const stuck = await publishedAppWithKey(
      chainDocument(
        'await loop',
        [codeNode('code', spinning['an endless chain of awaits'], { timeoutMs: 3_000 })],
        {},
      ),
    );
    const { order, events } = await raceAgainstStuckCode({ appId: stuck.app.id, key: stuck.key });
    expect(events.at(-1)).toMatchObject({
      type: 'run-end',
      status: 'failed',
      error: { code: 'code_timeout', nodeId: 'code' },
    });
    expect(order).toEqual(['quick run', 'stuck code']);
  });

  // `while (true) {}` runs inside one synchronous QuickJS call, which the interrupt can stop but never
  // pause: it busies the sandbox Worker's isolate until the deadline. That the runtime serves other runs
  // meanwhile needs the sandbox in a process of its own, as under `npm start`: test/e2e/platform.test.ts.
});

describe('user code that allocates without end', () => {
  const hungry = {
    'a huge array': 'function main() { const a = new Array(1e9).fill(0); return { n: a.length }; }',
    'a growing list': 'function main() { const a = []; for (;;) a.push(new Array(1e5).fill(a.length)); }',
    'a huge string': 'function main() { let s = "x"; for (;;) s += s; }',
  };
  for (const [name, code] of Object.entries(hungry)) {
    it(`${name}: fails inside the sandbox with code_memory_limit; the next run works`, async () => {
      const tool = await publishedTool(
        chainDocument(name, [codeNode('code', code, { memoryLimitMb: 8, timeoutMs: 5_000 })], {}),
      );
      const run = await tool.run();
      expectNodeFailure(run, 'code', 'code_memory_limit');
      expect(run.end.error?.message).toMatch(/out of memory|too long/i);
      const after = await publishedTool(
        chainDocument('after', [codeNode('code', 'function main() { return { result: "alive" } }')], {
          result: '{{code.result}}',
        }),
      );
      expect((await after.run()).end).toMatchObject({ status: 'succeeded', outputs: { result: 'alive' } });
    });
  }
});

/** Names a Worker's global scope or a Node process has, none of which the sandbox may hold. */
const hostNames = [
  'fetch',
  'Request',
  'Response',
  'Headers',
  'caches',
  'crypto',
  'WebAssembly',
  'process',
  'require',
  'module',
  'Buffer',
  'env',
  'DB',
  'navigator',
  'setTimeout',
  'setInterval',
  'queueMicrotask',
  'scheduler',
  'WebSocket',
  'HTMLRewriter',
  'addEventListener',
  'self',
  'Deno',
  'Bun',
  'importScripts',
  'connect',
  'structuredClone',
];

const escapeProbe = `
const topThis = this;
async function main() {
  const reached = {};
  const names = (value) => (value && (typeof value === 'object' || typeof value === 'function')
    ? Object.getOwnPropertyNames(value).sort() : [String(value)]);
  const probe = async (name, get) => {
    try {
      const value = await get();
      reached[name] = { same: value === globalThis, names: names(value) };
    } catch (error) {
      reached[name] = { threw: String(error && error.name) };
    }
  };
  await probe('this.constructor.constructor', () => this.constructor.constructor('return globalThis')());
  await probe('top-level this', () => topThis.constructor.constructor('return this')());
  await probe('Function', () => Function('return this')());
  await probe('new Function', () => new Function('return globalThis')());
  await probe('eval', () => eval('globalThis'));
  await probe('indirect eval', () => (0, eval)('this'));
  await probe('async constructor', () => (async () => {}).constructor('return globalThis')());
  await probe('generator constructor', () => (function* () {}).constructor('return globalThis')().next());
  await probe('console.log constructor', () => console.log.constructor('return globalThis')());
  await probe('main constructor', () => main.constructor('return globalThis')());
  await probe('import cloudflare:workers', () => import('cloudflare:workers'));
  await probe('import node:process', () => import('node:process'));
  await probe('import a URL', () => import('https://example.com/x.js'));
  const types = {};
  for (const name of inputs_names) types[name] = eval('typeof ' + name);
  return { reached, types, globals: Object.getOwnPropertyNames(globalThis).sort() };
}`;

describe('user code that looks for the host', () => {
  it('this.constructor.constructor, Function, eval, import() and friends reach only the sandbox', async () => {
    const envNames = Object.keys(toolEnv).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
    const lookFor = [...new Set([...hostNames, ...envNames])];
    const code = `const inputs_names = ${JSON.stringify(lookFor)};\n${escapeProbe}`;
    const tool = await publishedTool(
      chainDocument(
        'escape',
        [codeNode('code', code, { outputs: { reached: 'object', types: 'object', globals: 'array' } })],
        {
          reached: '{{code.reached}}',
          types: '{{code.types}}',
          globals: '{{code.globals}}',
        },
      ),
    );
    const run = await tool.run();
    expect(run.end.status, JSON.stringify(run.end)).toBe('succeeded');
    const outputs = run.end.outputs as {
      reached: Record<string, { same?: boolean; names?: string[]; threw?: string }>;
      types: Record<string, string>;
      globals: string[];
    };
    // Every constructor trick lands on the sandbox's own global object, which holds nothing of the host.
    for (const [probe, result] of Object.entries(outputs.reached)) {
      if (probe.startsWith('import')) {
        expect(result.threw, probe).toBeDefined();
        continue;
      }
      if (probe === 'generator constructor') {
        expect(result.names, probe).toEqual(expect.arrayContaining(['done', 'value']));
        continue;
      }
      expect(result.same, `${probe}: ${JSON.stringify(result)}`).toBe(true);
    }
    for (const name of lookFor) expect(outputs.types[name], name).toBe('undefined');
    expect(outputs.globals.filter((name) => lookFor.includes(name))).toEqual([]);
    expect(outputs.globals).toContain('console');
  });
});

describe('a template that tries to run code', () => {
  const attack = "{{constructor.constructor('return this')()}}";

  it('is refused at publish with an invalid_reference diagnostic', async () => {
    const document = chainDocument('template attack', [], { result: `before ${attack} after` });
    const app = await createApp({ name: 'template attack', graph: document });
    const published = await adminRequest(`/api/apps/${app.id}/publish`, { method: 'POST', json: {} });
    const error = await expectError(published, 422, 'invalid_graph');
    const { diagnostics } = error.details as { diagnostics: { code: string; message: string }[] };
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'invalid_reference' }));
    // The editor's validation says the same, and a draft run refuses it too.
    const validated = await adminJson<{ ok: boolean; diagnostics: { code: string }[] }>(
      '/api/graph/validate',
      {
        method: 'POST',
        json: document,
      },
    );
    expect(validated.diagnostics).toContainEqual(expect.objectContaining({ code: 'invalid_reference' }));
    await expectError(
      await adminRequest(`/api/apps/${app.id}/draft/runs`, { json: { inputs: {} } }),
      422,
      'invalid_graph',
    );
  });

  it('prototype paths are refused too, and a caller-supplied template is text, never evaluated', async () => {
    for (const reference of ['{{start.constructor}}', '{{start.query.constructor}}', '{{start.__proto__}}']) {
      const document = chainDocument('prototype path', [], { result: reference });
      const checked = await adminJson<{ diagnostics: { severity: string }[] }>('/api/graph/validate', {
        method: 'POST',
        json: document,
      });
      expect(
        checked.diagnostics.filter((entry) => entry.severity === 'error'),
        reference,
      ).not.toEqual([]);
    }
    const tool = await publishedTool(chainDocument('echo', [], { result: 'got {{start.query}}' }));
    const run = await tool.run({ query: attack });
    expect(run.end).toMatchObject({ status: 'succeeded', outputs: { result: `got ${attack}` } });
  });
});

describe('an http node aimed at a refused address', () => {
  const port = () => new URL(controlUrl()).port;
  /** Every spelling of the issue and a few more; those on the control server's port would reach it. */
  const refused = (path: string) => [
    `http://127.0.0.1:${port()}${path}`,
    `http://localhost:${port()}${path}`,
    `http://localhost.:${port()}${path}`,
    `http://LOCALHOST:${port()}${path}`,
    `http://0x7f.1:${port()}${path}`,
    `http://127.1:${port()}${path}`,
    `http://2130706433:${port()}${path}`,
    `http://017700000001:${port()}${path}`,
    `http://0177.0.0.1:${port()}${path}`,
    `http://%31%32%37.0.0.1:${port()}${path}`,
    `http://[::1]:${port()}${path}`,
    `http://[::ffff:127.0.0.1]:${port()}${path}`,
    `http://[::ffff:7f00:1]:${port()}${path}`,
    `http://0.0.0.0:${port()}${path}`,
    `http://[::]:${port()}${path}`,
    `http://169.254.169.254/latest/meta-data/${path}`,
    `http://[::ffff:169.254.169.254]/${path}`,
    `http://0xa9fea9fe/${path}`,
    `http://metadata.google.internal/computeMetadata/v1/${path}`,
    `http://metadata.google.internal./${path}`,
    `http://100.100.100.200/${path}`,
    `http://[fd00:ec2::254]/${path}`,
    `http://10.0.0.1/${path}`,
    `http://172.16.0.1/${path}`,
    `http://192.168.1.1/${path}`,
    `http://100.64.0.1/${path}`,
    `http://169.254.1.1/${path}`,
    `http://[fe80::1]/${path}`,
    `http://[fc00::1]/${path}`,
    `http://224.0.0.1/${path}`,
    `http://[ff02::1]/${path}`,
    `http://255.255.255.255/${path}`,
    `http://router/${path}`,
    `http://printer.local/${path}`,
    `http://service.internal/${path}`,
    `http://127.0.0.1.nip.io:${port()}${path}`,
  ];

  it('is refused for every spelling, before anything is sent', async () => {
    const mark = marker();
    const tool = await publishedTool(
      chainDocument('ssrf', [httpNode('call', '{{start.url}}')], { status: '{{call.status}}' }),
      strictEnv,
    );
    for (const url of refused(`/echo?${mark}`)) {
      const run = await tool.run({ url });
      expect(run.end.error, `${url}: ${JSON.stringify(run.end)}`).toMatchObject({
        code: 'egress_refused',
        nodeId: 'call',
      });
      expect(run.record.status).toBe('failed');
    }
    for (const url of [
      'file:///etc/passwd',
      'gopher://127.0.0.1:70/',
      `http://user:pw@127.0.0.1:${port()}/`,
    ]) {
      const run = await tool.run({ url });
      expect(run.end.error, url).toMatchObject({ code: 'egress_refused', nodeId: 'call' });
    }
    expect(await echoedWith(mark)).toEqual([]);
  });

  it('the same node reaches the control server only where EGRESS_ALLOW_PRIVATE opens it', async () => {
    const mark = marker();
    const document = chainDocument('allowed', [httpNode('call', '{{start.url}}')], {
      status: '{{call.status}}',
    });
    const open = await publishedTool(document, toolEnv);
    const run = await open.run({ url: `${controlUrl()}/echo?${mark}` });
    expect(run.end).toMatchObject({ status: 'succeeded', outputs: { status: 200 } });
    expect(await echoedWith(mark)).toHaveLength(1);
  });

  /**
   * Behind a redirect from the control server (127.0.0.1, reachable here because the tests set
   * EGRESS_ALLOW_PRIVATE): every target that setting does not open must still be refused on the hop.
   * Loopback and private targets behind a redirect from a public host are covered in Node by
   * src/egress/redirects.test.ts, where the first hop can be a scripted public name.
   */
  it('is refused behind a redirect from an allowed host, whatever the status', async () => {
    const mark = marker();
    const tool = await publishedTool(
      chainDocument('redirected', [httpNode('call', '{{start.url}}')], { status: '{{call.status}}' }),
    );
    const targets = refused(`/echo?${mark}`).filter((url) =>
      /169\.254|0xa9fea9fe|metadata|100\.100\.100\.200|fd00:ec2|fe80|224\.0|ff02|255\.255|0\.0\.0\.0|\[::\]/.test(
        url,
      ),
    );
    expect(targets.length).toBeGreaterThan(10);
    for (const [index, target] of targets.entries()) {
      const status = [301, 302, 303, 307, 308][index % 5];
      const url = `${controlUrl()}/redirect?status=${status}&to=${encodeURIComponent(target)}`;
      const run = await tool.run({ url });
      expect(run.end.error, `${target}: ${JSON.stringify(run.end)}`).toMatchObject({
        code: 'egress_refused',
        nodeId: 'call',
      });
      expect(run.end.error?.message).toMatch(/redirect/i);
    }
    // A redirect chain that ends at a refused address is refused at that hop too.
    const metadata = 'http://169.254.169.254/latest/meta-data/';
    const second = `${controlUrl()}/redirect?to=${encodeURIComponent(metadata)}`;
    const first = `${controlUrl()}/redirect?to=${encodeURIComponent(second)}`;
    expect((await tool.run({ url: first })).end.error).toMatchObject({ code: 'egress_refused' });
    expect(await echoedWith(mark)).toEqual([]);
  });
});

describe('a tool secret', () => {
  const putSecret = async (name: string, value: string) => {
    const { response } = await send(`/api/secrets/${name}`, {
      method: 'PUT',
      token: adminToken,
      env: toolEnv,
      json: { value },
    });
    expect(response.status).toBe(204);
    return response.text();
  };

  it('reaches the tool, and no API response, run record, step, event or code node', async () => {
    const mark = marker();
    const name = `ADVERSARY_${mark.slice(1, 9).toUpperCase()}`;
    const secret = `sk-adversary-${crypto.randomUUID()}`;
    const answers: string[] = [await putSecret(name, secret)];
    const document = chainDocument(
      'secret everywhere',
      [
        httpNode('call', `${controlUrl()}/echo?${mark}`, {
          method: 'POST',
          headers: { authorization: `Bearer {{secrets.${name}}}`, 'x-api-key': `{{secrets.${name}}}` },
          body: `{"key": "{{secrets.${name}}}", "q": "{{start.query}}"}`,
        }),
        codeNode(
          'peek',
          `function main(inputs) {
            const seen = JSON.stringify(inputs);
            console.log('peek', seen);
            const reachable = Object.getOwnPropertyNames(globalThis).join(',');
            return { result: seen + ' | ' + reachable };
          }`,
          { inputs: { response: '{{call.json}}', body: '{{call.body}}', headers: '{{call.headers}}' } },
        ),
        // Reads what the tool received, secret included, from a URL that uses no secret: a service
        // that reflects the secret back must not carry it into the run either.
        httpNode('reflect', `${controlUrl()}/echoed`, { response: 'text' }),
      ],
      { echoed: '{{call.json}}', seen: '{{peek.result}}', reflected: '{{reflect.body}}' },
    );
    const tool = await publishedTool(document);
    const run = await tool.run({ query: 'hello' });
    expect(run.end.status, JSON.stringify(run.end)).toBe('succeeded');

    // It did reach the tool, in every place the document put it.
    const [received] = await echoedWith(mark);
    expect(received?.headers.authorization).toBe(`Bearer ${secret}`);
    expect(received?.headers['x-api-key']).toBe(secret);
    expect(JSON.parse(received?.body ?? '{}')).toEqual({ key: secret, q: 'hello' });

    // The code node saw the tool's answer with the secret masked, and nothing of the host.
    const seen = String((run.end.outputs as { seen: string }).seen);
    expect(seen).toContain('••••');
    expect(seen).not.toContain(name);

    const { key, app } = tool;
    const runId = run.end.runId;
    answers.push(
      run.text,
      JSON.stringify(run.record),
      await (await adminRequest(`/api/apps/${app.id}/runs?limit=5`)).text(),
      await (await adminRequest(`/api/apps/${app.id}`)).text(),
      await (await adminRequest(`/api/apps/${app.id}/versions`)).text(),
      await (await send('/api/secrets', { token: adminToken, env: toolEnv })).response.text(),
      await (await send(`/v1/runs/${runId}`, { token: key, env: toolEnv })).response.text(),
    );
    for (const [index, text] of answers.entries()) expect(text, `answer ${index}`).not.toContain(secret);
    expect(JSON.stringify(run.record.steps)).toContain('••••');
  });

  it('cannot be handed to a code node: publishing refuses {{secrets.…}} outside http requests', async () => {
    const document = chainDocument(
      'secret to code',
      [
        codeNode('code', 'function main(i) { return { result: i.key } }', {
          inputs: { key: '{{secrets.ANY}}' },
        }),
      ],
      { result: '{{code.result}}' },
    );
    const app = await createApp({ name: 'secret to code', graph: document });
    const error = await expectError(
      await adminRequest(`/api/apps/${app.id}/publish`, { method: 'POST', json: {} }),
      422,
      'invalid_graph',
    );
    expect((error.details as { diagnostics: { code: string }[] }).diagnostics).toContainEqual(
      expect.objectContaining({ code: 'secret_not_allowed' }),
    );
  });
});

describe('an agent and its model', () => {
  it('a call of a tool the document does not have is an error result, not a request; the agent answers', async () => {
    const model = fakeModels.agentUnknownTool;
    const mark = marker();
    await scriptModel(model, { toolCalls: [{ name: 'drop_tables', arguments: { q: 'all' } }] });
    const tool = await publishedTool(
      chainDocument(
        'unknown tool',
        [
          agentNode('agent', compatible(model), [
            { name: 'lookup', url: `${controlUrl()}/echo?${mark}&q={{args.q}}` },
          ]),
        ],
        { text: '{{agent.text}}', calls: '{{agent.toolCalls}}' },
      ),
    );
    const run = await tool.run({ query: 'clean up' });
    expect(run.end.status, JSON.stringify(run.end)).toBe('succeeded');
    const outputs = run.end.outputs as {
      text: string;
      calls: { name: string; status: string; error: string }[];
    };
    expect(outputs.calls).toEqual([
      expect.objectContaining({
        name: 'drop_tables',
        status: 'failed',
        error: expect.stringMatching(/no tool named/),
      }),
    ]);
    expect(await echoedWith(mark)).toEqual([]);
    // The model was told, and answered.
    const requests = await receivedRequests(model);
    expect(requests).toHaveLength(2);
    const last = messagesOf(requests[1]).at(-1);
    expect(last?.role).toBe('tool');
    expect(String(last?.content)).toMatch(/no tool named .drop_tables./);
    expect(outputs.text).toMatch(/^Fake reply to tool result: /);
  });

  it('a model that never stops calling tools ends the run at maxSteps with max_steps_exceeded', async () => {
    const model = fakeModels.agentLoop;
    const mark = marker();
    const name = `LOOP_${mark.slice(1, 9).toUpperCase()}`;
    const secret = `sk-loop-${crypto.randomUUID()}`;
    const { response } = await send(`/api/secrets/${name}`, {
      method: 'PUT',
      token: adminToken,
      env: toolEnv,
      json: { value: secret },
    });
    expect(response.status).toBe(204);
    await scriptModel(model, {
      toolCalls: [{ name: 'lookup', arguments: { q: 'again' } }],
      repeatToolCalls: true,
    });
    const lookup = {
      name: 'lookup',
      url: `${controlUrl()}/echo?${mark}&q={{args.q}}`,
      headers: { authorization: `Bearer {{secrets.${name}}}` },
    };
    const tool = await publishedTool(
      chainDocument('loop', [agentNode('agent', compatible(model), [lookup], 3)], { text: '{{agent.text}}' }),
    );
    const run = await tool.run({ query: 'go' });
    const step = expectNodeFailure(run, 'agent', 'max_steps_exceeded');
    expect(run.end.error?.message).toMatch(/3 model calls/);
    // Three model calls; the tools of the first two ran, the third's were refused by the bound.
    expect(await receivedRequests(model)).toHaveLength(3);
    const calls = await echoedWith(mark);
    expect(calls).toHaveLength(2);
    for (const call of calls) expect(call.headers.authorization).toBe(`Bearer ${secret}`);
    // The tool echoed its headers back: what the model and the record got is masked.
    expect(JSON.stringify(await receivedRequests(model))).not.toContain(secret);
    expect(JSON.stringify(await receivedRequests(model))).toContain('••••');
    expect(run.text).not.toContain(secret);
    expect(JSON.stringify(run.record)).not.toContain(secret);
    expect(step?.error?.code).toBe('max_steps_exceeded');
  });
});
