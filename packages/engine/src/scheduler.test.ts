import { describe, expect, it } from 'vitest';
import {
  deferred,
  nodeEnd,
  ofType,
  promptOf,
  runEnd,
  runPlan,
  startNode,
  testPorts,
} from '../test/support.ts';
import type { ModelRequest } from './index.ts';
import { createScriptedModel, createTimerClock, planFrom } from './testing/index.ts';

/** start → check(condition on query) → yes / no chains → join → answer. */
const branching = planFrom({
  nodes: [
    startNode,
    {
      id: 'check',
      type: 'condition',
      config: {
        cases: [{ id: 'yes', rules: [{ left: '{{start.query}}', operator: 'equals', right: 'yes' }] }],
      },
    },
    { id: 'yes_a', type: 'template', config: { template: 'Y' } },
    { id: 'yes_b', type: 'template', config: { template: '{{yes_a.text}}Y' } },
    { id: 'no_a', type: 'template', config: { template: 'N' } },
    { id: 'join', type: 'template', config: { template: '[{{yes_b.text}}{{no_a.text}}]' } },
    { id: 'answer', type: 'answer', config: { text: '{{join.text}}' } },
  ],
  edges: [
    ['start', 'check'],
    ['check', 'yes_a', 'yes'],
    ['yes_a', 'yes_b'],
    ['check', 'no_a', 'else'],
    ['yes_b', 'join'],
    ['no_a', 'join'],
    ['join', 'answer'],
  ],
});

