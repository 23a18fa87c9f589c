import type { RunEvent, RunRecord } from '@edgeflow/api';
import { describe, expect, it } from 'vitest';
import { failedNodeId, idleTrace, reduceRunEvent, startingTrace, traceFromRecord } from './run-trace.ts';

const runId = 'run_1';
const events: RunEvent[] = [
  { type: 'run-start', runId, seq: 1, appId: 'app_1', version: null, conversationId: 'conv_1' },
  { type: 'node-start', runId, seq: 2, nodeId: 'start', nodeType: 'start' },
  {
    type: 'node-end',
    runId,
    seq: 3,
    nodeId: 'start',
    status: 'succeeded',
    outputs: { query: 'hi' },
    elapsedMs: 1,
  },
  { type: 'node-start', runId, seq: 4, nodeId: 'llm', nodeType: 'llm' },
  { type: 'text-delta', runId, seq: 5, nodeId: 'answer', delta: 'Ec' },
  { type: 'text-delta', runId, seq: 6, nodeId: 'answer', delta: 'ho' },
  {
    type: 'node-end',
    runId,
    seq: 7,
    nodeId: 'llm',
    status: 'failed',
    error: { code: 'model_error', message: 'down' },
    elapsedMs: 5,
    usage: { inputTokens: 3, outputTokens: 2 },
  },
  { type: 'node-end', runId, seq: 8, nodeId: 'answer', status: 'skipped', elapsedMs: 0 },
  {
    type: 'run-end',
    runId,
    seq: 9,
    status: 'failed',
    outputs: {},
    error: { code: 'model_error', message: 'down', nodeId: 'llm' },
    usage: { inputTokens: 3, outputTokens: 2 },
    elapsedMs: 9,
  },
];

describe('run trace', () => {
  it('lights nodes up as they start and settles them as they end', () => {
    const afterStart = events.slice(0, 4).reduce(reduceRunEvent, startingTrace());
    expect(afterStart.nodes.llm?.status).toBe('running');
    expect(afterStart.nodes.start).toMatchObject({ status: 'succeeded', outputs: { query: 'hi' } });
    expect(afterStart.conversationId).toBe('conv_1');
  });

  it('collects streamed text as it arrives, per node and overall', () => {
    const partial = events.slice(0, 5).reduce(reduceRunEvent, startingTrace());
    expect(partial.text).toBe('Ec');
    const more = reduceRunEvent(partial, events[5] as RunEvent);
    expect(more.text).toBe('Echo');
    expect(more.nodes.answer?.text).toBe('Echo');
  });

  it('ends with the run status, and points at the failed node', () => {
    const trace = events.reduce(reduceRunEvent, idleTrace);
    expect(trace.status).toBe('failed');
    expect(trace.order).toEqual(['start', 'llm', 'answer']);
    expect(trace.nodes.llm).toMatchObject({ status: 'failed', usage: { inputTokens: 3 }, elapsedMs: 5 });
    expect(trace.nodes.answer?.status).toBe('skipped');
    expect(failedNodeId(trace)).toBe('llm');
    expect(failedNodeId({ ...trace, error: { code: 'x', message: 'y' } })).toBe('llm');
  });

  it('builds the same trace from a stored run record', () => {
    const record: RunRecord = {
      id: runId,
      appId: 'app_1',
      version: 1,
      status: 'succeeded',
      source: 'api',
      inputs: { query: 'hi' },
      outputs: { answer: 'Echo: hi' },
      error: null,
      usage: { inputTokens: 1, outputTokens: 2 },
      elapsedMs: 12,
      startedAt: '2026-01-01T00:00:00.000Z',
      endedAt: '2026-01-01T00:00:00.012Z',
      conversationId: null,
      steps: [
        {
          nodeId: 'start',
          nodeType: 'start',
          status: 'succeeded',
          inputs: null,
          outputs: { query: 'hi' },
          error: null,
          usage: null,
          startedAt: '2026-01-01T00:00:00.000Z',
          elapsedMs: 0,
        },
        {
          nodeId: 'llm',
          nodeType: 'llm',
          status: 'succeeded',
          inputs: { prompt: 'hi' },
          outputs: { text: 'Echo: hi' },
          error: null,
          usage: { inputTokens: 1, outputTokens: 2 },
          startedAt: '2026-01-01T00:00:00.001Z',
          elapsedMs: 10,
        },
      ],
    };
    const trace = traceFromRecord(record);
    expect(trace).toMatchObject({ status: 'succeeded', text: 'Echo: hi', order: ['start', 'llm'] });
    expect(trace.nodes.llm).toMatchObject({ text: 'Echo: hi', elapsedMs: 10, inputs: { prompt: 'hi' } });
  });
});
