import { describe, expect, it } from 'vitest';
import { deltas, nodeEnd, runEnd, runPlan, startNode, testPorts } from '../../test/support.ts';
import { HttpPortError, type ModelToolMessage, secretMask } from '../index.ts';
import { createScriptedHttp, createScriptedModel, jsonResponse, planFrom } from '../testing/index.ts';

const weatherTool = {
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' }, units: { type: 'string' } } },
  method: 'GET',
  url: 'https://weather.example/now/{{args.city}}',
  headers: { 'X-Key': '{{secrets.weather_key}}' },
};
const ticketTool = {
  name: 'open_ticket',
  description: 'Opens a ticket',
  parameters: { type: 'object', properties: { title: { type: 'string' } } },
  method: 'POST',
  url: 'https://tickets.example/',
};

const agentPlan = (config: Record<string, unknown>) =>
  planFrom({
    nodes: [
      startNode,
      {
        id: 'agent',
        type: 'agent',
        config: { prompt: '{{start.query}}', tools: [weatherTool, ticketTool], ...config },
      },
      { id: 'answer', type: 'answer', config: { text: '{{agent.text}}' } },
    ],
    edges: [
      ['start', 'agent'],
      ['agent', 'answer'],
    ],
  });

const secrets = { get: async (name: string) => (name === 'weather_key' ? 'wk-123456' : undefined) };

