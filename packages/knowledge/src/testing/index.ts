export { createMemoryVectorize } from './memory-vectorize.ts';
export { minimalPdf } from './minimal-pdf.ts';
export { vectorIndexCases } from './vector-index.case.ts';
