import { createMemoryVectorize } from '../testing/memory-vectorize.ts';
import { vectorIndexCases } from '../testing/vector-index.case.ts';
import { createVectorizeIndex } from './vectorize-index.ts';

// Vectorize does not run locally; its adapter runs the shared cases over a binding with its documented limits.
vectorIndexCases('Vectorize store', () => createVectorizeIndex(createMemoryVectorize()));