describe('agent node', () => {
  it('runs the tool loop: model → tool calls over http → results → model → answer', async () => {
    const model = createScriptedModel([
      {
        toolCalls: [
          { id: 'c1', name: 'get_weather', arguments: { city: 'New York', units: 'metric' } },
          { id: 'c2', name: 'open_ticket', arguments: '{"title":"cold"}' },
        ],
      },
      'It is 3°C in New York.',
    ]);
    const http = createScriptedHttp((request) =>
      request.method === 'GET'
        ? jsonResponse({ temperature: 3, key: request.headers['X-Key'] })
        : jsonResponse({ id: 'T1' }),
    );
    const events = await runPlan(agentPlan({ system: 'Use tools.' }), {
      inputs: { query: 'Weather in NY?' },
      ports: testPorts({ model, http, secrets }),
    });
    expect(http.requests).toEqual([
      {
        method: 'GET',
        url: 'https://weather.example/now/New%20York?units=metric',
        headers: { 'X-Key': 'wk-123456' },
        timeoutMs: 15_000,
      },
      {
        method: 'POST',
        url: 'https://tickets.example/',
        headers: { 'content-type': 'application/json' },
        body: '{"title":"cold"}',
        timeoutMs: 15_000,
      },
    ]);
    expect(model.requests[0]).toMatchObject({
      system: 'Use tools.',
      tools: [
        { name: 'get_weather', description: 'Weather for a city', parameters: weatherTool.parameters },
        { name: 'open_ticket', description: 'Opens a ticket' },
      ],
    });
    const second = model.requests[1]?.messages ?? [];
    expect(second[1]).toMatchObject({
      role: 'assistant',
      toolCalls: [{ id: 'c1' }, { id: 'c2', arguments: { title: 'cold' } }],
    });
    expect(second[2]).toEqual({
      role: 'tool',
      toolCallId: 'c1',
      toolName: 'get_weather',
      result: { temperature: 3, key: secretMask },
    });
    expect(nodeEnd(events, 'agent').outputs).toMatchObject({
      text: 'It is 3°C in New York.',
      toolCalls: [
        {
          id: 'c1',
          name: 'get_weather',
          arguments: { city: 'New York', units: 'metric' },
          status: 'succeeded',
        },
        { id: 'c2', name: 'open_ticket', status: 'succeeded', result: { id: 'T1' } },
      ],
      usage: { inputTokens: expect.any(Number), outputTokens: expect.any(Number) },
    });
    expect(JSON.stringify(events)).not.toContain('wk-123456');
    expect(runEnd(events).outputs).toEqual({ answer: 'It is 3°C in New York.' });
  });

  it('sends a tool error back to the model for a tool that is not in the document, without calling anything', async () => {
    const model = createScriptedModel([
      { toolCalls: [{ id: 'x', name: 'delete_everything', arguments: {} }] },
      'Sorry, I cannot do that.',
    ]);
    const http = createScriptedHttp(() => jsonResponse({}));
    const events = await runPlan(agentPlan({}), {
      inputs: { query: 'q' },
      ports: testPorts({ model, http, secrets }),
    });
    expect(http.requests).toHaveLength(0);
    const toolMessage = model.requests[1]?.messages.find(
      (message): message is ModelToolMessage => message.role === 'tool',
    );
    expect(toolMessage).toMatchObject({
      toolCallId: 'x',
      isError: true,
      result: { error: expect.stringContaining('delete_everything') },
    });
    expect(nodeEnd(events, 'agent').outputs?.toolCalls).toEqual([
      {
        id: 'x',
        name: 'delete_everything',
        arguments: {},
        status: 'failed',
        error: expect.stringContaining('no tool'),
      },
    ]);
    expect(runEnd(events).status).toBe('succeeded');
  });

  it('passes refused requests and error statuses back to the model as tool errors', async () => {
    const model = createScriptedModel([
      {
        toolCalls: [
          { name: 'get_weather', arguments: { city: 'x' } },
          { name: 'open_ticket', arguments: {} },
        ],
      },
      'done',
    ]);
    const http = createScriptedHttp((request) => {
      if (request.method === 'GET') throw new HttpPortError('egress_refused', 'Not allowed.');
      return { status: 500, headers: {}, body: 'oops' };
    });
    const events = await runPlan(agentPlan({}), {
      inputs: { query: 'q' },
      ports: testPorts({ model, http, secrets }),
    });
    expect(nodeEnd(events, 'agent').outputs?.toolCalls).toMatchObject([
      { name: 'get_weather', status: 'failed', error: 'egress_refused: Not allowed.' },
      { name: 'open_ticket', status: 'failed', error: 'HTTP 500', result: 'oops' },
    ]);
    expect(runEnd(events).status).toBe('succeeded');
  });

  it('fails with max_steps_exceeded when the model still wants tools at maxSteps', async () => {
    const model = createScriptedModel(() => ({
      toolCalls: [{ name: 'open_ticket', arguments: { title: 'again' } }],
    }));
    const http = createScriptedHttp(() => jsonResponse({ id: 'T' }));
    const events = await runPlan(agentPlan({ maxSteps: 3 }), {
      inputs: { query: 'q' },
      ports: testPorts({ model, http, secrets }),
    });
    expect(model.requests).toHaveLength(3);
    expect(http.requests).toHaveLength(2);
    expect(runEnd(events)).toMatchObject({
      status: 'failed',
      error: { code: 'max_steps_exceeded', nodeId: 'agent' },
    });
  });

  it('streams its text under its own id when stream is set, and answers without tools with the echo model', async () => {
    const events = await runPlan(agentPlan({ stream: true }), {
      inputs: { query: 'hello' },
      ports: testPorts({ secrets }),
    });
    expect(deltas(events, 'agent')).toBe('Echo: hello');
    expect(deltas(events, 'answer')).toBe('Echo: hello');
    expect(nodeEnd(events, 'agent').outputs).toMatchObject({ text: 'Echo: hello', toolCalls: [] });
  });

  it('does not retry once a tool ran', async () => {
    const model = createScriptedModel([
      { toolCalls: [{ name: 'open_ticket', arguments: {} }] },
      { error: 'down' },
      'never',
    ]);
    const http = createScriptedHttp(() => jsonResponse({ id: 'T' }));
    const events = await runPlan(agentPlan({ retry: { attempts: 3, backoffMs: 0 } }), {
      inputs: { query: 'q' },
      ports: testPorts({ model, http, secrets }),
    });
    expect(model.requests).toHaveLength(2);
    expect(http.requests).toHaveLength(1);
    expect(runEnd(events)).toMatchObject({ status: 'failed', error: { code: 'model_error' } });
  });

  it('renders {{args.*}} and secrets into a tool’s body template, escaped as JSON', async () => {
    const searchTool = {
      name: 'search',
      parameters: { type: 'object', properties: { text: { type: 'string' } } },
      method: 'POST',
      url: 'https://search.example/?q={{args.text}}',
      body: '{"query": "{{args.text}}", "key": "{{secrets.weather_key}}", "asked": "{{start.query}}"}',
    };
    const model = createScriptedModel([
      { toolCalls: [{ name: 'search', arguments: { text: 'a "quoted" word' } }] },
      'found',
    ]);
    const http = createScriptedHttp(() => jsonResponse({ hits: 1 }));
    const events = await runPlan(agentPlan({ tools: [searchTool] }), {
      inputs: { query: 'find it' },
      ports: testPorts({ model, http, secrets }),
    });
    expect(http.requests[0]).toMatchObject({
      url: 'https://search.example/?q=a%20%22quoted%22%20word',
      headers: { 'content-type': 'application/json' },
    });
    expect(JSON.parse(http.requests[0]?.body ?? '')).toEqual({
      query: 'a "quoted" word',
      key: 'wk-123456',
      asked: 'find it',
    });
    expect(runEnd(events).outputs).toEqual({ answer: 'found' });
  });
});
