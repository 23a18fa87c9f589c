import { describe, expect, it } from 'vitest';
import { createEmbedder, createModelPort, listModels, type WorkersAiBinding } from '../src/index.ts';
import { collectStream } from './collect-stream.ts';

interface BindingCall {
  readonly model: string;
  readonly inputs: unknown;
}

/**
 * A stand-in for Cloudflare's `env.AI` (it needs Cloudflare to run): streams Workers AI's native
 * SSE (`{"response": "…"}` events) for chat models and returns `{ data }` for embedding models.
 */
function fakeAiBinding(calls: BindingCall[]): WorkersAiBinding {
  return {
    async run(model, inputs) {
      calls.push({ model, inputs });
      if (model.includes('bge')) {
        const texts = (inputs as { text: string[] }).text;
        return { shape: [texts.length, 3], data: texts.map((_, index) => [index, 1, 0]) };
      }
      const events = [
        { response: 'Hello' },
        { response: ' from' },
        { response: ' the edge' },
        { response: '', usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 } },
      ];
      const encoder = new TextEncoder();
      return new ReadableStream<Uint8Array>({
        start(controller) {
          for (const event of events)
            controller.enqueue(encoder.encode(`data: ${JSON.stringify(event)}\n\n`));
          controller.enqueue(encoder.encode('data: [DONE]\n\n'));
          controller.close();
        },
      });
    },
  };
}

describe('workers-ai provider through the AI binding', () => {
  it('streams chat from the binding', async () => {
    const calls: BindingCall[] = [];
    const port = createModelPort({ AI: fakeAiBinding(calls) });
    const result = await collectStream(
      port.stream(
        {
          model: 'workers-ai:@cf/meta/llama-3.1-8b-instruct',
          system: 'Be brief.',
          messages: [{ role: 'user', content: 'Hi' }],
        },
        new AbortController().signal,
      ),
    );
    expect(result.error).toBeUndefined();
    expect(result.deltas).toEqual(['Hello', ' from', ' the edge']);
    expect(result.finish?.usage).toEqual({ inputTokens: 9, outputTokens: 3 });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.model).toBe('@cf/meta/llama-3.1-8b-instruct');
    expect(calls[0]?.inputs).toMatchObject({
      stream: true,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    });
  });

  it('embeds through the binding', async () => {
    const calls: BindingCall[] = [];
    const result = await createEmbedder({ AI: fakeAiBinding(calls) }).embed('workers-ai:@cf/baai/bge-m3', [
      'a',
      'b',
    ]);
    expect(result.vectors).toEqual([
      [0, 1, 0],
      [1, 1, 0],
    ]);
    expect(calls).toEqual([{ model: '@cf/baai/bge-m3', inputs: { text: ['a', 'b'] } }]);
  });

  it('is not configured without the binding, and listed with it', async () => {
    const result = await collectStream(
      createModelPort({}).stream(
        { model: 'workers-ai:@cf/meta/llama-3.1-8b-instruct', messages: [] },
        new AbortController().signal,
      ),
    );
    expect(result.error?.code).toBe('model_not_configured');
    expect(result.error?.message).toContain('binding named AI');
    const ids = listModels({ AI: fakeAiBinding([]) }).map((model) => model.id);
    expect(ids).toContain('workers-ai:@cf/meta/llama-3.1-8b-instruct');
    expect(ids).toContain('workers-ai:@cf/baai/bge-m3');
  });
});
