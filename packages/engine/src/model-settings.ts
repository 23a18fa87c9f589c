import type { RetryConfig } from '@edgeflow/graph';
import type { ModelMessage, ModelRequest } from './ports/model-port.ts';

/** What every model-calling kind's config has (graph's `modelCallShape`). */
export interface ModelCallConfig {
  readonly model: string;
  readonly fallbackModels: readonly string[];
  readonly temperature?: number | undefined;
  readonly maxTokens?: number | undefined;
  readonly retry: RetryConfig;
}

/** The primary model, then the fallbacks in order, each once. */
export function modelsOf(config: ModelCallConfig): string[] {
  const models = [config.model];
  for (const model of config.fallbackModels) if (!models.includes(model)) models.push(model);
  return models;
}

/** A request with the config's sampling settings; absent settings stay absent. */
export function modelRequest(
  config: ModelCallConfig,
  model: string,
  system: string,
  messages: readonly ModelMessage[],
): ModelRequest {
  return {
    model,
    ...(system === '' ? {} : { system }),
    messages,
    ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
    ...(config.maxTokens === undefined ? {} : { maxTokens: config.maxTokens }),
  };
}
