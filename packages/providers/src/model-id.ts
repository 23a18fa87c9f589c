/** The providers a model id may name. */
export const providerNames = ['alibaba', 'openai', 'compatible', 'workers-ai', 'local'] as const;

/** A model id split at its first colon; the model part may hold more colons (`compatible:llama3.1:8b`). */
export interface ModelId {
  readonly provider: string;
  readonly model: string;
}

/**
 * Splits `provider:model`; undefined when there is no colon or either side is empty.
 * @example parseModelId('workers-ai:@cf/meta/llama-3.1-8b-instruct')?.model === '@cf/meta/llama-3.1-8b-instruct'
 */
export function parseModelId(id: string): ModelId | undefined {
  const colon = id.indexOf(':');
  if (colon <= 0 || colon === id.length - 1) return undefined;
  return { provider: id.slice(0, colon), model: id.slice(colon + 1) };
}
