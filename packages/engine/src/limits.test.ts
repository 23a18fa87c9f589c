import { describe, expect, it } from 'vitest';
import { nodeEnd, ofType, runEnd, runPlan, startNode, testPorts } from '../test/support.ts';
import { defaultRunLimits, type RunEvent, resolveRunLimits, run, runLimitCeilings } from './index.ts';
import { collectEvents, createManualClock, createScriptedModel, planFrom } from './testing/index.ts';

function chain(length: number) {
  const nodes = [
    startNode,
    ...Array.from({ length }, (_, index) => ({
      id: `t${index}`,
      type: 'template',
      config: { template: `${index}` },
    })),
  ];
  const ids = nodes.map((node) => node.id);
  return planFrom({
    nodes: [...nodes, { id: 'answer', type: 'answer', config: { text: 'done' } }],
    edges: [...ids, 'answer'].slice(1).map((id, index) => [ids[index] ?? 'start', id] as const),
  });
}

const llmPlan = (config: Record<string, unknown> = {}) =>
  planFrom({
    nodes: [
      startNode,
      { id: 'llm', type: 'llm', config },
      { id: 'answer', type: 'answer', config: { text: '{{llm.text}}' } },
    ],
    edges: [
      ['start', 'llm'],
      ['llm', 'answer'],
    ],
  });

describe('limits', () => {
  it('fills defaults and caps every limit at its ceiling', () => {
    expect(resolveRunLimits()).toEqual(defaultRunLimits);
    expect(
      resolveRunLimits({ maxSteps: 10, wallTimeMs: Number.NaN, maxTokens: 1e12, nodeTimeoutMs: -5 }),
    ).toEqual({
      maxSteps: 10,
      wallTimeMs: defaultRunLimits.wallTimeMs,
      nodeTimeoutMs: defaultRunLimits.nodeTimeoutMs,
      maxTokens: runLimitCeilings.maxTokens,
    });
  });

  it('ends the run with step_limit_exceeded past maxSteps', async () => {
    const events = await runPlan(chain(5), { inputs: { query: 'q' }, limits: { maxSteps: 3 } });
    expect(runEnd(events)).toMatchObject({
      status: 'failed',
      error: { code: 'step_limit_exceeded', nodeId: 't2' },
    });
    expect(ofType(events, 'node-start')).toHaveLength(3);
  });

  it('ends the run with wall_time_exceeded, cancelling what runs', async () => {
    const clock = createManualClock();
    const model = createScriptedModel([{ text: 'slow words here', delayMs: 1_000 }], { clock });
    const events = collectEvents(
      run(llmPlan(), {
        inputs: { query: 'q' },
        ports: testPorts({ clock, model }),
        limits: { wallTimeMs: 1_500 },
      }),
    );
    await clock.advance(5_000);
    const done = await events;
    expect(runEnd(done)).toMatchObject({ status: 'failed', error: { code: 'wall_time_exceeded' } });
    expect(nodeEnd(done, 'llm')).toMatchObject({ status: 'failed', error: { code: 'cancelled' } });
    expect(clock.pending).toBe(0);
  });

  it('fails a node that takes longer than nodeTimeoutMs with node_timeout, even if its port ignores the signal', async () => {
    const clock = createManualClock();
    const model = createScriptedModel([{ hang: true }]);
    const events = collectEvents(
      run(llmPlan(), {
        inputs: { query: 'q' },
        ports: testPorts({ clock, model }),
        limits: { nodeTimeoutMs: 2_000 },
      }),
    );
    await clock.advance(2_000);
    const done = await events;
    expect(nodeEnd(done, 'llm')).toMatchObject({ status: 'failed', error: { code: 'node_timeout' } });
    expect(runEnd(done)).toMatchObject({ status: 'failed', error: { code: 'node_timeout', nodeId: 'llm' } });
  });

  it('lets a node’s own timeoutMs win over the run’s nodeTimeoutMs', async () => {
    const clock = createManualClock();
    const model = createScriptedModel([{ hang: true }]);
    const events = collectEvents(
      run(llmPlan({ timeoutMs: 300 }), {
        inputs: { query: 'q' },
        ports: testPorts({ clock, model }),
        limits: { nodeTimeoutMs: 50_000 },
      }),
    );
    await clock.advance(300);
    const done = await events;
    expect(runEnd(done).error?.code).toBe('node_timeout');
    expect(clock.sleeps).toContain(300);
  });

  it('ends the run with token_limit_exceeded as soon as the usage passes maxTokens', async () => {
    const model = createScriptedModel([{ text: 'a', usage: { inputTokens: 80, outputTokens: 30 } }]);
    const events = await runPlan(llmPlan(), {
      inputs: { query: 'q' },
      ports: testPorts({ model }),
      limits: { maxTokens: 100 },
    });
    expect(nodeEnd(events, 'llm')).toMatchObject({
      status: 'failed',
      error: { code: 'token_limit_exceeded' },
      usage: { inputTokens: 80, outputTokens: 30 },
    });
    expect(runEnd(events)).toMatchObject({
      status: 'failed',
      error: { code: 'token_limit_exceeded', nodeId: 'llm' },
      usage: { inputTokens: 80, outputTokens: 30 },
    });
  });

  it('ends the run as cancelled when the signal aborts, and tells the ports', async () => {
    const controller = new AbortController();
    let portSawAbort = false;
    const model = {
      async *stream(
        _request: unknown,
        signal:
          | AbortSignal
          | { aborted: boolean; addEventListener(type: 'abort', listener: () => void): void },
      ) {
        signal.addEventListener('abort', () => {
          portSawAbort = true;
        });
        yield { type: 'text-delta' as const, delta: 'partial ' };
        await new Promise(() => undefined);
      },
    };
    const events: RunEvent[] = [];
    for await (const event of run(llmPlan(), {
      inputs: { query: 'q' },
      ports: testPorts({ model }),
      signal: controller.signal,
    })) {
      events.push(event);
      if (event.type === 'text-delta') controller.abort();
    }
    expect(portSawAbort).toBe(true);
    expect(runEnd(events)).toMatchObject({ status: 'cancelled', error: { code: 'cancelled' } });
    expect(nodeEnd(events, 'llm')).toMatchObject({ status: 'failed', error: { code: 'cancelled' } });
    expect(nodeEnd(events, 'answer').status).toBe('failed');
    expect(runEnd(events).outputs).toEqual({ answer: 'partial ' });
  });

  it('ends at once when the signal is aborted before the run starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const events = await runPlan(llmPlan(), { inputs: { query: 'q' }, signal: controller.signal });
    expect(events.map((event) => event.type)).toEqual(['run-start', 'run-end']);
    expect(runEnd(events).status).toBe('cancelled');
  });

  it('clears every timer it started once the run is over', async () => {
    const clock = createManualClock();
    const events = await collectEvents(
      run(llmPlan(), { inputs: { query: 'q' }, ports: testPorts({ clock }) }),
    );
    expect(runEnd(events).status).toBe('succeeded');
    expect(clock.pending).toBe(0);
  });
});
