import type { NodeKind } from '@edgeflow/graph';
import { executeAgent } from './agent.ts';
import { executeAnswer } from './answer.ts';
import { executeClassifier } from './classifier.ts';
import { executeCode } from './code.ts';
import { executeCondition } from './condition.ts';
import { executeEnd } from './end.ts';
import type { Executor } from './executor.ts';
import { executeExtractor } from './extractor.ts';
import { executeHttp } from './http.ts';
import { executeLlm } from './llm.ts';
import { executeRetrieval } from './retrieval.ts';
import { executeStart } from './start.ts';
import { executeTemplate } from './template.ts';

export type { Executor, NodeResult } from './executor.ts';

/** One executor per node kind. */
export const executors: { readonly [Kind in NodeKind]: Executor<Kind> } = {
  start: executeStart,
  llm: executeLlm,
  template: executeTemplate,
  retrieval: executeRetrieval,
  http: executeHttp,
  agent: executeAgent,
  condition: executeCondition,
  classifier: executeClassifier,
  extractor: executeExtractor,
  code: executeCode,
  answer: executeAnswer,
  end: executeEnd,
};
