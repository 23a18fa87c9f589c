import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { publishedAppWithKey } from './helpers/admin.ts';
import { chatDocument } from './helpers/documents.ts';
import { compatible, type FakeModelName, fakeModels, scriptModel } from './helpers/fake-model.ts';
import {
  eventsOfType,
  readRunEvents,
  runEndOf,
  runPath,
  runStartOf,
  type TimedEvent,
} from './helpers/run-stream.ts';
import { origin, send } from './helpers/worker.ts';

const words = 'streaming means every word leaves the worker as soon as the model writes it';
const tokenCount = words.split(' ').length;
const interTokenDelayMs = 100;

/** The timing of a streamed run, for the assertions and the report. */
function timing(events: readonly TimedEvent[]) {
  const deltas = eventsOfType(events, 'text-delta') as (TimedEvent & { type: 'text-delta' })[];
  const first = deltas[0]?.receivedAt ?? Number.NaN;
  const last = deltas.at(-1)?.receivedAt ?? Number.NaN;
  const end = events.at(-1)?.receivedAt ?? Number.NaN;
  const start = events[0]?.receivedAt ?? Number.NaN;
  return {
    deltas: deltas.length,
    distinctArrivals: new Set(deltas.map((delta) => delta.receivedAt)).size,
    runStartToFirstDeltaMs: first - start,
    firstToLastDeltaMs: last - first,
    firstDeltaToRunEndMs: end - first,
    text: deltas.map((delta) => delta.delta).join(''),
  };
}

async function scriptSlowModel(model: FakeModelName) {
  await scriptModel(model, { text: words, firstTokenLatencyMs: 150, interTokenDelayMs });
}

function expectStreamedAsProduced(events: readonly TimedEvent[]) {
  const measured = timing(events);
  console.info(`streaming timing: ${JSON.stringify({ ...measured, text: undefined })}`);
  expect(measured.text).toBe(words);
  expect(runEndOf(events).status).toBe('succeeded');
  // The model takes ~150 ms + 13 × 100 ms; buffered output would arrive in one lump at the end.
  expect(measured.deltas).toBeGreaterThanOrEqual(tokenCount);
  expect(measured.distinctArrivals).toBeGreaterThanOrEqual(tokenCount / 2);
  expect(measured.firstToLastDeltaMs).toBeGreaterThanOrEqual(interTokenDelayMs * (tokenCount - 1) * 0.6);
  expect(measured.firstDeltaToRunEndMs).toBeGreaterThanOrEqual(interTokenDelayMs * (tokenCount - 1) * 0.6);
  // run-start leaves before the model has said anything.
  expect(measured.runStartToFirstDeltaMs).toBeGreaterThanOrEqual(100);
}

describe('streaming for real', () => {
  it('sends each text-delta while the model is still producing', async () => {
    const model = fakeModels.slow;
    await scriptSlowModel(model);
    const { app, key } = await publishedAppWithKey(chatDocument({ model: compatible(model), nodes: 4 }));
    const { response, settle } = await send(runPath(app.id), {
      token: key,
      json: { inputs: { query: 'q' } },
    });
    const events = await readRunEvents(response);
    await settle();
    expectStreamedAsProduced(events);
    expect(runStartOf(events).appId).toBe(app.id);
  });

  it('does so through the worker entry point too', async () => {
    const model = fakeModels.slowThroughEntry;
    await scriptSlowModel(model);
    const { app, key } = await publishedAppWithKey(chatDocument({ model: compatible(model) }));
    const response = await exports.default.fetch(`${origin}${runPath(app.id)}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'accept-encoding': 'gzip',
      },
      body: JSON.stringify({ inputs: { query: 'q' } }),
    });
    expect(response.headers.get('content-encoding')).toBe('identity');
    expectStreamedAsProduced(await readRunEvents(response));
  });

  it('sends events that happen together as one piece, each text-delta alone, and ends with run-end', async () => {
    const model = fakeModels.pieces;
    await scriptModel(model, { text: 'one two three', firstTokenLatencyMs: 30, interTokenDelayMs: 30 });
    const { app, key } = await publishedAppWithKey(chatDocument({ model: compatible(model), nodes: 4 }));
    const { response, settle } = await send(runPath(app.id), {
      token: key,
      json: { inputs: { query: 'q' } },
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const pieces: string[][] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      pieces.push([...decoder.decode(read.value).matchAll(/^event: (.+)$/gm)].map((match) => match[1] ?? ''));
    }
    await settle();
    const events = pieces.flat();
    expect(events.filter((type) => type === 'text-delta')).toHaveLength(3);
    // Each token leaves when the model writes it, never held back to travel with another.
    for (const piece of pieces.filter((types) => types.includes('text-delta'))) {
      expect(piece.filter((type) => type === 'text-delta')).toHaveLength(1);
    }
    // run-start and the first nodes' starts and ends happen in one turn, and so do the last ones.
    expect(pieces.length).toBeLessThan(events.length);
    expect(events.at(-1)).toBe('run-end');
  });
});
