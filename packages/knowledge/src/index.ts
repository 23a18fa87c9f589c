export { type ChunkingSettings, chunkText, type TextChunk } from './chunking/chunk-text.ts';
export { splitSentences } from './chunking/split-sentences.ts';
export { DocumentProblem, type DocumentProblemCode, documentLimits } from './extraction/document-problem.ts';
export {
  cleanFileName,
  type DocumentFile,
  type DocumentType,
  documentTypes,
  type ExtractedDocument,
  type ExtractFileDependencies,
  extractFile,
  extractText,
} from './extraction/extract-document.ts';
export { htmlToText } from './extraction/html-to-text.ts';
export type { PdfExtraction, PdfText, PdfToText } from './extraction/pdf-text.ts';
export { createKnowledgeIndexer, type KnowledgeIndexer } from './indexing/knowledge-indexer.ts';
export { cosineSimilarity } from './search/cosine.ts';
export { createD1VectorIndex } from './search/d1-vector-index.ts';
export { keywordSearch } from './search/keyword-search.ts';
export {
  createKnowledgeRetriever,
  type EmbedTexts,
  type KnowledgeRetriever,
  type KnowledgeSearch,
  type KnowledgeSearchResult,
} from './search/knowledge-retriever.ts';
export { fuseRankings, type RankedHit } from './search/rank-fusion.ts';
export { indexTerms, matchExpression, segmentWords } from './search/segment-words.ts';
export type { SearchScope, VectorEntry, VectorIndex } from './search/vector-index.ts';
export { createVectorizeIndex, type VectorizeBinding } from './search/vectorize-index.ts';
export { createDocumentStore, type DocumentRecord, type DocumentStore } from './store/document-store.ts';
export {
  createKnowledgeBaseStore,
  type KnowledgeBaseRecord,
  type KnowledgeBaseSearchInfo,
  type KnowledgeBaseStore,
} from './store/knowledge-base-store.ts';
