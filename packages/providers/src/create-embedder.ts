import type { CancelSignal, TokenUsage } from '@edgeflow/engine';
import { embedMany } from 'ai';
import { countWords, embedByHash } from './hash-embedding.ts';
import { linkAbort } from './linked-abort.ts';
import type { ProviderEnvironment } from './provider-environment.ts';
import type { ProviderOptions } from './provider-options.ts';
import { providerRegistryFor } from './provider-registry.ts';
import { createRetrier, withRetries } from './retrying.ts';
import { toModelError } from './to-model-error.ts';

/** Vectors in the order of the texts; usage counts input tokens only. */
export interface EmbeddingResult {
  readonly vectors: number[][];
  readonly usage: TokenUsage;
}

/** Turns texts into vectors with an embedding model (`provider:model`). */
export interface Embedder {
  embed(model: string, texts: readonly string[], signal?: CancelSignal): Promise<EmbeddingResult>;
}

/**
 * Embeddings through the AI SDK's `embedMany` (alibaba, openai, compatible and workers-ai models),
 * plus the built-in offline `local:hash`. Failures are `PortError`s with the model port's codes and
 * the same retry policy.
 * @example const { vectors } = await createEmbedder(env).embed('openai:text-embedding-3-small', ['hello'])
 */
export function createEmbedder(environment: ProviderEnvironment, options: ProviderOptions = {}): Embedder {
  const registry = providerRegistryFor(environment, options.fetch);
  const retrier = createRetrier(options);
  return {
    async embed(model, texts, signal) {
      const resolved = registry.embeddingModel(model);
      if (texts.length === 0) return { vectors: [], usage: { inputTokens: 0, outputTokens: 0 } };
      if (resolved.kind === 'hash') {
        return {
          vectors: texts.map((text) => embedByHash(text)),
          usage: { inputTokens: countWords(texts), outputTokens: 0 },
        };
      }
      const toError = (error: unknown) =>
        toModelError(error, {
          modelId: model,
          keyVariable: resolved.keyVariable,
          secrets: registry.secrets,
          now: Date.now(),
        });
      return withRetries(
        retrier,
        model,
        signal,
        async () => {
          const abort = linkAbort(signal);
          try {
            const result = await embedMany({
              model: resolved.model,
              values: [...texts],
              maxRetries: 0,
              abortSignal: abort.signal,
            });
            return {
              vectors: result.embeddings,
              usage: { inputTokens: result.usage.tokens, outputTokens: 0 },
            };
          } finally {
            abort.dispose();
          }
        },
        toError,
      );
    },
  };
}
