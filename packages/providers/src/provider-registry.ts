import { createAlibaba } from '@ai-sdk/alibaba';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { EmbeddingModel, LanguageModel } from 'ai';
import { createWorkersAI } from 'workers-ai-provider';
import type { ChatCompletionsEndpoint } from './chat-completions-stream.ts';
import { parseModelId } from './model-id.ts';
import { modelNotConfigured } from './model-not-configured.ts';
import type { ProviderEnvironment } from './provider-environment.ts';
import { type ProviderSettings, readProviderSettings, settingSecrets } from './provider-settings.ts';

export type FetchFunction = typeof globalThis.fetch;

/**
 * The same model asked for JSON without a schema (`json_object`), for compatible servers that refuse
 * JSON Schema output (DeepSeek, Moonshot). `preferred` once it worked there, so later calls go
 * straight to it.
 */
export interface JsonModeFallback {
  readonly model: LanguageModel;
  readonly preferred: boolean;
  prefer(): void;
}

/** A chat model the port can call: the built-in echo, or an AI SDK model. */
export type ResolvedLanguageModel =
  | { readonly kind: 'echo' }
  | {
      readonly kind: 'sdk';
      readonly model: LanguageModel;
      readonly keyVariable?: string;
      readonly jsonMode?: JsonModeFallback;
      /** Where plain chat goes without the SDK (see chat-completions-stream.ts); absent: always the SDK. */
      readonly endpoint?: ChatCompletionsEndpoint;
    };

/** An embedding model: the built-in hashing embedder, or an AI SDK model. */
export type ResolvedEmbeddingModel =
  | { readonly kind: 'hash' }
  | { readonly kind: 'sdk'; readonly model: EmbeddingModel; readonly keyVariable?: string };

/** Turns model ids into models; throws `model_not_configured` for what the environment does not configure. */
export interface ProviderRegistry {
  readonly settings: ProviderSettings;
  /** The configured keys, scrubbed from every error message. */
  readonly secrets: readonly string[];
  languageModel(id: string): ResolvedLanguageModel;
  embeddingModel(id: string): ResolvedEmbeddingModel;
}

// What @ai-sdk/alibaba uses when DASHSCOPE_BASE_URL is unset; plain chat (our own reader) goes to the same place.
const dashscopeDefaultBaseUrl = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1';

// DashScope serves embeddings from its native API beside the OpenAI-compatible one, e.g.
// https://dashscope.aliyuncs.com/compatible-mode/v1 → https://dashscope.aliyuncs.com/api/v1.
function dashscopeEmbeddingUrl(baseUrl: string): string {
  const native = baseUrl.replace(/\/compatible-mode\/v1\/?$/, '/api/v1');
  return native === baseUrl ? `${new URL(baseUrl).origin}/api/v1` : native;
}

