import { describe, expect, it } from 'vitest';
import { deltas, nodeEnd, runEnd, runPlan, startNode, testPorts } from '../../test/support.ts';
import { createScriptedModel, planFrom } from '../testing/index.ts';

describe('llm and template nodes', () => {
  it('renders system and prompt, passes the sampling settings and streams under its id when asked', async () => {
    const model = createScriptedModel([
      { text: 'Bonjour le monde', usage: { inputTokens: 12, outputTokens: 3 } },
    ]);
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'prompt', type: 'template', config: { template: 'Translate: {{start.query}}' } },
        {
          id: 'llm',
          type: 'llm',
          config: {
            model: 'openai:gpt-4o-mini',
            system: 'You translate to {{start.query}}?',
            prompt: '{{prompt.text}}',
            temperature: 0.3,
            maxTokens: 50,
            stream: true,
          },
        },
        { id: 'answer', type: 'answer', config: { text: 'done' } },
      ],
      edges: [
        ['start', 'prompt'],
        ['prompt', 'llm'],
        ['llm', 'answer'],
      ],
    });
    const events = await runPlan(plan, { inputs: { query: 'French' }, ports: testPorts({ model }) });
    expect(model.requests[0]).toEqual({
      model: 'openai:gpt-4o-mini',
      system: 'You translate to French?',
      messages: [{ role: 'user', content: 'Translate: French' }],
      temperature: 0.3,
      maxTokens: 50,
    });
    expect(nodeEnd(events, 'prompt')).toMatchObject({
      outputs: { text: 'Translate: French' },
      inputs: { 'start.query': 'French' },
    });
    expect(deltas(events, 'llm')).toBe('Bonjour le monde');
    expect(nodeEnd(events, 'llm').outputs).toEqual({
      text: 'Bonjour le monde',
      usage: { inputTokens: 12, outputTokens: 3 },
    });
    expect(runEnd(events)).toMatchObject({
      outputs: { answer: 'done' },
      usage: { inputTokens: 12, outputTokens: 3 },
    });
  });

  it('fails with port_unavailable when there is no model port', async () => {
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'llm', type: 'llm', config: {} },
        { id: 'answer', type: 'answer', config: { text: '{{llm.text}}' } },
      ],
      edges: [
        ['start', 'llm'],
        ['llm', 'answer'],
      ],
    });
    const events = await runPlan(plan, { inputs: { query: 'q' }, ports: { clock: testPorts().clock } });
    expect(runEnd(events).error).toMatchObject({ code: 'port_unavailable', nodeId: 'llm' });
  });

  it('sums usage over nodes on run-end', async () => {
    const model = createScriptedModel(() => ({ text: 'x', usage: { inputTokens: 5, outputTokens: 2 } }));
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'a', type: 'llm', config: {} },
        { id: 'b', type: 'llm', config: { prompt: '{{a.text}}' } },
        { id: 'answer', type: 'answer', config: { text: '{{b.text}}' } },
      ],
      edges: [
        ['start', 'a'],
        ['a', 'b'],
        ['b', 'answer'],
      ],
    });
    const events = await runPlan(plan, { inputs: { query: 'q' }, ports: testPorts({ model }) });
    expect(runEnd(events).usage).toEqual({ inputTokens: 10, outputTokens: 4 });
  });
});
