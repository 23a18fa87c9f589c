import type { ModelOutputSpec } from '@edgeflow/engine';
import { type JSONSchema7, jsonSchema, Output } from 'ai';

/**
 * The instruction added to the system prompt for structured output. Providers that support JSON
 * Schema constrain the answer anyway; this reaches the rest (json_object mode, which OpenAI and
 * DashScope only accept when the prompt says "JSON", and servers that ignore `response_format`).
 */
export function outputInstruction(output: ModelOutputSpec): string {
  return `Answer with only a JSON value (“${output.name}”) that satisfies this JSON Schema, without code fences or other text:\n${JSON.stringify(output.schema)}`;
}

/** The AI SDK's output spec: the provider gets `response_format` with the schema; text still streams as JSON text. */
export function sdkOutput(output: ModelOutputSpec) {
  return Output.object({ name: output.name, schema: jsonSchema(output.schema as JSONSchema7) });
}

/**
 * Provider options for structured output. Strict schemas (OpenAI's default) reject schemas with
 * optional properties, which the engine's extractor has; best-effort schemas accept any schema, and
 * the engine validates the answer (with one repair request) anyway.
 */
export const structuredOutputProviderOptions = {
  openai: { strictJsonSchema: false },
  compatible: { strictJsonSchema: false },
} as const;
