import type { RunRecord } from '@edgeflow/api';
import { describe, expect, it } from 'vitest';
import type { Env } from '../src/env.ts';
import { adminJson, publishedAppWithKey } from './helpers/admin.ts';
import { countingDatabase, type RoundTrips } from './helpers/counting-database.ts';
import { chatDocument } from './helpers/documents.ts';
import { compatible, fakeModels, scriptModel } from './helpers/fake-model.ts';
import { refusingDatabase } from './helpers/refusing-database.ts';
import { readRunEvents, runEndOf, runPath } from './helpers/run-stream.ts';
import { adminToken, request, send, testEnv } from './helpers/worker.ts';
import { addText, createBase } from './knowledge/knowledge-helpers.ts';

/** Runs the app with a counting D1 binding; answers the round trips of that one run and its id. */
async function countedRun(appId: string, key: string, body: Record<string, unknown>) {
  const { database, counts } = countingDatabase(testEnv.DB);
  const env: Env = { ...testEnv, DB: database };
  const { response, settle } = await send(runPath(appId), { token: key, env, json: body });
  let runId: string;
  if (body.stream === false) {
    runId = ((await response.json()) as { runId: string }).runId;
  } else {
    const events = await readRunEvents(response);
    expect(runEndOf(events).status).toBe('succeeded');
    runId = events[0]?.runId ?? '';
  }
  // The end-of-run batch goes out in waitUntil: count it too.
  await settle();
  return { counts: { ...counts }, runId };
}

const twoRoundTrips: RoundTrips = { batch: 2, statement: 0, other: 0 };

