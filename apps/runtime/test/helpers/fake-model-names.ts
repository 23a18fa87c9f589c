/**
 * The fake's model names, one per purpose: test files share one fake server and run in parallel, so
 * no two tests script the same name. All of them are listed in `OPENAI_COMPATIBLE_MODELS`.
 */
export const fakeModels = {
  plain: 'fake-a',
  other: 'fake-b',
  slow: 'fake-slow',
  slowThroughEntry: 'fake-slow-entry',
  rateLimited: 'fake-rate-limited',
  rateLimitedTrace: 'fake-rate-limited-trace',
  down: 'fake-down',
  dropped: 'fake-dropped',
  droppedStep: 'fake-dropped-step',
  disconnect: 'fake-disconnect',
  history: 'fake-history',
  memoryLimit: 'fake-memory-limit',
  published: 'fake-published',
  streamFormat: 'fake-stream-format',
  openAi: 'fake-openai',
  openAiHistory: 'fake-openai-history',
  openAiDown: 'fake-openai-down',
  budget: 'fake-budget',
  /** Runs in flight together (round-trips.test.ts): they must overlap, so the model takes its time. */
  together: 'fake-together',
  /** How a stream's events are cut into pieces (streaming.test.ts). */
  pieces: 'fake-pieces',
  /** Embedding models (the name says so, which gives them the `embedding` capability). */
  embedding: 'fake-embedding',
  embeddingDown: 'fake-embedding-down',
  knowledgeQa: 'fake-knowledge-qa',
  /** Agents (adversarial.test.ts): a call of a tool the document does not have, and a model that never stops. */
  agentUnknownTool: 'fake-agent-unknown-tool',
  agentLoop: 'fake-agent-loop',
} as const;

/** `OPENAI_COMPATIBLE_MODELS`: every name above. */
export const fakeModelList = (): string => Object.values(fakeModels).join(',');
