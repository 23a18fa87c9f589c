import { describe, expect, it } from 'vitest';
import { readRunEvents, StreamInterruptedError } from './read-run-events.ts';
import type { WidgetRunEvent } from './run-event.ts';
import { sse, streamOf } from './test-streams.ts';

async function collect(stream: ReadableStream<Uint8Array>): Promise<WidgetRunEvent[]> {
  const events: WidgetRunEvent[] = [];
  for await (const event of readRunEvents(stream)) events.push(event);
  return events;
}

const wire = [
  sse(1, { type: 'run-start', appId: 'app_1', version: 1, conversationId: 'conv_1' }),
  ': ping\n\n',
  sse(2, { type: 'node-start', nodeId: 'llm', nodeType: 'llm' }),
  sse(3, { type: 'text-delta', nodeId: 'llm', delta: 'Hel' }),
  sse(4, { type: 'text-delta', nodeId: 'llm', delta: 'lo 世界' }),
  sse(5, {
    type: 'run-end',
    status: 'succeeded',
    outputs: { answer: 'Hello 世界' },
    usage: {},
    elapsedMs: 3,
  }),
].join('');

describe('readRunEvents', () => {
  it('yields the events the widget uses, whatever the chunking (even inside a UTF-8 character)', async () => {
    const expected: WidgetRunEvent[] = [
      { type: 'run-start', conversationId: 'conv_1' },
      { type: 'text-delta', delta: 'Hel' },
      { type: 'text-delta', delta: 'lo 世界' },
      { type: 'run-end', status: 'succeeded', answer: 'Hello 世界', errorMessage: null },
    ];
    expect(await collect(streamOf([wire]))).toEqual(expected);
    const bytes = new TextEncoder().encode(wire);
    const chunks: Uint8Array[] = [];
    for (let start = 0; start < bytes.length; start += 7) chunks.push(bytes.slice(start, start + 7));
    let index = 0;
    const split = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[index++];
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    expect(await collect(split)).toEqual(expected);
  });

  it('reports a failed run with its message and stops reading at run-end', async () => {
    const failed = sse(2, {
      type: 'run-end',
      status: 'failed',
      outputs: {},
      error: { code: 'model_error', message: 'The model is unavailable.' },
    });
    expect(await collect(streamOf([failed, sse(3, { type: 'text-delta', delta: 'late' })]))).toEqual([
      { type: 'run-end', status: 'failed', answer: null, errorMessage: 'The model is unavailable.' },
    ]);
  });

  it('throws StreamInterruptedError when the stream ends before run-end', async () => {
    const cut = wire.slice(0, wire.indexOf('event: run-end'));
    await expect(collect(streamOf([cut]))).rejects.toBeInstanceOf(StreamInterruptedError);
  });

  it('skips malformed and unknown events', async () => {
    const noise = ['data: not json\n\n', sse(1, { type: 'future-event' }), sse(2, { type: 'text-delta' })];
    const end = sse(3, { type: 'run-end', status: 'cancelled', outputs: null });
    expect(await collect(streamOf([...noise, end]))).toEqual([
      { type: 'run-end', status: 'cancelled', answer: null, errorMessage: null },
    ]);
  });
});
