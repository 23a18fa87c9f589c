import { describe, expect, it } from 'vitest';
import { createEchoModel, type ModelRequest, type ModelStreamPart, PortError } from './index.ts';
import { createManualClock } from './testing/index.ts';

async function parts(request: ModelRequest, model = createEchoModel()): Promise<ModelStreamPart[]> {
  const collected: ModelStreamPart[] = [];
  for await (const part of model.stream(request, new AbortController().signal)) collected.push(part);
  return collected;
}

describe('local:echo', () => {
  it('streams "Echo: " and the last user message word by word, with usage', async () => {
    const streamed = await parts({
      model: 'local:echo',
      system: 'two words',
      messages: [
        { role: 'user', content: 'old' },
        { role: 'assistant', content: 'reply' },
        { role: 'user', content: 'hello  big world' },
      ],
    });
    expect(streamed).toEqual([
      { type: 'text-delta', delta: 'Echo: ' },
      { type: 'text-delta', delta: 'hello  ' },
      { type: 'text-delta', delta: 'big ' },
      { type: 'text-delta', delta: 'world' },
      { type: 'finish', finishReason: 'stop', usage: { inputTokens: 7, outputTokens: 4 } },
    ]);
  });

  it('answers structured output with JSON that fits the schema', async () => {
    const streamed = await parts({
      model: 'local:echo',
      messages: [{ role: 'user', content: 'order status please. name: Ada Lovelace, age: 36, vip: yes.' }],
      output: {
        name: 'x',
        schema: {
          type: 'object',
          properties: {
            intent: { type: 'string', enum: ['refund', 'order_status', 'other'] },
            name: { type: 'string' },
            age: { type: 'number' },
            vip: { type: 'boolean' },
            missing: { type: 'string' },
            count: { type: 'integer' },
            tags: { type: 'array' },
            meta: { type: 'object', properties: { inner: { type: 'string' } } },
          },
        },
      },
    });
    const text = streamed.flatMap((part) => (part.type === 'text-delta' ? [part.delta] : [])).join('');
    expect(JSON.parse(text)).toEqual({
      intent: 'order_status',
      name: 'Ada Lovelace',
      age: 36,
      vip: true,
      missing: '',
      count: 0,
      tags: [],
      meta: { inner: '' },
    });
  });

  it('refuses other models, and waits between words on its clock', async () => {
    await expect(parts({ model: 'openai:gpt-4o', messages: [] })).rejects.toBeInstanceOf(PortError);
    const clock = createManualClock();
    const model = createEchoModel({ clock, tokenDelayMs: 50 });
    const pending = parts({ model: 'local:echo', messages: [{ role: 'user', content: 'a b' }] }, model);
    await clock.advance(100);
    expect((await pending).filter((part) => part.type === 'text-delta')).toHaveLength(3);
    expect(clock.sleeps).toEqual([50, 50]);
  });
});
