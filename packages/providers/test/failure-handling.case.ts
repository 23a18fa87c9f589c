import { PortError } from '@edgeflow/engine';
import { expect, it } from 'vitest';
import { createModelPort } from '../src/index.ts';
import { collectStream } from './collect-stream.ts';
import { apiKey, type ProviderFixture } from './provider-fixture.ts';

/** Retries, Retry-After, broken streams, cancellation, and error messages without keys. */
export function failureHandlingCases(fixture: ProviderFixture): void {
  const { ask, chatModel, id, subject } = fixture;

  it('waits out a 429 with Retry-After: 1 before trying again', async () => {
    fixture.server.enqueue(chatModel, { status: 429, retryAfterSeconds: 1 });
    const result = await ask({});
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('Fake reply to: Hello?');
    expect(fixture.server.requests).toHaveLength(2);
    const [first, second] = fixture.server.requests;
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(990);
    expect(fixture.retries).toEqual([expect.objectContaining({ attempt: 1, delayMs: expect.any(Number) })]);
    expect(fixture.retries[0]?.delayMs).toBeGreaterThanOrEqual(1_000);
    expect(fixture.retries[0]?.error.code).toBe('model_rate_limited');
  });

  it('fails with model_rate_limited at once when Retry-After is longer than it waits', async () => {
    fixture.server.enqueue(chatModel, { status: 429, retryAfterSeconds: 120 });
    const result = await ask({});
    expect(result.error).toBeInstanceOf(PortError);
    expect(result.error?.code).toBe('model_rate_limited');
    expect(result.error?.retryable).toBe(false);
    expect(result.error?.message).toMatch(/120 s/);
    expect(fixture.server.requests).toHaveLength(1);
  });

  it('retries a 500 and then answers', async () => {
    fixture.server.enqueue(chatModel, { status: 500 });
    const result = await ask({});
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('Fake reply to: Hello?');
    expect(fixture.server.requests).toHaveLength(2);
  });

  it('retries a stream that broke before its first token', async () => {
    fixture.server.enqueue(chatModel, { dropAfterTokens: 0 });
    const result = await ask({});
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('Fake reply to: Hello?');
    expect(fixture.server.requests).toHaveLength(2);
  });

  it('gives up on a persistent 503 after the configured tries with model_unavailable', async () => {
    fixture.server.script(chatModel, { status: 503 });
    const result = await ask({});
    expect(result.error).toBeInstanceOf(PortError);
    expect(result.error?.code).toBe('model_unavailable');
    expect(result.error?.retryable).toBe(true);
    expect(result.error?.message).toContain(id(chatModel));
    expect(result.error?.message).toContain('503');
    expect(fixture.server.requests).toHaveLength(3);
    // Each failed try but the last is announced (the engine traces it), and nothing else is yielded.
    expect(result.parts.map((part) => part.type)).toEqual(['retry', 'retry']);
    expect(result.parts[0]).toMatchObject({ type: 'retry', error: { code: 'model_unavailable' } });
  });

  it('never fixture.retries a stream that broke after text was delivered', async () => {
    fixture.server.enqueue(chatModel, { text: 'one two three four', dropAfterTokens: 2 });
    const result = await ask({});
    expect(result.deltas).toEqual(['one', ' two']);
    expect(result.error?.code).toBe('model_stream_interrupted');
    expect(result.error?.retryable).toBe(false);
    expect(result.finish).toBeUndefined();
    expect(fixture.server.requests).toHaveLength(1);
  });

  it('does not retry a request the provider rejects', async () => {
    fixture.server.enqueue(chatModel, { status: 400 });
    const result = await ask({});
    expect(result.error?.code).toBe('model_bad_request');
    expect(result.error?.retryable).toBe(false);
    expect(fixture.server.requests).toHaveLength(1);
  });

  it('stops promptly when the signal aborts mid-stream, and closes the connection', async () => {
    fixture.server.script(chatModel, { text: 'a b c d e f g h i j', interTokenDelayMs: 300 });
    const controller = new AbortController();
    const stream = fixture.port.stream(
      { model: id(chatModel), messages: [{ role: 'user', content: 'Hi' }] },
      controller.signal,
    );
    const seen: string[] = [];
    let abortedAt = 0;
    let error: unknown;
    try {
      for await (const part of stream) {
        if (part.type === 'text-delta') seen.push(part.delta);
        if (seen.length === 1 && abortedAt === 0) {
          abortedAt = performance.now();
          controller.abort();
        }
      }
    } catch (thrown) {
      error = thrown;
    }
    expect(performance.now() - abortedAt).toBeLessThan(150);
    expect(error).toBeInstanceOf(PortError);
    expect((error as PortError).code).toBe('cancelled');
    expect(seen).toEqual(['a']);
    await expect.poll(() => fixture.server.activeRequests, { timeout: 1_000 }).toBe(0);
    expect(fixture.server.requests).toHaveLength(1);
  });

  it('closes the request when the caller stops reading early', async () => {
    fixture.server.script(chatModel, { text: 'a b c d e f g h i j', interTokenDelayMs: 100 });
    const stream = fixture.port.stream(
      { model: id(chatModel), messages: [{ role: 'user', content: 'Hi' }] },
      new AbortController().signal,
    );
    for await (const part of stream) if (part.type === 'text-delta') break;
    await expect.poll(() => fixture.server.activeRequests, { timeout: 1_000 }).toBe(0);
    expect(fixture.server.requests).toHaveLength(1);
  });

  it('stops waiting between tries when the signal aborts', async () => {
    fixture.server.script(chatModel, { status: 503 });
    const slowPort = createModelPort(fixture.environment, {
      retry: { attempts: 3, baseDelayMs: 5_000, maxDelayMs: 5_000 },
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = performance.now();
    const result = await collectStream(
      slowPort.stream(
        { model: id(chatModel), messages: [{ role: 'user', content: 'Hi' }] },
        controller.signal,
      ),
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result.error?.code).toBe('cancelled');
    expect(fixture.server.requests).toHaveLength(1);
  });

  it('keeps the API key out of error messages, also when the provider echoes it', async () => {
    fixture.server.enqueue(chatModel, {
      status: 401,
      errorBody: {
        error: {
          message: `Incorrect API key provided: ${apiKey}.`,
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      },
    });
    const result = await ask({});
    expect(result.error?.code).toBe('model_auth_failed');
    expect(result.error?.retryable).toBe(false);
    expect(result.error?.message).toContain('Incorrect API key provided');
    expect(result.error?.message).not.toContain(apiKey);
    expect(result.error?.message).not.toContain(apiKey.slice(3, 20));
    expect(JSON.stringify(result.error)).not.toContain(apiKey);
    expect(String(result.error?.stack)).not.toContain(apiKey);
  });

  it('fails with model_not_configured, naming what to set, when the provider is not configured', async () => {
    const result = await collectStream(
      createModelPort({}).stream({ model: id(chatModel), messages: [] }, new AbortController().signal),
    );
    expect(result.error?.code).toBe('model_not_configured');
    expect(result.error?.retryable).toBe(false);
    expect(result.error?.message).toContain(subject.setupVariable);
    expect(fixture.server.requests).toHaveLength(0);
  });
}
