import type { ClassifierClass } from '@edgeflow/graph';
import type { JsonSchema } from '../ports/json-schema.ts';
import { runStructuredNode, type Validation } from '../structured-output.ts';
import type { Executor } from './executor.ts';

function systemPrompt(instructions: string, classes: readonly ClassifierClass[]): string {
  const lines = classes.map(
    (entry) => `- ${entry.id}: ${entry.name}${entry.description ? ` — ${entry.description}` : ''}`,
  );
  const task = `Classify the user's text into exactly one of these classes and reply with JSON {"class": "<id>"}:\n${lines.join('\n')}`;
  return instructions.trim() ? `${instructions.trim()}\n\n${task}` : task;
}

function outputSchema(classes: readonly ClassifierClass[]): JsonSchema {
  return {
    type: 'object',
    properties: {
      class: { type: 'string', enum: classes.map((entry) => entry.id), description: 'The id of the class' },
    },
    required: ['class'],
    additionalProperties: false,
  };
}

/** Accepts the id, or (models do this) the class's name or id in another case. */
function pickClass(classes: readonly ClassifierClass[], value: unknown): Validation<ClassifierClass> {
  const chosen =
    value !== null && typeof value === 'object' ? (value as { class?: unknown }).class : undefined;
  if (typeof chosen === 'string') {
    const wanted = chosen.trim().toLowerCase();
    const found =
      classes.find((entry) => entry.id === chosen) ??
      classes.find(
        (entry) => entry.id.toLowerCase() === wanted || entry.name.trim().toLowerCase() === wanted,
      );
    if (found) return { ok: true, value: found };
  }
  return {
    ok: false,
    message: `"class" must be one of ${classes.map((entry) => `"${entry.id}"`).join(', ')}.`,
  };
}

/** Takes the port of the class the model picks (structured output, one repair request). */
export const executeClassifier: Executor<'classifier'> = async (node, runtime) => {
  const { config } = node;
  const chosen = await runStructuredNode(runtime, config, {
    system: (instructions) => systemPrompt(instructions, config.classes),
    output: { name: 'classification', schema: outputSchema(config.classes) },
    validate: (value) => pickClass(config.classes, value),
  });
  return { outputs: { class: chosen.id }, port: chosen.id };
};
