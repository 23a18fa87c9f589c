import type { RetrievalQuery, RetrievedChunk, RetrieverPort } from '../ports/retriever-port.ts';
import { record } from './scripted-model.ts';

export interface KeywordDocument {
  readonly knowledgeBaseId: string;
  readonly documentId?: string;
  readonly title: string;
  /** Split into chunks at blank lines. */
  readonly text: string;
}

export interface KeywordRetriever extends RetrieverPort {
  readonly queries: RetrievalQuery[];
}

interface IndexedChunk {
  readonly knowledgeBaseId: string;
  readonly chunk: Omit<RetrievedChunk, 'score'>;
  readonly terms: ReadonlySet<string>;
}

function terms(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * An in-memory retriever: a chunk scores the share of the query's words it contains (0..1). Every
 * mode searches the same way.
 */
export function createKeywordRetriever(documents: readonly KeywordDocument[]): KeywordRetriever {
  const chunks: IndexedChunk[] = documents.flatMap((document, documentIndex) =>
    document.text
      .split(/\n\s*\n/)
      .map((text) => text.trim())
      .filter((text) => text !== '')
      .map((text, position) => ({
        knowledgeBaseId: document.knowledgeBaseId,
        chunk: {
          text,
          documentId: document.documentId ?? `doc_${documentIndex + 1}`,
          title: document.title,
          position,
        },
        terms: new Set(terms(text)),
      })),
  );
  const queries: RetrievalQuery[] = [];
  return {
    queries,
    async search(query) {
      record(queries, query);
      const wanted = [...new Set(terms(query.query))];
      if (wanted.length === 0) return [];
      return chunks
        .filter((entry) => query.knowledgeBaseIds.includes(entry.knowledgeBaseId))
        .map((entry) => ({
          ...entry.chunk,
          score: wanted.filter((term) => entry.terms.has(term)).length / wanted.length,
        }))
        .filter((chunk) => chunk.score > 0 && chunk.score >= query.minScore)
        .sort((left, right) => right.score - left.score)
        .slice(0, query.topK);
    },
  };
}
