import { z } from 'zod';
import { memorySchema, modelCallShape } from '../common-config.ts';
import { httpRequestShape } from '../http-request-config.ts';
import { identifierSchema } from '../identifier.ts';
import { defaultPort, type NodeKindDefinition } from '../node-kind-definition.ts';

/** A JSON Schema object describing a tool's arguments, as the model sees it. */
export const toolParametersSchema = z
  .object({ type: z.literal('object'), properties: z.record(z.string(), z.json()).default({}) })
  .catchall(z.json())
  .default({ type: 'object', properties: {} });

/**
 * An http tool: the model picks arguments, the request templates see them as `{{args.name}}`.
 * Without a body template, a non-GET tool sends its arguments as a JSON body and a GET tool
 * whose URL does not use them sends them as query parameters.
 */
export const agentToolSchema = z.strictObject({
  name: identifierSchema,
  description: z.string().max(2000).default(''),
  parameters: toolParametersSchema,
  ...httpRequestShape,
});
export type AgentTool = z.output<typeof agentToolSchema>;

export const agentConfigSchema = z.strictObject({
  ...modelCallShape,
  system: z.string().max(100_000).default(''),
  prompt: z.string().max(100_000).default(''),
  tools: z.array(agentToolSchema).max(32).default([]),
  maxSteps: z.int().min(1).max(50).default(5).describe('Model calls at most; the run fails when reached'),
  memory: memorySchema,
  stream: z.boolean().default(false),
});
export type AgentConfig = z.output<typeof agentConfigSchema>;

export const agentKind: NodeKindDefinition<'agent', AgentConfig> = {
  kind: 'agent',
  label: 'Agent',
  description: 'A model that calls http tools until it can answer, or until maxSteps.',
  category: 'model',
  configSchema: agentConfigSchema,
  defaultConfig: agentConfigSchema.parse({ prompt: '{{start.query}}' }),
  templateFields: ['/system', '/prompt', '/tools/*/url', '/tools/*/headers/*', '/tools/*/body'],
  hasInput: true,
  outputPorts: () => [defaultPort],
  outputs: () => ({ text: 'string', toolCalls: 'array', usage: 'object' }),
  retryable: true,
};
