import type { RunRecord } from '@edgeflow/api';
import type { WorkflowDocument } from '@edgeflow/graph';
import { findTemplate } from '@edgeflow/workflows';
import { describe, expect, it } from 'vitest';
import { adminJson, publishedAppWithKey } from '../helpers/admin.ts';
import { compatible, fakeModels, messagesOf, receivedRequests } from '../helpers/fake-model.ts';
import { runPath, runToEnd } from '../helpers/run-stream.ts';
import { addText, createBase } from './knowledge-helpers.ts';

/** The knowledge-base Q&A template, pointed at `knowledgeBaseIds` and answering with the fake model. */
function knowledgeQa(knowledgeBaseIds: string[]): WorkflowDocument {
  const document = structuredClone(findTemplate('knowledge-qa')?.document) as WorkflowDocument;
  for (const node of document.nodes) {
    if (node.type === 'retrieval') node.config = { ...node.config, knowledgeBaseIds, mode: 'hybrid' };
    if (node.type === 'llm') node.config = { ...node.config, model: compatible(fakeModels.knowledgeQa) };
  }
  return document;
}

describe('the retrieval node against real knowledge bases', () => {
  it('runs the knowledge-base Q&A template end to end: chunks, context, grounded prompt', async () => {
    const base = await createBase({ name: 'Shop FAQ' });
    const other = await createBase({ name: 'Not named by the app' });
    const refunds = await addText(base.id, '退款政策', '退款会在五个工作日内原路返回到您的银行卡。');
    await addText(base.id, 'Shipping', 'Orders ship within two days.');
    await addText(other.id, '退款政策（内部）', '退款会在五个工作日内原路返回。内部备注：不要外传。');
    const { app, key } = await publishedAppWithKey(knowledgeQa([base.id]));
    const result = await runToEnd(runPath(app.id), key, { inputs: { query: '退款多久能到账？' } });
    expect(result.status).toBe('succeeded');
    const record = await adminJson<RunRecord>(`/api/runs/${result.runId}`);
    const retrieval = record.steps.find((step) => step.nodeId === 'kb');
    const outputs = retrieval?.outputs as { chunks: { documentId: string; text: string }[]; context: string };
    expect(outputs.chunks[0]?.documentId).toBe(refunds.id);
    expect(outputs.chunks.every((chunk) => !chunk.text.includes('内部备注'))).toBe(true);
    expect(outputs.context).toContain('[1] 退款政策\n退款会在五个工作日内原路返回到您的银行卡。');
    const [llmRequest] = await receivedRequests(fakeModels.knowledgeQa);
    const system = messagesOf(llmRequest).find((message) => message.role === 'system');
    expect(String(system?.content)).toContain('退款会在五个工作日内原路返回到您的银行卡。');
  });
});
