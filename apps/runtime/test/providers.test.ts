import type { RunRecord } from '@edgeflow/api';
import { describe, expect, it } from 'vitest';
import { adminJson, publishedAppWithKey } from './helpers/admin.ts';
import { chatDocument } from './helpers/documents.ts';
import { expectNoStackTrace } from './helpers/expect-error.ts';
import { compatible, enqueueModel, fakeModels, receivedRequests, scriptModel } from './helpers/fake-model.ts';
import { eventsOfType, readRunEvents, runEndOf, runPath, runToEnd, streamRun } from './helpers/run-stream.ts';
import { send } from './helpers/worker.ts';

const record = (runId: string) => adminJson<RunRecord>(`/api/runs/${runId}`);

describe('model providers through the runtime', () => {
  it('retries a 429 no sooner than its Retry-After, and the run succeeds', async () => {
    const model = fakeModels.rateLimited;
    await scriptModel(model, { text: 'after the wait' });
    await enqueueModel(model, { status: 429, retryAfterSeconds: 1 });
    const { app, key } = await publishedAppWithKey(chatDocument({ model: compatible(model) }));
    const result = await runToEnd(runPath(app.id), key, { inputs: { query: 'q' } });
    expect(result).toMatchObject({ status: 'succeeded', outputs: { answer: 'after the wait' } });
    const requests = await receivedRequests(model);
    expect(requests).toHaveLength(2);
    const waitedMs = (requests[1]?.receivedAt ?? 0) - (requests[0]?.receivedAt ?? 0);
    console.info(`429 Retry-After: 1 s → retried after ${waitedMs} ms`);
    expect(waitedMs).toBeGreaterThanOrEqual(1000);
    const llm = (await record(result.runId)).steps.find((step) => step.nodeId === 'llm');
    expect(llm?.status).toBe('succeeded');
  });

  // SECURITY 16: the provider's retry is announced by the model port and traced as a failed attempt.
  it('traces the rate-limited try in the step record (SECURITY 16)', async () => {
    const model = fakeModels.rateLimitedTrace;
    await scriptModel(model, { text: 'traced' });
    await enqueueModel(model, { status: 429, retryAfterMs: 50 });
    const { app, key } = await publishedAppWithKey(chatDocument({ model: compatible(model) }));
    const result = await runToEnd(runPath(app.id), key, { inputs: { query: 'q' } });
    expect(result.status).toBe('succeeded');
    const llm = (await record(result.runId)).steps.find((step) => step.nodeId === 'llm');
    expect(llm?.attempts).toHaveLength(2);
    expect(llm?.attempts?.[0]).toMatchObject({ status: 'failed', error: { code: 'model_rate_limited' } });
    expect(llm?.attempts?.[1]).toMatchObject({ status: 'succeeded' });
  });

  it('fails the run naming the node when the provider keeps failing', async () => {
    const model = fakeModels.down;
    await scriptModel(model, { status: 500 });
    const { app, key } = await publishedAppWithKey(chatDocument({ model: compatible(model), nodes: 4 }));
    const { response, settle } = await send(runPath(app.id), {
      token: key,
      json: { inputs: { query: 'q' } },
    });
    const events = await readRunEvents(response);
    await settle();
    const end = runEndOf(events);
    expect(end.status).toBe('failed');
    expect(end.error).toMatchObject({ code: 'model_unavailable', nodeId: 'llm' });
    expectNoStackTrace(JSON.stringify(events));
    const failedNode = eventsOfType(events, 'node-end').find((event) => event.nodeId === 'llm');
    expect(failedNode).toMatchObject({ status: 'failed', error: { code: 'model_unavailable' } });
    // Tried as often as the retry policy allows (3), then given up.
    expect(await receivedRequests(model)).toHaveLength(3);
    const stored = await record(events[0]?.runId ?? '');
    expect(stored).toMatchObject({ status: 'failed', error: { code: 'model_unavailable', nodeId: 'llm' } });
    expect(stored.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ['start', 'succeeded'],
      ['step_1', 'succeeded'],
      ['llm', 'failed'],
      ['answer', 'failed'],
    ]);
  });

  it('fails a run whose model stream breaks off, keeping the partial text', async () => {
    const model = fakeModels.dropped;
    await scriptModel(model, { tokens: ['partial ', 'answer ', 'never ', 'finished'], dropAfterTokens: 2 });
    const { app, key } = await publishedAppWithKey(chatDocument({ model: compatible(model) }));
    const events = await streamRun(runPath(app.id), key, { inputs: { query: 'q' } });
    const streamed = eventsOfType(events, 'text-delta')
      .map((event) => event.delta)
      .join('');
    expect(streamed).toBe('partial answer ');
    const end = runEndOf(events);
    expect(end.status).toBe('failed');
    // Not retried: the caller already has the first words.
    expect(end.error).toMatchObject({ code: 'model_stream_interrupted', nodeId: 'llm' });
    expect(await receivedRequests(model)).toHaveLength(1);
    const stored = await record(end.runId);
    expect(stored.status).toBe('failed');
    // What the caller already received stays in the record.
    expect(stored.outputs).toEqual({ answer: 'partial answer ' });
    const llm = stored.steps.find((step) => step.nodeId === 'llm');
    expect(llm?.status).toBe('failed');
  });

  it('keeps the partial text in the step record of a broken stream', async () => {
    const model = fakeModels.droppedStep;
    await scriptModel(model, { tokens: ['partial ', 'answer ', 'never ', 'finished'], dropAfterTokens: 2 });
    const { app, key } = await publishedAppWithKey(chatDocument({ model: compatible(model) }));
    const events = await streamRun(runPath(app.id), key, { inputs: { query: 'q' } });
    const stored = await record(runEndOf(events).runId);
    const steps = stored.steps.filter((step) => step.nodeId === 'llm' || step.nodeId === 'answer');
    expect(JSON.stringify(steps)).toContain('partial answer');
  });

  it('finishes and records a run whose caller hangs up mid-stream (SECURITY 18)', async () => {
    const model = fakeModels.disconnect;
    const words = ['one ', 'two ', 'three ', 'four ', 'five ', 'six ', 'seven ', 'eight'];
    await scriptModel(model, { tokens: words, interTokenDelayMs: 60 });
    const { app, key } = await publishedAppWithKey(chatDocument({ model: compatible(model), nodes: 4 }));
    const { response, settle } = await send(runPath(app.id), {
      token: key,
      json: { inputs: { query: 'q' } },
    });
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('event: text-delta')) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error('the stream ended before any text');
      text += decoder.decode(chunk.value, { stream: true });
    }
    const runId = /"runId":"(run_[^"]+)"/.exec(text)?.[1] ?? '';
    await reader.cancel();
    await settle();
    const stored = await record(runId);
    expect(stored.status).toBe('succeeded');
    expect(stored.outputs).toEqual({ answer: words.join('') });
    expect(stored.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ['start', 'succeeded'],
      ['step_1', 'succeeded'],
      ['llm', 'succeeded'],
      ['answer', 'succeeded'],
    ]);
    expect(stored.usage.outputTokens).toBeGreaterThan(0);
    expect(stored.endedAt).not.toBeNull();
  });
});
