import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect, split, streamOf, utf8 } from '../../test/streams.ts';
import { EventStreamError, parseServerSentEvents, type ServerSentEvent } from '../index.ts';

const parseText = (text: string) => collect(parseServerSentEvents(streamOf([utf8(text)])));

describe('parseServerSentEvents', () => {
  it('joins data lines with LF', async () => {
    expect(await parseText('data: YHOO\ndata: +2\ndata: 10\n\n')).toEqual([{ data: 'YHOO\n+2\n10' }]);
  });

  it('follows the spec example: comments, ids that persist or reset, one space stripped', async () => {
    const text =
      ': test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n';
    expect(await parseText(text)).toEqual([
      { data: 'first event', id: '1' },
      { data: 'second event' },
      { data: ' third event' },
    ]);
    expect(await parseText('id: 7\ndata: a\n\ndata: b\n\n')).toEqual([
      { id: '7', data: 'a' },
      { id: '7', data: 'b' },
    ]);
  });

  it('dispatches empty data, and drops an event the stream ends inside', async () => {
    expect(await parseText('data\n\ndata\ndata\n\ndata:')).toEqual([{ data: '' }, { data: '\n' }]);
    expect(await parseText('data: complete\n\ndata: cut off\n')).toEqual([{ data: 'complete' }]);
  });

  it('accepts LF, CRLF and CR line ends, mixed', async () => {
    const expected = [{ event: 'a', data: '1\n2' }, { data: '3' }];
    for (const text of [
      'event: a\ndata: 1\ndata: 2\n\ndata: 3\n\n',
      'event: a\r\ndata: 1\r\ndata: 2\r\n\r\ndata: 3\r\n\r\n',
      'event: a\rdata: 1\rdata: 2\r\rdata: 3\r\r',
      'event: a\rdata: 1\r\ndata: 2\n\r\ndata: 3\r\n\n',
    ]) {
      expect(await parseText(text)).toEqual(expected);
    }
  });

  it('does not take a CRLF split across chunks for two line ends', async () => {
    const chunks = ['data: a\r', '\ndata: b\r', '\n\r', '\n'].map(utf8);
    expect(await collect(parseServerSentEvents(streamOf(chunks)))).toEqual([{ data: 'a\nb' }]);
  });

  it('ignores comments, unknown fields, a NUL in an id and a retry that is not digits', async () => {
    const text = ':ping\n: ping\nfoo: bar\nid: a\0b\nretry: 1s\ndata: x\n\n';
    expect(await parseText(text)).toEqual([{ data: 'x' }]);
  });

  it('reports retry on the next event and resets the event type after each dispatch', async () => {
    const text = 'retry: 3000\n\nevent: first\n\nevent: second\ndata: 1\n\ndata: 2\n\n';
    expect(await parseText(text)).toEqual([{ event: 'second', data: '1', retry: 3000 }, { data: '2' }]);
  });

  it('strips a leading byte order mark, only there', async () => {
    expect(await parseText('\uFEFFdata: \uFEFFx\n\n')).toEqual([{ data: '\uFEFFx' }]);
  });

  it('decodes UTF-8 split inside a character', async () => {
    const bytes = utf8('data: 你好🌏\n\n');
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const chunks = split(bytes, [cut]);
      expect(await collect(parseServerSentEvents(streamOf(chunks)))).toEqual([{ data: '你好🌏' }]);
    }
  });

  it('throws event_too_large for a line or data over the limit', async () => {
    const options = { maxEventLength: 64 };
    const long = `data: ${'x'.repeat(100)}`;
    await expect(collect(parseServerSentEvents(streamOf([utf8(long)]), options))).rejects.toMatchObject({
      name: 'EventStreamError',
      code: 'event_too_large',
    });
    const many = 'data: xxxxxxxxxx\n'.repeat(10);
    await expect(collect(parseServerSentEvents(streamOf([utf8(many)]), options))).rejects.toBeInstanceOf(
      EventStreamError,
    );
  });

  it('cancels the stream when the reader stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(utf8('data: tick\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of parseServerSentEvents(stream)) {
      expect(event.data).toBe('tick');
      break;
    }
    expect(cancelled).toBe(true);
  });

  it('passes the stream’s own error through', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(utf8('data: one\n\n'));
        controller.error(new Error('connection reset'));
      },
    });
    await expect(collect(parseServerSentEvents(stream))).rejects.toThrow('connection reset');
  });
});

