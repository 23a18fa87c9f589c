import { expect, it } from 'vitest';
import { apiKey, bodyOf, messageShapes, type ProviderFixture } from './provider-fixture.ts';

/** Streaming, settings, conversations, tools and structured output, as the provider puts them on the wire. */
export function chatConversationCases(fixture: ProviderFixture): void {
  const { ask, chatModel } = fixture;

  it('streams text as several deltas with real gaps between them', async () => {
    fixture.server.script(chatModel, { text: 'one two three four five', interTokenDelayMs: 60 });
    const result = await ask({});
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('one two three four five');
    expect(result.deltas.length).toBeGreaterThanOrEqual(5);
    const firstDelta = result.arrivals[0] ?? Number.POSITIVE_INFINITY;
    // Four gaps of 60 ms follow the first word: it must arrive well before the stream ends.
    expect(result.endedAt - firstDelta).toBeGreaterThan(180);
    expect(result.parts.at(-1)?.type).toBe('finish');
  });

  it('reports the finish reason and the usage the provider counted', async () => {
    fixture.server.script(chatModel, {
      text: 'Short answer.',
      usage: { prompt_tokens: 17, completion_tokens: 3 },
    });
    const result = await ask({});
    expect(result.finish).toEqual({ finishReason: 'stop', usage: { inputTokens: 17, outputTokens: 3 } });
  });

  it('sends the system prompt, settings and a multi-turn conversation in order, with the key', async () => {
    const result = await ask({
      system: 'You are terse.',
      temperature: 0.25,
      maxTokens: 64,
      messages: [
        { role: 'user', content: 'first question' },
        { role: 'assistant', content: 'first answer' },
        { role: 'user', content: 'second question' },
      ],
    });
    expect(result.text).toBe('Fake reply to: second question');
    expect(fixture.server.requests).toHaveLength(1);
    const body = bodyOf(fixture.server, 0);
    expect(body.model).toBe(chatModel);
    expect(body.stream).toBe(true);
    expect(body.temperature).toBe(0.25);
    expect(body.max_tokens ?? body.max_completion_tokens).toBe(64);
    expect(messageShapes(body.messages)).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: 'first answer' },
      { role: 'user', content: 'second question' },
    ]);
    expect(fixture.server.requests[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);
  });

  it('sends tools and yields the tool calls with parsed arguments', async () => {
    fixture.server.enqueue(chatModel, {
      toolCalls: [
        { name: 'get_weather', arguments: { city: 'Paris', days: 2 }, id: 'call_a' },
        { name: 'get_time', arguments: { zone: 'CET' }, id: 'call_b' },
      ],
    });
    const parameters = {
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'integer' } },
      required: ['city'],
    };
    const result = await ask({
      tools: [
        { name: 'get_weather', description: 'Weather for a city', parameters },
        { name: 'get_time', description: 'Time in a zone', parameters: { type: 'object', properties: {} } },
      ],
    });
    expect(result.error).toBeUndefined();
    expect(result.toolCalls).toEqual([
      { id: 'call_a', name: 'get_weather', arguments: { city: 'Paris', days: 2 } },
      { id: 'call_b', name: 'get_time', arguments: { zone: 'CET' } },
    ]);
    expect(result.finish?.finishReason).toBe('tool-calls');
    const tools = bodyOf(fixture.server, 0).tools;
    expect(tools).toEqual([
      expect.objectContaining({
        type: 'function',
        function: expect.objectContaining({
          name: 'get_weather',
          description: 'Weather for a city',
          parameters,
        }),
      }),
      expect.objectContaining({
        type: 'function',
        function: expect.objectContaining({ name: 'get_time' }),
      }),
    ]);
  });

  it('passes a tool call with broken JSON arguments on as their text', async () => {
    fixture.server.enqueue(chatModel, {
      toolCalls: [{ name: 'get_weather', arguments: '{"city": "Par', id: 'call_x' }],
    });
    const result = await ask({
      tools: [
        { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: {} } },
      ],
    });
    expect(result.error).toBeUndefined();
    expect(result.toolCalls).toEqual([{ id: 'call_x', name: 'get_weather', arguments: '{"city": "Par' }]);
  });

  it('sends tool calls and their results back in OpenAI’s shape', async () => {
    const result = await ask({
      tools: [
        { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: {} } },
      ],
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: 'Checking.',
          toolCalls: [
            { id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } },
            { id: 'call_2', name: 'get_weather', arguments: '{"city":"Rome"}' },
          ],
        },
        { role: 'tool', toolCallId: 'call_1', toolName: 'get_weather', result: { celsius: 21 } },
        { role: 'tool', toolCallId: 'call_2', toolName: 'get_weather', result: 'timeout', isError: true },
      ],
    });
    expect(result.text).toMatch(/^Fake reply to tool result: .*timeout/);
    expect(messageShapes(bodyOf(fixture.server, 0).messages)).toEqual([
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
          {
            id: 'call_2',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Rome"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"celsius":21}' },
      // Providers differ in how they mark a failed call; the text must reach the model.
      { role: 'tool', tool_call_id: 'call_2', content: expect.stringContaining('timeout') },
    ]);
  });

  it('asks for structured output and streams JSON text that satisfies the schema', async () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        age: { type: 'integer' },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['name', 'age'],
      additionalProperties: false,
    };
    const result = await ask({ output: { name: 'person', schema } });
    expect(result.error).toBeUndefined();
    expect(result.deltas.length).toBeGreaterThan(1);
    const value: unknown = JSON.parse(result.text);
    expect(value).toEqual(expect.objectContaining({ name: expect.any(String), age: expect.any(Number) }));
    const body = bodyOf(fixture.server, 0);
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'person', schema },
    });
    expect(JSON.stringify(body.messages)).toContain('JSON');
  });
}
