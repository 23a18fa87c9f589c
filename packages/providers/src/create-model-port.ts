import { createEchoModel, type ModelPort } from '@edgeflow/engine';
import type { ProviderEnvironment } from './provider-environment.ts';
import type { ProviderOptions } from './provider-options.ts';
import { providerRegistryFor } from './provider-registry.ts';
import { createRetrier } from './retrying.ts';
import { streamWithRetries } from './stream-with-retries.ts';
import { toModelError } from './to-model-error.ts';

const echo = createEchoModel();

/**
 * The engine's model port on the Vercel AI SDK, for the providers the environment configures
 * (`alibaba:`, `openai:`, `compatible:`, `workers-ai:`) and the built-in `local:echo`. Provider
 * instances are made once per environment object, so calling this per request is cheap.
 * Failed tries are retried (network, 408, 429, 5xx; `Retry-After` honoured) only while nothing has
 * been yielded; a stream that breaks later fails with `model_stream_interrupted`.
 * @example const model = createModelPort(env); run(plan, { inputs, ports: { clock, model } })
 */
export function createModelPort(environment: ProviderEnvironment, options: ProviderOptions = {}): ModelPort {
  const registry = providerRegistryFor(environment, options.fetch);
  const retrier = createRetrier(options);
  return {
    // Not a generator wrapping the one below: each generator a part passes through costs it awaits of
    // its own, which workerd makes dear (the runtime profile, test/bench/runtime-profile.ts).
    stream(request, signal) {
      let resolved: ReturnType<typeof registry.languageModel>;
      try {
        resolved = registry.languageModel(request.model);
      } catch (error) {
        // An unconfigured model fails where the engine reads the stream, as any other model failure.
        return failing(error);
      }
      if (resolved.kind === 'echo') return echo.stream(request, signal);
      const toError = (error: unknown) =>
        toModelError(error, {
          modelId: request.model,
          keyVariable: resolved.keyVariable,
          secrets: registry.secrets,
          now: Date.now(),
        });
      return streamWithRetries(
        { model: resolved.model, jsonMode: resolved.jsonMode, endpoint: resolved.endpoint, toError },
        retrier,
        request,
        signal,
      );
    },
  };
}

/** A stream whose first read fails with `error`. */
function failing(error: unknown): AsyncIterable<never> {
  return { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error) }) };
}
