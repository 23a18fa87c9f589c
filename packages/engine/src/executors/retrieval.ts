import { NodeError } from '../node-error.ts';
import type { RetrievedChunk } from '../ports/retriever-port.ts';
import { withRetries } from '../retry.ts';
import type { Executor, NodeResult } from './executor.ts';

/** Chunks numbered for citation (`[1]`), each under its document's title. */
export function formatContext(chunks: readonly RetrievedChunk[]): string {
  return chunks
    .map((chunk, position) => `[${position + 1}]${chunk.title ? ` ${chunk.title}` : ''}\n${chunk.text}`)
    .join('\n\n');
}

function result(chunks: readonly RetrievedChunk[]): NodeResult {
  const plain = chunks.map(({ text, score, documentId, title, position }) => ({
    text,
    score,
    documentId,
    title,
    position,
  }));
  return { outputs: { chunks: plain, context: formatContext(plain) } };
}

export const executeRetrieval: Executor<'retrieval'> = async (node, runtime) => {
  const { knowledgeBaseIds, topK, minScore, mode, retry } = node.config;
  const query = runtime.render(node.config.query);
  runtime.inputs = { knowledgeBaseIds, query, topK, minScore, mode };
  // Nothing to search is an empty result, not a failure: a fresh template has no knowledge base yet.
  if (knowledgeBaseIds.length === 0 || query.trim() === '') return result([]);
  const port = runtime.run.ports.retriever;
  if (!port)
    throw new NodeError('port_unavailable', 'No knowledge base search is configured for this run.', false);
  const chunks = await withRetries(runtime, retry, [undefined], 'retrieval_failed', (_model, signal) =>
    port.search({ knowledgeBaseIds, query, topK, minScore, mode }, signal),
  );
  return result(chunks.filter((chunk) => chunk.score >= minScore).slice(0, topK));
};