function once<Value>(make: () => Value): () => Value {
  let made: { value: Value } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/** The SDK provider instances of one environment, each made on first use. */
function sdkProviders(settings: ProviderSettings, fetch: FetchFunction | undefined) {
  const withFetch = fetch === undefined ? {} : { fetch };
  const { alibaba, openai, compatible, workersAi } = settings;
  return {
    alibaba:
      alibaba &&
      once(() =>
        createAlibaba({
          apiKey: alibaba.apiKey,
          ...(alibaba.baseUrl === undefined
            ? {}
            : { baseURL: alibaba.baseUrl, embeddingBaseURL: dashscopeEmbeddingUrl(alibaba.baseUrl) }),
          ...withFetch,
        }),
      ),
    openai:
      openai &&
      once(() =>
        createOpenAI({
          apiKey: openai.apiKey,
          ...(openai.baseUrl === undefined ? {} : { baseURL: openai.baseUrl }),
          ...withFetch,
        }),
      ),
    compatible:
      compatible &&
      once(() =>
        createOpenAICompatible({
          name: 'compatible',
          baseURL: compatible.baseUrl,
          ...(compatible.apiKey === undefined ? {} : { apiKey: compatible.apiKey }),
          // Usage only streams when asked for. JSON Schema output is what vLLM, Ollama, LM Studio
          // and most hosted APIs accept; the JSON-mode twin below serves the others.
          includeUsage: true,
          supportsStructuredOutputs: true,
          ...withFetch,
        }),
      ),
    compatibleJsonMode:
      compatible &&
      once(() =>
        createOpenAICompatible({
          name: 'compatible',
          baseURL: compatible.baseUrl,
          ...(compatible.apiKey === undefined ? {} : { apiKey: compatible.apiKey }),
          includeUsage: true,
          supportsStructuredOutputs: false,
          ...withFetch,
        }),
      ),
    workersAi:
      workersAi &&
      // workers-ai-provider types its binding as the full `Ai` of @cloudflare/workers-types; it only calls
      // `run`, which is what we require, so the narrower structural type is passed through.
      once(() =>
        createWorkersAI({
          binding: workersAi.binding as NonNullable<
            Extract<Parameters<typeof createWorkersAI>[0], { binding?: unknown }>['binding']
          >,
        }),
      ),
  };
}

/** Builds the registry of one environment; see `providerRegistryFor` for the cached one. */
export function createProviderRegistry(
  environment: ProviderEnvironment,
  fetch?: FetchFunction,
): ProviderRegistry {
  const settings = readProviderSettings(environment);
  const providers = sdkProviders(settings, fetch);

  const split = (id: string) => {
    const parsed = parseModelId(id);
    if (parsed === undefined) throw modelNotConfigured(id, { kind: 'malformed' });
    return parsed;
  };
  const compatibleModel = (id: string, model: string) => {
    const listed = settings.compatible?.models ?? [];
    if (!listed.includes(model)) throw modelNotConfigured(id, { kind: 'compatible-unlisted', model, listed });
  };
  const jsonModePreferred = new Set<string>();
  const unset = (id: string, provider: 'alibaba' | 'openai' | 'compatible' | 'workers-ai') =>
    modelNotConfigured(id, { kind: 'provider-unset', provider });

  // Model instances are built once per id: each SDK model compiles its response schemas when made,
  // which was a measurable share of every run's CPU.
  const resolved = new Map<string, ResolvedLanguageModel>();
  const resolveLanguageModel = (id: string): ResolvedLanguageModel => {
    const { provider, model } = split(id);
    switch (provider) {
      case 'local':
        if (model === 'echo') return { kind: 'echo' };
        throw modelNotConfigured(id, { kind: 'local-unknown', use: 'local:echo for chat' });
      case 'alibaba':
        if (!providers.alibaba) throw unset(id, provider);
        return {
          kind: 'sdk',
          model: providers.alibaba().chatModel(model),
          keyVariable: 'DASHSCOPE_API_KEY',
          endpoint: {
            baseUrl: settings.alibaba?.baseUrl ?? dashscopeDefaultBaseUrl,
            apiKey: settings.alibaba?.apiKey,
            model,
            fetch,
          },
        };
      case 'openai':
        if (!providers.openai) throw unset(id, provider);
        // Chat Completions rather than the Responses API: every OpenAI chat model serves it, and so
        // does any proxy or gateway OPENAI_BASE_URL may point at.
        return { kind: 'sdk', model: providers.openai().chat(model), keyVariable: 'OPENAI_API_KEY' };
      case 'compatible': {
        const { compatible, compatibleJsonMode } = providers;
        if (!compatible || !compatibleJsonMode) throw unset(id, provider);
        compatibleModel(id, model);
        const jsonModel = once(() => compatibleJsonMode().chatModel(model));
        return {
          kind: 'sdk',
          model: compatible().chatModel(model),
          keyVariable: 'OPENAI_COMPATIBLE_API_KEY',
          endpoint: {
            baseUrl: settings.compatible?.baseUrl ?? '',
            apiKey: settings.compatible?.apiKey,
            model,
            fetch,
          },
          jsonMode: {
            get model() {
              return jsonModel();
            },
            get preferred() {
              return jsonModePreferred.has(model);
            },
            prefer: () => jsonModePreferred.add(model),
          },
        };
      }
      case 'workers-ai':
        if (!providers.workersAi) throw unset(id, provider);
        return { kind: 'sdk', model: providers.workersAi().chat(model) };
      default:
        throw modelNotConfigured(id, { kind: 'unknown-provider', provider });
    }
  };

  return {
    settings,
    secrets: settingSecrets(settings),
    languageModel(id) {
      let model = resolved.get(id);
      if (!model) {
        model = resolveLanguageModel(id);
        resolved.set(id, model);
      }
      return model;
    },
    embeddingModel(id) {
      const { provider, model } = split(id);
      switch (provider) {
        case 'local':
          if (model === 'hash') return { kind: 'hash' };
          throw modelNotConfigured(id, { kind: 'local-unknown', use: 'local:hash for embeddings' });
        case 'alibaba':
          if (!providers.alibaba) throw unset(id, provider);
          return {
            kind: 'sdk',
            model: providers.alibaba().embeddingModel(model),
            keyVariable: 'DASHSCOPE_API_KEY',
          };
        case 'openai':
          if (!providers.openai) throw unset(id, provider);
          return {
            kind: 'sdk',
            model: providers.openai().embeddingModel(model),
            keyVariable: 'OPENAI_API_KEY',
          };
        case 'compatible':
          if (!providers.compatible) throw unset(id, provider);
          compatibleModel(id, model);
          return {
            kind: 'sdk',
            model: providers.compatible().embeddingModel(model),
            keyVariable: 'OPENAI_COMPATIBLE_API_KEY',
          };
        case 'workers-ai':
          if (!providers.workersAi) throw unset(id, provider);
          return { kind: 'sdk', model: providers.workersAi().embedding(model) };
        default:
          throw modelNotConfigured(id, { kind: 'unknown-provider', provider });
      }
    },
  };
}

const cache = new WeakMap<ProviderEnvironment, Map<FetchFunction | undefined, ProviderRegistry>>();

/**
 * The registry of an environment object, made once: a Worker passes the same `env` to every
 * request of an isolate, so per-request ports share the provider instances.
 */
export function providerRegistryFor(
  environment: ProviderEnvironment,
  fetch?: FetchFunction,
): ProviderRegistry {
  let byFetch = cache.get(environment);
  if (byFetch === undefined) {
    byFetch = new Map();
    cache.set(environment, byFetch);
  }
  let registry = byFetch.get(fetch);
  if (registry === undefined) {
    registry = createProviderRegistry(environment, fetch);
    byFetch.set(fetch, registry);
  }
  return registry;
}
