import { describe, expect, it } from 'vitest';
import { createFakeModelServer } from '../../../test/fake-model/index.ts';
import { createModelPort, type RetryNotice } from '../src/index.ts';
import { collectStream } from './collect-stream.ts';

describe('a provider nobody answers for', () => {
  it('is retried, then fails as a retryable model_unavailable', async () => {
    // A port that was just free: connections to it are refused.
    const server = await createFakeModelServer();
    const baseUrl = server.url;
    await server.close();
    const retries: RetryNotice[] = [];
    const port = createModelPort(
      { OPENAI_COMPATIBLE_BASE_URL: baseUrl, OPENAI_COMPATIBLE_MODELS: 'm' },
      { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 }, onRetry: (notice) => retries.push(notice) },
    );
    const result = await collectStream(
      port.stream(
        { model: 'compatible:m', messages: [{ role: 'user', content: 'hi' }] },
        new AbortController().signal,
      ),
    );
    expect(result.error).toMatchObject({ code: 'model_unavailable', retryable: true });
    expect(result.error?.message).toMatch(/^compatible:m: the connection to the provider failed/);
    expect(retries).toHaveLength(1);
  });
});
