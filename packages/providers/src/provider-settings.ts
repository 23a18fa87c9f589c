import type { ProviderEnvironment, WorkersAiBinding } from './provider-environment.ts';

/** The providers an environment configures, normalised: trimmed values, undefined for unset ones. */
export interface ProviderSettings {
  readonly alibaba: { readonly apiKey: string; readonly baseUrl: string | undefined } | undefined;
  readonly openai: { readonly apiKey: string; readonly baseUrl: string | undefined } | undefined;
  readonly compatible:
    | { readonly baseUrl: string; readonly apiKey: string | undefined; readonly models: readonly string[] }
    | undefined;
  readonly workersAi: { readonly binding: WorkersAiBinding } | undefined;
}

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function modelList(value: string | undefined): string[] {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    // A model id cannot hold whitespace (see the graph's modelIdSchema).
    .filter((name) => name !== '' && !/\s/.test(name));
  return [...new Set(names)];
}

/** Which providers the environment configures; empty and blank values count as unset. */
export function readProviderSettings(environment: ProviderEnvironment): ProviderSettings {
  const dashscopeKey = present(environment.DASHSCOPE_API_KEY);
  const openaiKey = present(environment.OPENAI_API_KEY);
  const compatibleUrl = present(environment.OPENAI_COMPATIBLE_BASE_URL);
  const binding = environment.AI ?? undefined;
  return {
    alibaba:
      dashscopeKey === undefined
        ? undefined
        : { apiKey: dashscopeKey, baseUrl: present(environment.DASHSCOPE_BASE_URL) },
    openai:
      openaiKey === undefined
        ? undefined
        : { apiKey: openaiKey, baseUrl: present(environment.OPENAI_BASE_URL) },
    compatible:
      compatibleUrl === undefined
        ? undefined
        : {
            baseUrl: compatibleUrl,
            apiKey: present(environment.OPENAI_COMPATIBLE_API_KEY),
            models: modelList(environment.OPENAI_COMPATIBLE_MODELS),
          },
    workersAi: binding === undefined ? undefined : { binding },
  };
}

/** Every secret in the settings, so error messages can be scrubbed of them. */
export function settingSecrets(settings: ProviderSettings): string[] {
  return [settings.alibaba?.apiKey, settings.openai?.apiKey, settings.compatible?.apiKey].filter(
    (secret): secret is string => secret !== undefined,
  );
}
