import { type ExtractorField, typeOfValue } from '@edgeflow/graph';
import type { JsonSchema } from '../ports/json-schema.ts';
import { runStructuredNode, type Validation } from '../structured-output.ts';
import type { Executor } from './executor.ts';

function systemPrompt(instructions: string, fields: readonly ExtractorField[]): string {
  const lines = fields.map(
    (field) =>
      `- ${field.name} (${field.type}${field.required ? '' : ', optional'})${field.description ? `: ${field.description}` : ''}`,
  );
  const task = `Extract these fields from the user's text and reply with one JSON object:\n${lines.join('\n')}`;
  return instructions.trim() ? `${instructions.trim()}\n\n${task}` : task;
}

function outputSchema(fields: readonly ExtractorField[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of fields) {
    properties[field.name] = {
      type: field.type,
      ...(field.description ? { description: field.description } : {}),
    };
  }
  return {
    type: 'object',
    properties,
    required: fields.filter((field) => field.required).map((field) => field.name),
    additionalProperties: false,
  };
}

/** Declared fields only; a missing optional field is null. */
function checkFields(fields: readonly ExtractorField[], value: unknown): Validation<Record<string, unknown>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'the reply must be a JSON object.' };
  }
  const source = value as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const field of fields) {
    const found = Object.hasOwn(source, field.name) ? source[field.name] : undefined;
    if (found === undefined || found === null) {
      if (field.required) problems.push(`"${field.name}" is required.`);
      values[field.name] = null;
      continue;
    }
    const actual = typeOfValue(found);
    if (actual !== field.type || (typeof found === 'number' && !Number.isFinite(found))) {
      problems.push(`"${field.name}" must be a ${field.type}, not a ${actual}.`);
      continue;
    }
    values[field.name] = found;
  }
  return problems.length > 0 ? { ok: false, message: problems.join(' ') } : { ok: true, value: values };
}

/** Fills the declared fields from a text (structured output, one repair request). */
export const executeExtractor: Executor<'extractor'> = async (node, runtime) => {
  const { config } = node;
  const outputs = await runStructuredNode(runtime, config, {
    system: (instructions) => systemPrompt(instructions, config.fields),
    output: { name: 'extraction', schema: outputSchema(config.fields) },
    validate: (value) => checkFields(config.fields, value),
  });
  return { outputs };
};
