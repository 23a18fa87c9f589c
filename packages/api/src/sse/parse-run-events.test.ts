import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEvents } from '../../test/examples.ts';
import { collect, split, streamOf, utf8 } from '../../test/streams.ts';
import {
  formatServerSentEvent,
  formatServerSentMessage,
  parseRunEvents,
  parseServerSentEvents,
  pingComment,
  type RunEvent,
  runEventSchema,
} from '../index.ts';

const events: RunEvent[] = runEvents.map((event) => runEventSchema.parse(event));
const wire = events.map(formatServerSentEvent).join(pingComment);

describe('formatServerSentEvent', () => {
  it('writes id, event and one line of JSON data, as API.md fixes it', () => {
    const [first] = events;
    if (first === undefined) throw new Error('no events');
    expect(formatServerSentEvent(first)).toBe(`id: 1\nevent: run-start\ndata: ${JSON.stringify(first)}\n\n`);
    expect(formatServerSentEvent(events[3] ?? first).split('\n')).toHaveLength(5);
  });

  it('round-trips through the parser with every split of the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: utf8(wire).length }), { maxLength: 30 }), async (cuts) => {
        expect(await collect(parseRunEvents(streamOf(split(utf8(wire), cuts))))).toEqual(events);
      }),
    );
  });
});

describe('formatServerSentMessage', () => {
  it('splits multi-line data and refuses line breaks where they would inject fields', async () => {
    expect(formatServerSentMessage({ data: '[DONE]' })).toBe('data: [DONE]\n\n');
    const message = { id: '7', event: 'note', retry: 10, data: 'a\r\nb\rc\nd' };
    expect(await collect(parseServerSentEvents(streamOf([utf8(formatServerSentMessage(message))])))).toEqual([
      { ...message, data: 'a\nb\nc\nd' },
    ]);
    expect(() => formatServerSentMessage({ event: 'x\ndata: injected', data: '' })).toThrow(TypeError);
    expect(() => formatServerSentMessage({ id: 'x\r', data: '' })).toThrow(TypeError);
    expect(() => formatServerSentMessage({ retry: -1, data: '' })).toThrow(TypeError);
  });
});

describe('parseRunEvents', () => {
  it('skips event types it does not know and unnamed messages', async () => {
    const extra = 'event: node-progress\ndata: {"type":"node-progress"}\n\ndata: hello\n\n';
    const stream = streamOf([utf8(extra + wire)]);
    expect(await collect(parseRunEvents(stream))).toEqual(events);
  });

  it('stops after run-end', async () => {
    const trailing = `${wire}event: run-start\ndata: not even json\n\n`;
    expect(await collect(parseRunEvents(streamOf([utf8(trailing)])))).toEqual(events);
  });

  it('throws incomplete_stream when the stream ends before run-end', async () => {
    const cut = events.slice(0, 3).map(formatServerSentEvent).join('');
    await expect(collect(parseRunEvents(streamOf([utf8(cut)])))).rejects.toMatchObject({
      code: 'incomplete_stream',
      details: { lastSeq: 3 },
    });
  });

  it('throws invalid_event for data that is not JSON, not valid, or of another type', async () => {
    const bad = [
      'event: node-start\ndata: {oops\n\n',
      'event: node-start\ndata: {"type":"node-start","runId":"run_1","seq":0,"nodeId":"a","nodeType":"llm"}\n\n',
      'event: node-start\ndata: {"type":"node-end","runId":"run_1","seq":1,"nodeId":"a","status":"succeeded","elapsedMs":1}\n\n',
      'event: run-end\ndata: {"type":"run-end","runId":"run_1","seq":2,"status":"done","outputs":{},"usage":{"inputTokens":0,"outputTokens":0},"elapsedMs":1}\n\n',
    ];
    for (const text of bad) {
      await expect(collect(parseRunEvents(streamOf([utf8(text)])))).rejects.toMatchObject({
        name: 'EventStreamError',
        code: 'invalid_event',
      });
    }
  });
});

describe('runEventSchema', () => {
  it('rejects events without type, runId or seq, or with fields of the wrong kind', () => {
    const [start, nodeStart, delta, , nodeEnd, end] = runEvents;
    const bad = [
      { ...start, runId: undefined },
      { ...start, seq: undefined },
      { ...start, seq: 1.5 },
      { ...start, appId: 'run_1' },
      { ...nodeStart, type: 'node-begin' },
      { ...delta, delta: undefined },
      { ...nodeEnd, status: 'cancelled' },
      {
        ...nodeEnd,
        attempts: [{ number: 0, status: 'failed', elapsedMs: 1, error: { code: 'x', message: 'y' } }],
      },
      { ...nodeEnd, attempts: [{ number: 1 }] },
      { ...end, usage: undefined },
      { ...end, status: 'skipped' },
      { ...end, error: { message: 'no code' } },
    ];
    for (const event of bad)
      expect(runEventSchema.safeParse(event).success, JSON.stringify(event)).toBe(false);
  });
});
