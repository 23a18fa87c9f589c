import { describe, expect, it } from 'vitest';
import {
  deferred,
  deltas,
  nodeEnd,
  promptOf,
  runEnd,
  runPlan,
  startNode,
  testPorts,
} from '../test/support.ts';
import { PortError, run } from './index.ts';
import { collectEvents, createManualClock, createScriptedModel, planFrom } from './testing/index.ts';

const llmPlan = (config: Record<string, unknown>, answer = '{{llm.text}}') =>
  planFrom({
    nodes: [
      startNode,
      { id: 'llm', type: 'llm', config },
      { id: 'answer', type: 'answer', config: { text: answer } },
    ],
    edges: [
      ['start', 'llm'],
      ['llm', 'answer'],
    ],
  });

describe('retries', () => {
  it('tries again with doubling backoff through the clock, then succeeds', async () => {
    const clock = createManualClock();
    const model = createScriptedModel([{ error: 'overloaded' }, { error: 'overloaded' }, 'third time']);
    const plan = llmPlan({ retry: { attempts: 3, backoffMs: 100 } }, 'Reply: {{start.query}} {{llm.text}}');
    const pending = collectEvents(run(plan, { inputs: { query: 'q' }, ports: testPorts({ clock, model }) }));
    await clock.advance(100);
    await clock.advance(200);
    const events = await pending;
    expect(model.requests).toHaveLength(3);
    expect(clock.sleeps.filter((ms) => ms === 100 || ms === 200)).toEqual([100, 200]);
    expect(nodeEnd(events, 'llm')).toMatchObject({
      status: 'succeeded',
      outputs: { text: 'third time' },
      attempts: [
        {
          number: 1,
          model: 'local:echo',
          status: 'failed',
          error: { code: 'model_error', message: 'overloaded' },
        },
        { number: 2, model: 'local:echo', status: 'failed' },
        { number: 3, model: 'local:echo', status: 'succeeded' },
      ],
    });
    expect(runEnd(events).outputs).toEqual({ answer: 'Reply: q third time' });
  });

  it('fails with the last error once every try failed, and reports the tries', async () => {
    const model = createScriptedModel([{ error: 'nope' }]);
    const events = await runPlan(llmPlan({ retry: { attempts: 2, backoffMs: 0 } }), {
      inputs: { query: 'q' },
      ports: testPorts({ model }),
    });
    expect(nodeEnd(events, 'llm').attempts).toHaveLength(2);
    expect(runEnd(events)).toMatchObject({ status: 'failed', error: { code: 'model_error', nodeId: 'llm' } });
  });

  it('does not report attempts for a node that succeeded at once', async () => {
    const events = await runPlan(llmPlan({ retry: { attempts: 3, backoffMs: 0 } }), {
      inputs: { query: 'q' },
    });
    expect(nodeEnd(events, 'llm')).not.toHaveProperty('attempts');
  });

  it('falls back to the next models in order after the primary’s tries', async () => {
    const model = createScriptedModel((request) =>
      request.model === 'backup:two' ? `from ${request.model}` : { error: `${request.model} down` },
    );
    const events = await runPlan(
      llmPlan({
        model: 'main:one',
        fallbackModels: ['backup:one', 'backup:two'],
        retry: { attempts: 2, backoffMs: 0 },
      }),
      { inputs: { query: 'q' }, ports: testPorts({ model }) },
    );
    expect(model.requests.map((request) => request.model)).toEqual([
      'main:one',
      'main:one',
      'backup:one',
      'backup:one',
      'backup:two',
    ]);
    expect(nodeEnd(events, 'llm').attempts?.map((attempt) => attempt.model)).toEqual([
      'main:one',
      'main:one',
      'backup:one',
      'backup:one',
      'backup:two',
    ]);
    expect(runEnd(events).outputs).toEqual({ answer: 'from backup:two' });
  });

  it('moves to the fallback at once on an error another try cannot fix', async () => {
    const model = createScriptedModel((request) =>
      request.model === 'main:one'
        ? { error: new PortError('model_not_found', 'unknown model', { retryable: false }) }
        : 'ok',
    );
    const events = await runPlan(
      llmPlan({ model: 'main:one', fallbackModels: ['backup:one'], retry: { attempts: 3, backoffMs: 0 } }),
      { inputs: { query: 'q' }, ports: testPorts({ model }) },
    );
    expect(model.requests.map((request) => request.model)).toEqual(['main:one', 'backup:one']);
    expect(runEnd(events).status).toBe('succeeded');
  });

  it('never retries a node whose text already reached the caller', async () => {
    const model = createScriptedModel([{ text: 'half an', error: 'connection lost' }, 'full answer']);
    const streamed = await runPlan(llmPlan({ stream: true, retry: { attempts: 3, backoffMs: 0 } }, 'done'), {
      inputs: { query: 'q' },
      ports: testPorts({ model }),
    });
    expect(model.requests).toHaveLength(1);
    expect(deltas(streamed, 'llm')).toBe('half an');
    expect(runEnd(streamed)).toMatchObject({ status: 'failed', error: { code: 'model_error' } });

    const forwarded = createScriptedModel([{ text: 'half an', error: 'connection lost' }, 'full answer']);
    const viaAnswer = await runPlan(llmPlan({ retry: { attempts: 3, backoffMs: 0 } }), {
      inputs: { query: 'q' },
      ports: testPorts({ model: forwarded }),
    });
    expect(forwarded.requests).toHaveLength(1);
    expect(deltas(viaAnswer, 'answer')).toBe('half an');
    expect(runEnd(viaAnswer).status).toBe('failed');
  });

  it('retries a node whose failed text nobody saw, and the answer only shows the good try', async () => {
    const secondTry = deferred();
    let mainCalls = 0;
    const model = createScriptedModel((request) => {
      if (promptOf(request) === 'slow') return { text: 'S', before: secondTry.promise };
      mainCalls += 1;
      if (mainCalls === 1) return { text: 'garbled', error: 'connection lost' };
      secondTry.resolve();
      return 'clean';
    });
    // The answer is still on `slow` while `llm` fails its first try, so that text was buffered, never sent.
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'slow', type: 'llm', config: { prompt: 'slow' } },
        { id: 'llm', type: 'llm', config: { prompt: 'main', retry: { attempts: 2, backoffMs: 0 } } },
        { id: 'answer', type: 'answer', config: { text: '{{slow.text}}|{{llm.text}}' } },
      ],
      edges: [
        ['start', 'slow'],
        ['start', 'llm'],
        ['slow', 'answer'],
        ['llm', 'answer'],
      ],
    });
    const events = await runPlan(plan, { inputs: { query: 'q' }, ports: testPorts({ model }) });
    expect(mainCalls).toBe(2);
    expect(deltas(events, 'answer')).toBe('S|clean');
    expect(nodeEnd(events, 'llm').attempts).toHaveLength(2);
  });
});
