import type { ModelToolDefinition } from '@edgeflow/engine';
import { type JSONSchema7, jsonSchema, type ToolSet, tool } from 'ai';

/**
 * Our tool definitions as an AI SDK tool set, without `execute`: the model's calls come back to the
 * engine, which runs its own loop (and refuses tools the pipeline does not define).
 */
export function toSdkTools(tools: readonly ModelToolDefinition[]): ToolSet {
  const set: ToolSet = {};
  for (const definition of tools) {
    set[definition.name] = tool({
      description: definition.description,
      inputSchema: jsonSchema(definition.parameters as JSONSchema7),
    });
  }
  return set;
}