describe('D1 round trips per run', () => {
  it('costs the same two round trips for a 4-node and a 40-node app, streamed or not', async () => {
    const measured: Record<string, RoundTrips> = {};
    for (const nodes of [4, 40]) {
      const { app, key } = await publishedAppWithKey(chatDocument({ nodes, name: `${nodes} nodes` }));
      // Warm-up: fills the isolate's key and published-version caches, as steady traffic does.
      await countedRun(app.id, key, { inputs: { query: 'warm up' } });
      measured[`${nodes} streamed`] = (await countedRun(app.id, key, { inputs: { query: 'q' } })).counts;
      measured[`${nodes} json`] = (
        await countedRun(app.id, key, { inputs: { query: 'q' }, stream: false })
      ).counts;
    }
    console.info(`D1 round trips per run: ${JSON.stringify(measured)}`);
    expect(measured).toEqual({
      '4 streamed': twoRoundTrips,
      '4 json': twoRoundTrips,
      '40 streamed': twoRoundTrips,
      '40 json': twoRoundTrips,
    });
  });

  it('pays one read more to continue a conversation (its history), whatever the size', async () => {
    const { app, key } = await publishedAppWithKey(chatDocument({ nodes: 40, memoryTurns: 3 }));
    const first = await countedRun(app.id, key, { inputs: { query: 'one' }, stream: false });
    const { conversationId } = await adminJson<RunRecord>(`/api/runs/${first.runId}`);
    const next = await countedRun(app.id, key, { inputs: { query: 'two' }, conversationId });
    expect(next.counts).toEqual({ batch: 3, statement: 0, other: 0 });
  });

  it('shares batches between runs in flight together, and still records every run whole', async () => {
    // A model that takes its time, so the runs overlap as concurrent callers' runs do.
    await scriptModel(fakeModels.together, { text: 'all together', firstTokenLatencyMs: 60 });
    const { app, key } = await publishedAppWithKey(
      chatDocument({ nodes: 4, name: 'together', model: compatible(fakeModels.together) }),
    );
    await countedRun(app.id, key, { inputs: { query: 'warm up' } });
    const { database, counts } = countingDatabase(testEnv.DB);
    const env: Env = { ...testEnv, DB: database };
    const runs = 12;
    const sent = await Promise.all(
      Array.from({ length: runs }, (_, index) =>
        send(runPath(app.id), { token: key, env, json: { inputs: { query: `together ${index}` } } }),
      ),
    );
    const runIds = await Promise.all(
      sent.map(async ({ response, settle }) => {
        const events = await readRunEvents(response);
        expect(runEndOf(events).status).toBe('succeeded');
        await settle();
        return events[0]?.runId ?? '';
      }),
    );
    console.info(`D1 round trips for ${runs} runs in flight together: ${JSON.stringify(counts)}`);
    expect(counts.statement + counts.other).toBe(0);
    expect(counts.batch).toBeLessThan(2 * runs);
    for (const [index, runId] of runIds.entries()) {
      // Each run's records were written by the time its own request settled, whoever sent the batch.
      const record = await adminJson<RunRecord>(`/api/runs/${runId}`);
      expect(record.status).toBe('succeeded');
      expect(record.steps.map((step) => step.status)).toEqual(Array(4).fill('succeeded'));
      expect(record.inputs).toEqual({ query: `together ${index}` });
      expect(record.outputs).toEqual({ answer: 'all together' });
    }
  });

  it('keeps a write that fails in a shared batch from taking the other runs’ records with it', async () => {
    await scriptModel(fakeModels.together, { text: 'all together', firstTokenLatencyMs: 60 });
    const { app, key } = await publishedAppWithKey(
      chatDocument({ nodes: 4, name: 'one bad write', model: compatible(fakeModels.together) }),
    );
    // Slow batches, so the runs' end writes queue up behind one another and share batches.
    const { database, refused } = refusingDatabase(testEnv.DB, 'poison', 25);
    const env: Env = { ...testEnv, DB: database };
    const queries = ['a', 'b', 'c', 'poison', 'd', 'e', 'f'];
    const runIds = await Promise.all(
      queries.map(async (query) => {
        const { response, settle } = await send(runPath(app.id), {
          token: key,
          env,
          json: { inputs: { query } },
        });
        const events = await readRunEvents(response);
        // Persistence never touches the caller's stream.
        expect(runEndOf(events).status).toBe('succeeded');
        await settle();
        return events[0]?.runId ?? '';
      }),
    );
    // The poisoned end write failed in a batch it shared with others' (a 4-node run's end is 5 statements).
    expect(refused.some((statements) => statements > 5)).toBe(true);
    for (const [index, runId] of runIds.entries()) {
      const record = await adminJson<RunRecord>(`/api/runs/${runId}`);
      if (queries[index] === 'poison') {
        expect([record.status, record.steps]).toEqual(['running', []]);
      } else {
        expect(record.status).toBe('succeeded');
        expect(record.steps).toHaveLength(4);
      }
    }
  });

  it('records all 40 steps of a 40-node run (inserts chunked under D1’s 100-parameter limit)', async () => {
    const { app, key } = await publishedAppWithKey(chatDocument({ nodes: 40 }));
    const { runId } = await countedRun(app.id, key, { inputs: { query: 'forty' } });
    const record = await adminJson<RunRecord>(`/api/runs/${runId}`);
    expect(record.status).toBe('succeeded');
    expect(record.steps).toHaveLength(40);
    expect(new Set(record.steps.map((step) => step.nodeId)).size).toBe(40);
    expect(record.steps.every((step) => step.status === 'succeeded')).toBe(true);
    const last = record.steps.find((step) => step.nodeId === 'step_37');
    expect(last?.outputs).toEqual({ text: 'step 37: forty' });
    expect(record.outputs).toEqual({ answer: 'Echo: forty' });
  });
});

describe('D1 round trips per knowledge-base query', () => {
  it('costs one round trip for a keyword query, found or not, and for an unknown base (404)', async () => {
    const base = await createBase({ name: 'round trips' });
    await addText(base.id, 'Shipping', 'Parcels leave the warehouse within two working days.');
    const counted = async (kbId: string, body: Record<string, unknown>) => {
      const { database, counts } = countingDatabase(testEnv.DB);
      const response = await request(`/api/knowledge-bases/${kbId}/query`, {
        token: adminToken,
        env: { ...testEnv, DB: database },
        json: body,
      });
      return { status: response.status, body: await response.json(), counts: { ...counts } };
    };
    const one: RoundTrips = { batch: 1, statement: 0, other: 0 };
    const found = await counted(base.id, { query: 'when do parcels leave?', mode: 'keyword' });
    expect(found.status).toBe(200);
    expect((found.body as { chunks: unknown[] }).chunks).toHaveLength(1);
    expect(found.counts).toEqual(one);
    // `auto` on a base without an embedding model is keyword search: the same single batch.
    expect((await counted(base.id, { query: 'parcels' })).counts).toEqual(one);
    expect((await counted(base.id, { query: 'nothing matches this' })).counts).toEqual(one);
    const unknown = await counted('kb_doesnotexist0000000', { query: 'parcels', mode: 'keyword' });
    expect(unknown.status).toBe(404);
    expect(unknown.counts).toEqual(one);
  });
});
