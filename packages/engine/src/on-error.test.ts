import { describe, expect, it } from 'vitest';
import { nodeEnd, runEnd, runPlan, startNode, testPorts } from '../test/support.ts';
import { createScriptedModel, planFrom } from './testing/index.ts';

const failing = createScriptedModel([{ error: 'provider down' }]);

describe('onError', () => {
  it('continue: the node succeeds with outputs.error and the run goes on through out', async () => {
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'llm', type: 'llm', config: { prompt: '{{start.query}}', onError: 'continue' } },
        {
          id: 'answer',
          type: 'answer',
          config: { text: 'text=[{{llm.text}}] error=[{{llm.error.code}}: {{llm.error.message}}]' },
        },
      ],
      edges: [
        ['start', 'llm'],
        ['llm', 'answer'],
      ],
    });
    const events = await runPlan(plan, { inputs: { query: 'q' }, ports: testPorts({ model: failing }) });
    expect(nodeEnd(events, 'llm')).toMatchObject({
      status: 'succeeded',
      port: 'out',
      outputs: { error: { code: 'model_error', message: 'provider down' } },
      error: { code: 'model_error', message: 'provider down' },
    });
    expect(runEnd(events)).toMatchObject({
      status: 'succeeded',
      outputs: { answer: 'text=[] error=[model_error: provider down]' },
    });
  });

  it('route: the node takes only its error port', async () => {
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'llm', type: 'llm', config: { prompt: '{{start.query}}', onError: 'route' } },
        { id: 'happy', type: 'answer', config: { text: '{{llm.text}}' } },
        { id: 'sorry', type: 'answer', config: { text: 'Sorry ({{llm.error.code}})' } },
      ],
      edges: [
        ['start', 'llm'],
        ['llm', 'happy'],
        ['llm', 'sorry', 'error'],
      ],
    });
    const failed = await runPlan(plan, { inputs: { query: 'q' }, ports: testPorts({ model: failing }) });
    expect(nodeEnd(failed, 'llm')).toMatchObject({ status: 'succeeded', port: 'error' });
    expect(nodeEnd(failed, 'happy').status).toBe('skipped');
    expect(runEnd(failed)).toMatchObject({ status: 'succeeded', outputs: { answer: 'Sorry (model_error)' } });

    const fine = await runPlan(plan, { inputs: { query: 'q' } });
    expect(nodeEnd(fine, 'sorry').status).toBe('skipped');
    expect(runEnd(fine).outputs).toEqual({ answer: 'Echo: q' });
  });

  it('fail (the default): the run fails with the node’s error', async () => {
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'llm', type: 'llm', config: { prompt: '{{start.query}}' } },
        { id: 'answer', type: 'answer', config: { text: '{{llm.text}}' } },
      ],
      edges: [
        ['start', 'llm'],
        ['llm', 'answer'],
      ],
    });
    const events = await runPlan(plan, { inputs: { query: 'q' }, ports: testPorts({ model: failing }) });
    expect(nodeEnd(events, 'llm')).toMatchObject({ status: 'failed', error: { code: 'model_error' } });
    expect(runEnd(events)).toMatchObject({
      status: 'failed',
      error: { code: 'model_error', message: 'provider down', nodeId: 'llm' },
    });
  });

  it('continue on a classifier takes no class port: its branches are skipped, joins elsewhere still run', async () => {
    const plan = planFrom({
      nodes: [
        startNode,
        {
          id: 'kind',
          type: 'classifier',
          config: {
            input: '{{start.query}}',
            onError: 'continue',
            classes: [
              { id: 'a', name: 'A' },
              { id: 'b', name: 'B' },
            ],
          },
        },
        { id: 'a_text', type: 'template', config: { template: 'A' } },
        { id: 'b_text', type: 'template', config: { template: 'B' } },
        { id: 'other', type: 'template', config: { template: 'other' } },
        { id: 'answer', type: 'answer', config: { text: '{{a_text.text}}{{b_text.text}}{{other.text}}' } },
      ],
      edges: [
        ['start', 'kind'],
        ['start', 'other'],
        ['kind', 'a_text', 'a'],
        ['kind', 'b_text', 'b'],
        ['a_text', 'answer'],
        ['b_text', 'answer'],
        ['other', 'answer'],
      ],
    });
    const events = await runPlan(plan, { inputs: { query: 'q' }, ports: testPorts({ model: failing }) });
    expect(nodeEnd(events, 'kind')).toMatchObject({
      status: 'succeeded',
      outputs: { error: { code: 'model_error' } },
    });
    expect(nodeEnd(events, 'kind')).not.toHaveProperty('port');
    expect(nodeEnd(events, 'a_text').status).toBe('skipped');
    expect(nodeEnd(events, 'b_text').status).toBe('skipped');
    expect(runEnd(events)).toMatchObject({ status: 'succeeded', outputs: { answer: 'other' } });
  });
});