// Text that exercises multi-byte UTF-8: CJK, astral emoji, combining marks, plus arbitrary code points.
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom('你', '好', '世界', '百炼', '🌏', '👩‍💻', 'é', 'e\u0301', ':', ' ', 'data: ', '\uFEFF'),
      fc.string({ unit: 'binary', maxLength: 8 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
const singleLine = text.map((value) => value.replace(/[\r\n\0]/g, ''));
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');

interface GeneratedEvent {
  readonly id?: string;
  readonly event?: string;
  readonly data: string;
  readonly retry?: number;
}

const eventArbitrary: fc.Arbitrary<GeneratedEvent> = fc.record(
  {
    id: singleLine.filter((id) => id !== ''),
    event: singleLine.filter((event) => event !== ''),
    data: text.map((value) => value.replace(/\r/g, '')),
    retry: fc.nat({ max: 100_000 }),
  },
  { requiredKeys: ['data'] },
);

/** Writes events with random line ends and comments; answers the text and what a parser must see. */
function encode(events: readonly GeneratedEvent[], ends: string[], comments: boolean[]) {
  let position = 0;
  let previous = '';
  const end = () => {
    const next = ends[position++ % ends.length] ?? '\n';
    // CR then LF is one CRLF line end, not two: the writer must not produce that by accident.
    previous = previous === '\r' && next === '\n' ? '\r\n' : next;
    return previous;
  };
  let output = '';
  let lastId: string | undefined;
  const expected: ServerSentEvent[] = [];
  events.forEach((event, index) => {
    if (comments[index % comments.length] === true) output += `: ping${end()}`;
    if (event.id !== undefined) output += `id: ${event.id}${end()}`;
    if (event.event !== undefined) output += `event: ${event.event}${end()}`;
    if (event.retry !== undefined) output += `retry: ${event.retry}${end()}`;
    for (const line of event.data.split('\n')) output += `data: ${line}${end()}`;
    output += end();
    lastId = event.id ?? lastId;
    expected.push({
      data: event.data,
      ...(event.event === undefined ? {} : { event: event.event }),
      ...(lastId === undefined ? {} : { id: lastId }),
      ...(event.retry === undefined ? {} : { retry: event.retry }),
    });
  });
  return { output, expected };
}

describe('parseServerSentEvents, any chunking', () => {
  it('parses any split of a valid stream, also inside UTF-8 characters, to the same events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArbitrary, { maxLength: 8 }),
        fc.array(lineEnd, { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat({ max: 2_000 }), { maxLength: 40 }),
        async (events, ends, comments, cuts) => {
          const { output, expected } = encode(events, ends, comments);
          const chunks = split(utf8(output), cuts);
          expect(await collect(parseServerSentEvents(streamOf(chunks)))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes, and their split does not change the events', async () => {
    const fragment = fc.oneof(
      fc.uint8Array({ maxLength: 16 }),
      fc
        .constantFrom(
          'data:',
          'data: ',
          'id: 1',
          'event: x',
          'retry: 5',
          ':',
          '\r',
          '\n',
          '\r\n',
          '你好',
          '\0',
        )
        .map(utf8),
      fc.constantFrom(utf8('好').slice(0, 2), Uint8Array.of(0xff), Uint8Array.of(0xef, 0xbb, 0xbf)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fragment, { maxLength: 40 }),
        fc.array(fc.nat({ max: 400 })),
        async (parts, cuts) => {
          const bytes = Uint8Array.from(parts.flatMap((part) => [...part]));
          const whole = await collect(parseServerSentEvents(streamOf([bytes])));
          const pieces = await collect(parseServerSentEvents(streamOf(split(bytes, cuts))));
          expect(pieces).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });
});
