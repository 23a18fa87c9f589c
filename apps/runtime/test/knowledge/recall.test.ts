import { env } from 'cloudflare:workers';
import { createDatabase } from '@edgeflow/db';
import type { RetrievalMode } from '@edgeflow/engine';
import {
  createD1VectorIndex,
  createKnowledgeBaseStore,
  createKnowledgeIndexer,
  createKnowledgeRetriever,
  extractText,
} from '@edgeflow/knowledge';
import { createEmbedder } from '@edgeflow/providers';
import { describe, expect, it } from 'vitest';
import { evalDocuments, markdownOf, passageOf, questions } from '../../../../test/knowledge-eval/index.ts';

const db = createDatabase(env.DB);
const vectors = createD1VectorIndex(db);
const embedder = createEmbedder({});
const embed = (model: string, texts: readonly string[]) => embedder.embed(model, texts);

/**
 * Recall@5 on the evaluation set (test/knowledge-eval): a question counts when one of its top five
 * chunks holds the labelled passage. Vector search uses `local:hash` (hashed words, offline): that
 * checks the plumbing of vector and hybrid search, not semantic quality.
 */
describe('recall@5 on the evaluation set (24 documents, 48 questions, zh + en)', () => {
  it('is at least 0.9 for keyword and hybrid search', async () => {
    expect(evalDocuments.length).toBeGreaterThanOrEqual(20);
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(questions.filter((question) => question.language === 'zh').length).toBe(questions.length / 2);
    const base = await createKnowledgeBaseStore(db).create({
      name: 'evaluation',
      chunking: { size: 800, overlap: 100 },
      embeddingModel: 'local:hash',
    });
    const indexer = createKnowledgeIndexer({ db, vectors, embed });
    for (const document of evalDocuments) {
      await indexer.add(
        base,
        extractText({ title: document.title, text: markdownOf(document), type: 'markdown' }),
      );
    }
    const retriever = createKnowledgeRetriever({ db, vectors, embed });
    const recall: Record<string, number> = {};
    const misses: Record<string, string[]> = {};
    for (const mode of ['keyword', 'vector', 'hybrid'] satisfies RetrievalMode[]) {
      let found = 0;
      misses[mode] = [];
      for (const question of questions) {
        const chunks = await retriever.search({
          knowledgeBaseIds: [base.id],
          query: question.question,
          topK: 5,
          minScore: 0,
          mode,
        });
        const passage = passageOf(question.document, question.section);
        if (chunks.some((chunk) => chunk.text.includes(passage))) found += 1;
        else misses[mode]?.push(question.question);
      }
      recall[mode] = found / questions.length;
    }
    console.log(
      `recall@5 over ${questions.length} questions: keyword ${recall.keyword?.toFixed(3)}, ` +
        `vector (local:hash, plumbing only) ${recall.vector?.toFixed(3)}, hybrid ${recall.hybrid?.toFixed(3)}`,
    );
    console.log(`misses: ${JSON.stringify(misses)}`);
    expect(recall.keyword).toBeGreaterThanOrEqual(0.9);
    expect(recall.hybrid).toBeGreaterThanOrEqual(0.9);
  });
});