describe('scheduling', () => {
  it('runs the taken branch, skips the other, and joins with whichever ran', async () => {
    const yes = await runPlan(branching, { inputs: { query: 'yes' } });
    expect(nodeEnd(yes, 'check')).toMatchObject({
      status: 'succeeded',
      port: 'yes',
      outputs: { case: 'yes' },
    });
    expect(nodeEnd(yes, 'no_a')).toEqual(expect.objectContaining({ status: 'skipped', elapsedMs: 0 }));
    expect(nodeEnd(yes, 'no_a')).not.toHaveProperty('outputs');
    expect(nodeEnd(yes, 'yes_b').status).toBe('succeeded');
    expect(runEnd(yes).outputs).toEqual({ answer: '[YY]' });

    const no = await runPlan(branching, { inputs: { query: 'nope' } });
    expect(nodeEnd(no, 'check').port).toBe('else');
    expect(nodeEnd(no, 'yes_a').status).toBe('skipped');
    expect(nodeEnd(no, 'yes_b').status).toBe('skipped');
    expect(runEnd(no).outputs).toEqual({ answer: '[N]' });
    expect(ofType(no, 'node-start').map((event) => event.nodeId)).toEqual([
      'start',
      'check',
      'no_a',
      'join',
      'answer',
    ]);
  });

  it('skips a node whose incoming edges are all dead, and everything only it feeds', async () => {
    const plan = planFrom({
      nodes: [
        startNode,
        {
          id: 'check',
          type: 'condition',
          config: {
            cases: [{ id: 'never', rules: [{ left: '{{start.query}}', operator: 'equals', right: '!' }] }],
          },
        },
        { id: 'a', type: 'template', config: { template: 'a' } },
        { id: 'b', type: 'template', config: { template: '{{a.text}}b' } },
        { id: 'c', type: 'template', config: { template: '{{b.text}}c' } },
        { id: 'fallback', type: 'template', config: { template: 'f' } },
        { id: 'answer', type: 'answer', config: { text: '{{c.text}}{{fallback.text}}' } },
      ],
      edges: [
        ['start', 'check'],
        ['check', 'a', 'never'],
        ['a', 'b'],
        ['b', 'c'],
        ['check', 'fallback', 'else'],
        ['c', 'answer'],
        ['fallback', 'answer'],
      ],
    });
    const events = await runPlan(plan, { inputs: { query: 'q' } });
    for (const id of ['a', 'b', 'c']) expect(nodeEnd(events, id).status).toBe('skipped');
    expect(runEnd(events)).toMatchObject({ status: 'succeeded', outputs: { answer: 'f' } });
  });

  it('waits for every incoming edge of a join', async () => {
    const gate = deferred();
    const model = createScriptedModel((request: ModelRequest) =>
      promptOf(request) === 'slow' ? { text: 'late', before: gate.promise } : 'early',
    );
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'slow', type: 'llm', config: { prompt: 'slow' } },
        { id: 'fast', type: 'llm', config: { prompt: 'fast' } },
        { id: 'join', type: 'template', config: { template: '{{fast.text}}+{{slow.text}}' } },
        { id: 'answer', type: 'answer', config: { text: '{{join.text}}' } },
      ],
      edges: [
        ['start', 'slow'],
        ['start', 'fast'],
        ['slow', 'join'],
        ['fast', 'join'],
        ['join', 'answer'],
      ],
    });
    setTimeout(() => gate.resolve(), 20);
    const events = await runPlan(plan, { inputs: { query: 'q' }, ports: testPorts({ model }) });
    const order = events.filter((event) => event.type === 'node-end').map((event) => event.nodeId);
    expect(order.indexOf('join')).toBeGreaterThan(order.indexOf('slow'));
    expect(runEnd(events).outputs).toEqual({ answer: 'early+late' });
  });

  it('runs independent branches concurrently', async () => {
    const clock = createTimerClock();
    const model = createScriptedModel(() => ({ text: 'a b c d', delayMs: 20 }), { clock });
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'left', type: 'llm', config: {} },
        { id: 'right', type: 'llm', config: {} },
        { id: 'answer', type: 'answer', config: { text: '{{left.text}} {{right.text}}' } },
      ],
      edges: [
        ['start', 'left'],
        ['start', 'right'],
        ['left', 'answer'],
        ['right', 'answer'],
      ],
    });
    const events = await runPlan(plan, { inputs: { query: 'q' }, ports: testPorts({ model, clock }) });
    const left = nodeEnd(events, 'left');
    const right = nodeEnd(events, 'right');
    // Each takes ~60 ms; serially the second would start after the first ended.
    const leftStart = Date.parse(left.startedAt ?? '');
    const rightStart = Date.parse(right.startedAt ?? '');
    expect(Math.abs(leftStart - rightStart)).toBeLessThan(30);
    expect(runEnd(events).elapsedMs).toBeLessThan(left.elapsedMs + right.elapsedMs);
    const starts = events.filter((event) => event.type === 'node-start').map((event) => event.nodeId);
    const firstEnd = events.findIndex((event) => event.type === 'node-end' && event.nodeId !== 'start');
    expect(events.findIndex((event) => event.type === 'node-start' && event.nodeId === 'right')).toBeLessThan(
      firstEnd,
    );
    expect(starts).toContain('left');
  });

  it('fails the run when a node fails, ending every running node before run-end', async () => {
    const hold = deferred();
    const model = createScriptedModel((request: ModelRequest) =>
      promptOf(request) === 'bad' ? { error: 'boom' } : { text: 'never', before: hold.promise },
    );
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'bad', type: 'llm', config: { prompt: 'bad' } },
        { id: 'slow', type: 'llm', config: { prompt: 'slow' } },
        { id: 'answer', type: 'answer', config: { text: '{{bad.text}}{{slow.text}}' } },
      ],
      edges: [
        ['start', 'bad'],
        ['start', 'slow'],
        ['bad', 'answer'],
        ['slow', 'answer'],
      ],
    });
    const events = await runPlan(plan, { inputs: { query: 'q' }, ports: testPorts({ model }) });
    expect(nodeEnd(events, 'bad')).toMatchObject({
      status: 'failed',
      error: { code: 'model_error', message: 'boom' },
    });
    expect(nodeEnd(events, 'slow')).toMatchObject({ status: 'failed', error: { code: 'cancelled' } });
    expect(nodeEnd(events, 'answer')).toMatchObject({ status: 'failed', error: { code: 'cancelled' } });
    expect(runEnd(events)).toMatchObject({
      status: 'failed',
      error: { code: 'model_error', message: 'boom', nodeId: 'bad' },
    });
    hold.resolve();
  });
});
