import { catalogEntries, compatibleCapabilities, type ModelInfo } from './model-catalog.ts';
import type { ProviderEnvironment } from './provider-environment.ts';
import { readProviderSettings } from './provider-settings.ts';

/**
 * The models of the providers the environment configures, for `GET /api/models`: always the
 * built-in `local:echo` and `local:hash`, then a curated few per configured provider and every
 * model listed in OPENAI_COMPATIBLE_MODELS.
 * @example listModels({}).map((model) => model.id) // ['local:echo', 'local:hash']
 */
export function listModels(environment: ProviderEnvironment): ModelInfo[] {
  const settings = readProviderSettings(environment);
  return [
    ...catalogEntries('local'),
    ...(settings.alibaba ? catalogEntries('alibaba') : []),
    ...(settings.openai ? catalogEntries('openai') : []),
    ...(settings.compatible?.models ?? []).map(
      (model): ModelInfo => ({
        id: `compatible:${model}`,
        provider: 'compatible',
        name: model,
        capabilities: compatibleCapabilities(model),
      }),
    ),
    ...(settings.workersAi ? catalogEntries('workers-ai') : []),
  ];
}
