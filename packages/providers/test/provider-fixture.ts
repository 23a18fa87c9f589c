import type { ModelPort, ModelRequest } from '@edgeflow/engine';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createFakeModelServer, type FakeModelServer } from '../../../test/fake-model/index.ts';
import { createModelPort, type ProviderEnvironment, type RetryNotice } from '../src/index.ts';
import { type CollectedStream, collectStream } from './collect-stream.ts';

/** How one provider is pointed at the fake OpenAI-compatible server. */
export interface OpenAiShapedProvider {
  readonly provider: string;
  /** The environment that sends this provider's requests to `baseUrl` with `apiKey`. */
  environment(baseUrl: string, apiKey: string): ProviderEnvironment;
  /** The variable an unconfigured environment's error must name. */
  readonly setupVariable: string;
  /** Whether its embeddings speak OpenAI's `/v1/embeddings` (DashScope's do not). */
  readonly openAiEmbeddings: boolean;
  /** The chat model to ask; any name works with the fake, but a provider may treat some names specially. */
  readonly chatModel?: string;
}

export const apiKey = 'sk-test-0123456789abcdefSECRET';
export const embeddingModel = 'fake-embedding-model';
// Small waits keep the suite fast; the Retry-After test still waits the full second it is told to.
export const retry = { attempts: 3, baseDelayMs: 20, maxDelayMs: 1_500 };

/** One fake server per suite, reset before each test, and a fresh port that records its retries. */
export interface ProviderFixture {
  readonly subject: OpenAiShapedProvider;
  readonly chatModel: string;
  readonly server: FakeModelServer;
  readonly environment: ProviderEnvironment;
  readonly port: ModelPort;
  readonly retries: readonly RetryNotice[];
  /** `provider:model`. */
  id(model: string): string;
  /** Streams a request to the chat model ("Hello?" unless `request` says otherwise) to its end. */
  ask(request: Partial<ModelRequest>, signal?: AbortSignal): Promise<CollectedStream>;
}

/** Registers the hooks of a provider suite; read the fixture's fields inside tests only. */
export function useProviderFixture(subject: OpenAiShapedProvider): ProviderFixture {
  const chatModel = subject.chatModel ?? 'fake-model';
  let server: FakeModelServer | undefined;
  let environment: ProviderEnvironment = {};
  let port: ModelPort | undefined;
  let retries: RetryNotice[] = [];
  const ready = <Value>(value: Value | undefined): Value => {
    if (value === undefined) throw new Error('the provider fixture is read outside a test');
    return value;
  };
  beforeAll(async () => {
    server = await createFakeModelServer();
    environment = subject.environment(server.url, apiKey);
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server?.reset();
    const recorded: RetryNotice[] = [];
    retries = recorded;
    port = createModelPort(environment, { retry, onRetry: (notice) => recorded.push(notice) });
  });
  const fixture: ProviderFixture = {
    subject,
    chatModel,
    get server() {
      return ready(server);
    },
    get environment() {
      return environment;
    },
    get port() {
      return ready(port);
    },
    get retries() {
      return retries;
    },
    id: (model) => `${subject.provider}:${model}`,
    ask: (request, signal = new AbortController().signal) =>
      collectStream(
        fixture.port.stream(
          { model: fixture.id(chatModel), messages: [{ role: 'user', content: 'Hello?' }], ...request },
          signal,
        ),
      ),
  };
  return fixture;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The JSON body of the `index`th request the fake received. */
export function bodyOf(server: FakeModelServer, index: number): Record<string, unknown> {
  const body = server.requests[index]?.body;
  if (!isRecord(body)) throw new Error(`request ${index} has no JSON body`);
  return body;
}

/** Messages with text-part arrays joined to strings: providers send user text either way. */
export function messageShapes(messages: unknown): unknown {
  if (!Array.isArray(messages)) return messages;
  return messages.map((message: unknown) => {
    if (!isRecord(message) || !Array.isArray(message.content)) return message;
    const texts = message.content.map((part: unknown) =>
      isRecord(part) && part.type === 'text' ? part.text : part,
    );
    return {
      ...message,
      content: texts.every((text) => typeof text === 'string') ? texts.join('') : message.content,
    };
  });
}

export function cosine(left: readonly number[], right: readonly number[]): number {
  let dot = 0;
  for (const [index, value] of left.entries()) dot += value * (right[index] ?? 0);
  return dot / (Math.hypot(...left) * Math.hypot(...right));
}
