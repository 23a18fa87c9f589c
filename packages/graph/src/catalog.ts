import { z } from 'zod';
import { agentKind } from './kinds/agent.ts';
import { answerKind } from './kinds/answer.ts';
import { classifierKind } from './kinds/classifier.ts';
import { codeKind } from './kinds/code.ts';
import { conditionKind } from './kinds/condition.ts';
import { endKind } from './kinds/end.ts';
import { extractorKind } from './kinds/extractor.ts';
import { httpKind } from './kinds/http.ts';
import { llmKind } from './kinds/llm.ts';
import { retrievalKind } from './kinds/retrieval.ts';
import { startKind } from './kinds/start.ts';
import { templateKind } from './kinds/template.ts';
import type { NodeKindDefinition } from './node-kind-definition.ts';

/** Every node kind of the v1 language, in palette order. */
export const catalog = {
  start: startKind,
  llm: llmKind,
  template: templateKind,
  retrieval: retrievalKind,
  http: httpKind,
  agent: agentKind,
  condition: conditionKind,
  classifier: classifierKind,
  extractor: extractorKind,
  code: codeKind,
  answer: answerKind,
  end: endKind,
} as const;

export type NodeKind = keyof typeof catalog;
export const nodeKinds = Object.keys(catalog) as NodeKind[];

/** The parsed (defaults filled) config of each kind. */
export type NodeConfigMap = {
  [Kind in NodeKind]: (typeof catalog)[Kind] extends NodeKindDefinition<Kind, infer Config> ? Config : never;
};
export type NodeConfig<Kind extends NodeKind = NodeKind> = NodeConfigMap[Kind];

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && Object.hasOwn(catalog, value);
}

/** The definition of a kind, typed loosely for code that handles every kind alike. */
export function kindDefinition(kind: NodeKind): NodeKindDefinition<NodeKind, unknown> {
  return catalog[kind] as unknown as NodeKindDefinition<NodeKind, unknown>;
}

const jsonSchemaCache = new Map<NodeKind, unknown>();

/**
 * The JSON Schema of a kind's config (as a person writes it: defaults optional), for the editor's forms.
 * @example configJsonSchema('llm').properties.model
 */
export function configJsonSchema(kind: NodeKind): Record<string, unknown> {
  let schema = jsonSchemaCache.get(kind);
  if (!schema) {
    schema = z.toJSONSchema(catalog[kind].configSchema, { io: 'input', unrepresentable: 'any' });
    jsonSchemaCache.set(kind, schema);
  }
  return schema as Record<string, unknown>;
}
