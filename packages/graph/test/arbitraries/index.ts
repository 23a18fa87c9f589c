/**
 * fast-check generators for workflow documents: valid DAGs described by a model that knows every
 * reference and typed field it placed (so tests can predict compile()'s diagnostics), mutations of
 * them, junk shaped like documents, and random graphs.
 */
export * from './config-mutations.ts';
export * from './junk.ts';
export * from './mutations.ts';
export * from './random-graph.ts';
export * from './stray-key.ts';
export * from './valid-workflow.ts';
export * from './workflow-model.ts';
