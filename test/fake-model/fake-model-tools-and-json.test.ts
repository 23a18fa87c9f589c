import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeModelServer, type FakeModelServer } from './index.ts';
import { readServerSentEvents } from './read-server-sent-events.ts';

let server: FakeModelServer;
beforeAll(async () => {
  server = await createFakeModelServer();
});
beforeEach(() => server.reset());
afterAll(() => server.close());

async function chat(body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    body: JSON.stringify({ model: 'm', ...body }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['city', 'unit'],
      additionalProperties: false,
    },
  },
};

const askWeather = [{ role: 'user', content: 'Weather in Paris?' }];

describe('fake model tool calls', () => {
  it('streams scripted tool calls as OpenAI does, arguments split over chunks', async () => {
    server.script('m', {
      toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }],
    });
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', stream: true, messages: askWeather, tools: [weatherTool] }),
    });
    const chunks = [];
    for await (const event of readServerSentEvents(response)) {
      if (event.data !== '[DONE]') chunks.push(JSON.parse(event.data));
    }
    const toolDeltas = chunks.flatMap((chunk) => chunk.choices[0]?.delta?.tool_calls ?? []);
    expect(toolDeltas[0]).toEqual({
      index: 0,
      id: 'call_fake_1_0',
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    });
    const pieces = toolDeltas.slice(1);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(Object.keys(piece).sort()).toEqual(['function', 'index']);
    const argumentsText = pieces.map((piece) => piece.function.arguments).join('');
    expect(JSON.parse(argumentsText)).toEqual({ city: 'Paris', unit: 'celsius' });
    expect(chunks[0].choices[0].delta.content).toBeNull();
    expect(chunks.at(-1).choices[0].finish_reason).toBe('tool_calls');
  });

  it('answers the turn that carries the tool result with text quoting it', async () => {
    server.script('m', {
      toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }],
    });
    const first = await chat({ messages: askWeather, tools: [weatherTool] });
    const [choice] = first.choices as { message: { tool_calls: { id: string }[] } }[];
    const call = choice?.message.tool_calls[0];
    const second = await chat({
      tools: [weatherTool],
      messages: [
        ...askWeather,
        { role: 'assistant', content: null, tool_calls: choice?.message.tool_calls },
        { role: 'tool', tool_call_id: call?.id, content: '21 degrees' },
      ],
    });
    expect(second.choices).toMatchObject([
      { message: { content: 'Fake reply to tool result: 21 degrees' }, finish_reason: 'stop' },
    ]);
  });

  it('calls again after a tool result with repeatToolCalls (a model that never stops)', async () => {
    server.script('m', { toolCalls: [{ name: 'get_weather', id: 'call_again' }], repeatToolCalls: true });
    const body = await chat({
      tools: [weatherTool],
      messages: [
        ...askWeather,
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_again', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_again', content: '21 degrees' },
      ],
    });
    expect(body.choices).toMatchObject([
      {
        message: { content: null, tool_calls: [{ id: 'call_again', function: { name: 'get_weather' } }] },
        finish_reason: 'tool_calls',
      },
    ]);
  });

  it('synthesises arguments from the tool schema when tool_choice forces a call', async () => {
    const body = await chat({ messages: askWeather, tools: [weatherTool], tool_choice: 'required' });
    expect(body.choices).toMatchObject([
      {
        message: {
          content: null,
          tool_calls: [
            {
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"fake city","unit":"celsius"}' },
            },
          ],
        },
        finish_reason: 'tool_calls',
      },
    ]);
  });

  it('makes no tool call when tool_choice is none', async () => {
    server.script('m', { toolCalls: [{ name: 'get_weather' }] });
    const body = await chat({ messages: askWeather, tools: [weatherTool], tool_choice: 'none' });
    expect(body.choices).toMatchObject([{ message: { content: 'Fake reply to: Weather in Paris?' } }]);
  });
});

describe('fake model JSON output', () => {
  const personFormat = {
    type: 'json_schema',
    json_schema: {
      name: 'person',
      strict: true,
      schema: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          age: { type: 'integer', minimum: 18 },
          tags: { type: 'array', items: { type: 'string' } },
        },
        required: ['name', 'age', 'tags'],
      },
    },
  };

  it('synthesises a value satisfying the json_schema when none is scripted', async () => {
    const body = await chat({ messages: [{ role: 'user', content: 'who?' }], response_format: personFormat });
    const [choice] = body.choices as { message: { content: string } }[];
    expect(JSON.parse(choice?.message.content ?? '')).toEqual({
      name: 'fake name',
      age: 18,
      tags: ['fake tags 1'],
    });
  });

  it('replies with the scripted json, streamed in pieces', async () => {
    server.script('m', { json: { name: 'Ada', age: 36, tags: ['math'] } });
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', stream: true, messages: [], response_format: personFormat }),
    });
    const pieces: string[] = [];
    for await (const event of readServerSentEvents(response)) {
      const content = event.data === '[DONE]' ? undefined : JSON.parse(event.data).choices[0]?.delta?.content;
      if (content) pieces.push(content);
    }
    expect(pieces.length).toBeGreaterThan(3);
    expect(JSON.parse(pieces.join(''))).toEqual({ name: 'Ada', age: 36, tags: ['math'] });
  });

  it('answers json_object requests with a JSON object', async () => {
    const body = await chat({
      messages: [{ role: 'user', content: 'hi' }],
      response_format: { type: 'json_object' },
    });
    const [choice] = body.choices as { message: { content: string } }[];
    expect(JSON.parse(choice?.message.content ?? '')).toEqual({ reply: 'Fake reply to: hi' });
  });
});
