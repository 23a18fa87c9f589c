import { describe, expect, it } from 'vitest';
import { nodeEnd, runEnd, runPlan, startNode, testPorts } from '../../test/support.ts';
import { createKeywordRetriever, createScriptedModel, planFrom } from '../testing/index.ts';

const retriever = createKeywordRetriever([
  {
    knowledgeBaseId: 'kb_docs',
    documentId: 'doc_refunds',
    title: 'Refunds',
    text: 'Refunds are paid within 5 working days.\n\nKeep the original packaging for returns.',
  },
  {
    knowledgeBaseId: 'kb_docs',
    documentId: 'doc_shipping',
    title: 'Shipping',
    text: 'Orders ship within 2 days.',
  },
  { knowledgeBaseId: 'kb_other', title: 'Elsewhere', text: 'Refunds elsewhere are different.' },
]);

const ragPlan = (config: Record<string, unknown>) =>
  planFrom({
    nodes: [
      startNode,
      {
        id: 'kb',
        type: 'retrieval',
        config: { knowledgeBaseIds: ['kb_docs'], query: '{{start.query}}', ...config },
      },
      { id: 'llm', type: 'llm', config: { system: 'Context:\n{{kb.context}}', prompt: '{{start.query}}' } },
      { id: 'answer', type: 'answer', config: { text: '{{llm.text}}' } },
    ],
    edges: [
      ['start', 'kb'],
      ['kb', 'llm'],
      ['llm', 'answer'],
    ],
  });

describe('retrieval node', () => {
  it('outputs the chunks and a numbered context with titles, which a prompt can use', async () => {
    const model = createScriptedModel(['ok']);
    const events = await runPlan(ragPlan({ topK: 2, mode: 'keyword' }), {
      inputs: { query: 'are refunds paid within days' },
      ports: testPorts({ retriever, model }),
    });
    const outputs = nodeEnd(events, 'kb').outputs;
    expect(outputs?.chunks).toEqual([
      {
        text: 'Refunds are paid within 5 working days.',
        score: 1,
        documentId: 'doc_refunds',
        title: 'Refunds',
        position: 0,
      },
      expect.objectContaining({ documentId: 'doc_shipping' }),
    ]);
    expect(outputs?.context).toBe(
      '[1] Refunds\nRefunds are paid within 5 working days.\n\n[2] Shipping\nOrders ship within 2 days.',
    );
    expect(retriever.queries.at(-1)).toEqual({
      knowledgeBaseIds: ['kb_docs'],
      query: 'are refunds paid within days',
      topK: 2,
      minScore: 0,
      mode: 'keyword',
    });
    expect(model.requests[0]?.system).toContain('[1] Refunds');
    expect(nodeEnd(events, 'kb').inputs).toMatchObject({ query: 'are refunds paid within days', topK: 2 });
  });

  it('drops chunks under minScore', async () => {
    const events = await runPlan(ragPlan({ minScore: 0.9 }), {
      inputs: { query: 'refunds paid days' },
      ports: testPorts({ retriever }),
    });
    expect(nodeEnd(events, 'kb').outputs?.chunks).toHaveLength(1);
  });

  it('returns nothing without calling the port when there is no knowledge base or query', async () => {
    const plan = planFrom({
      nodes: [
        startNode,
        { id: 'kb', type: 'retrieval', config: { query: '{{start.query}}' } },
        { id: 'answer', type: 'answer', config: { text: '[{{kb.context}}]' } },
      ],
      edges: [
        ['start', 'kb'],
        ['kb', 'answer'],
      ],
    });
    const events = await runPlan(plan, { inputs: { query: 'anything' } });
    expect(nodeEnd(events, 'kb').outputs).toEqual({ chunks: [], context: '' });
    expect(runEnd(events).outputs).toEqual({ answer: '[]' });
  });

  it('fails with port_unavailable without a retriever, and retries a failing search', async () => {
    const none = await runPlan(ragPlan({}), { inputs: { query: 'q' } });
    expect(runEnd(none).error).toMatchObject({ code: 'port_unavailable', nodeId: 'kb' });
    let calls = 0;
    const flaky = {
      async search() {
        calls += 1;
        if (calls === 1) throw new Error('index busy');
        return [{ text: 't', score: 0.5, documentId: 'd', title: '', position: 0 }];
      },
    };
    const retried = await runPlan(ragPlan({ retry: { attempts: 2, backoffMs: 0 } }), {
      inputs: { query: 'q' },
      ports: testPorts({ retriever: flaky }),
    });
    expect(nodeEnd(retried, 'kb').outputs?.context).toBe('[1]\nt');
    expect(nodeEnd(retried, 'kb').attempts?.[0]?.error).toEqual({
      code: 'retrieval_failed',
      message: 'index busy',
    });
  });
});
