import { describe, expect, it } from 'vitest';
import {
  deferred,
  deltas,
  expectWellFormed,
  nodeEnd,
  ofType,
  promptOf,
  runEnd,
  runPlan,
  startNode,
  testPorts,
} from '../../test/support.ts';
import { type RunEvent, run } from '../index.ts';
import { createScriptedModel, planFrom } from '../testing/index.ts';

const templateLlmAnswer = planFrom({
  nodes: [
    startNode,
    { id: 'prompt', type: 'template', config: { template: 'Say: {{start.query}}' } },
    { id: 'llm', type: 'llm', config: { prompt: '{{prompt.text}}' } },
    { id: 'answer', type: 'answer', config: { text: 'Bot: {{llm.text}} (from {{prompt.text}})' } },
  ],
  edges: [
    ['start', 'prompt'],
    ['prompt', 'llm'],
    ['llm', 'answer'],
  ],
});

describe('answer streaming', () => {
  it('forwards the model’s text while the model is still producing it', async () => {
    const hold = deferred();
    const model = createScriptedModel([{ text: ['Hel', 'lo'], hold: hold.promise }]);
    const iterator = run(templateLlmAnswer, { inputs: { query: 'hi' }, ports: testPorts({ model }) });
    const seen: RunEvent[] = [];
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      seen.push(next.value);
      if (next.value.type === 'text-delta' && next.value.delta === 'lo') break;
    }
    // The model has not finished: no node-end for it yet, and the answer already sent its first words.
    expect(seen.some((event) => event.type === 'node-end' && event.nodeId === 'llm')).toBe(false);
    expect(deltas(seen, 'answer')).toBe('Bot: Hello');
    hold.resolve();
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      seen.push(next.value);
    }
    expectWellFormed(seen);
    expect(deltas(seen, 'answer')).toBe('Bot: Hello (from Say: hi)');
    expect(nodeEnd(seen, 'answer').outputs).toEqual({ text: 'Bot: Hello (from Say: hi)' });
    expect(nodeEnd(seen, 'answer').inputs).toEqual({ 'llm.text': 'Hello', 'prompt.text': 'Say: hi' });
    expect(runEnd(seen).outputs).toEqual({ answer: 'Bot: Hello (from Say: hi)' });
    // The answer ends after the llm it depends on.
    const ends = ofType(seen, 'node-end').map((event) => event.nodeId);
    expect(ends.indexOf('answer')).toBeGreaterThan(ends.indexOf('llm'));
  });

  it('catches up with text produced before it listened, then follows', async () => {
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'slow', type: 'llm', config: { prompt: 'slow' } },
        { id: 'fast', type: 'llm', config: { prompt: 'fast' } },
        { id: 'answer', type: 'answer', config: { text: '{{slow.text}}|{{fast.text}}' } },
      ],
      edges: [
        ['start', 'slow'],
        ['start', 'fast'],
        ['slow', 'answer'],
        ['fast', 'answer'],
      ],
    });
    const slowDone = deferred();
    const fastHold = deferred();
    const model = createScriptedModel((request) =>
      promptOf(request) === 'slow'
        ? { text: 'S1 S2', hold: slowDone.promise }
        : { text: ['F1 ', 'F2 '], hold: fastHold.promise },
    );
    const iterator = run(plan, { inputs: { query: 'q' }, ports: testPorts({ model }) });
    const seen: RunEvent[] = [];
    const pull = async (until: (event: RunEvent) => boolean): Promise<void> => {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        seen.push(next.value);
        if (until(next.value)) return;
      }
    };
    await pull((event) => event.type === 'text-delta' && event.delta === 'S2');
    slowDone.resolve();
    await pull((event) => event.type === 'node-end' && event.nodeId === 'slow');
    fastHold.resolve();
    await pull(() => false);
    expectWellFormed(seen);
    expect(deltas(seen, 'answer')).toBe('S1 S2|F1 F2 ');
    // What fast produced while the answer was still on `slow` leaves as one delta.
    expect(ofType(seen, 'text-delta').map((event) => event.delta)).toContain('F1 F2 ');
  });

  it('emits the whole text at once when everything it references is done', async () => {
    const plan = planFrom({
      nodes: [startNode, { id: 'answer', type: 'answer', config: { text: 'You said {{start.query}}.' } }],
      edges: [['start', 'answer']],
    });
    const events = await runPlan(plan, { inputs: { query: 'hi' } });
    expect(ofType(events, 'text-delta')).toEqual([
      expect.objectContaining({ nodeId: 'answer', delta: 'You said hi.' }),
    ]);
  });

  it('renders a skipped node as empty text, and a skipped answer streams nothing', async () => {
    const plan = planFrom({
      nodes: [
        startNode,
        {
          id: 'route',
          type: 'classifier',
          config: {
            input: '{{start.query}}',
            classes: [
              { id: 'billing', name: 'Billing' },
              { id: 'tech', name: 'Tech' },
            ],
          },
        },
        { id: 'billing_llm', type: 'llm', config: { prompt: 'billing: {{start.query}}' } },
        { id: 'tech_llm', type: 'llm', config: { prompt: 'tech: {{start.query}}' } },
        { id: 'billing_answer', type: 'answer', config: { text: 'B[{{billing_llm.text}}]' } },
        { id: 'tech_answer', type: 'answer', config: { text: 'T[{{tech_llm.text}}]' } },
        { id: 'joined', type: 'answer', config: { text: '<{{billing_llm.text}}{{tech_llm.text}}>' } },
      ],
      edges: [
        ['start', 'route'],
        ['route', 'billing_llm', 'billing'],
        ['route', 'tech_llm', 'tech'],
        ['billing_llm', 'billing_answer'],
        ['tech_llm', 'tech_answer'],
        ['billing_answer', 'joined'],
        ['tech_answer', 'joined'],
      ],
    });
    const events = await runPlan(plan, { inputs: { query: 'my tech problem' } });
    expect(nodeEnd(events, 'route').port).toBe('tech');
    expect(nodeEnd(events, 'billing_answer').status).toBe('skipped');
    expect(deltas(events, 'billing_answer')).toBe('');
    expect(ofType(events, 'node-start').some((event) => event.nodeId === 'billing_answer')).toBe(false);
    expect(deltas(events, 'joined')).toBe('<Echo: tech: my tech problem>');
    expect(runEnd(events).outputs).toEqual({
      answer: 'T[Echo: tech: my tech problem]<Echo: tech: my tech problem>',
    });
  });

  it('does not start an answer behind an error-routing node before that node is done', async () => {
    const hold = deferred();
    const model = createScriptedModel([{ text: 'fine', hold: hold.promise }]);
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'llm', type: 'llm', config: { prompt: '{{start.query}}', onError: 'route' } },
        { id: 'answer', type: 'answer', config: { text: 'A: {{llm.text}}' } },
        { id: 'sorry', type: 'answer', config: { text: 'Sorry: {{llm.error.message}}' } },
      ],
      edges: [
        ['start', 'llm'],
        ['llm', 'answer'],
        ['llm', 'sorry', 'error'],
      ],
    });
    const iterator = run(plan, { inputs: { query: 'q' }, ports: testPorts({ model }) });
    const seen: RunEvent[] = [];
    setTimeout(() => hold.resolve(), 20);
    for await (const event of iterator) {
      seen.push(event);
      if (event.type === 'node-start' && event.nodeId === 'answer') {
        expect(seen.some((earlier) => earlier.type === 'node-end' && earlier.nodeId === 'llm')).toBe(true);
      }
    }
    expect(nodeEnd(seen, 'sorry').status).toBe('skipped');
    expect(runEnd(seen).outputs).toEqual({ answer: 'A: fine' });
  });
});
