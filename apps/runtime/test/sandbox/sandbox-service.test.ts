import { env } from 'cloudflare:workers';
import type { SandboxRequest } from '@edgeflow/engine';
import { describe, expect, it } from 'vitest';
import { describeSandboxPort } from '../../../../test/support/sandbox-port.case.ts';
import { sandboxThroughBinding } from '../../src/sandbox/sandbox-service.ts';

// The real sandbox Worker (apps/sandbox), bound as in wrangler.jsonc (see test/README.md).
describeSandboxPort('the SANDBOX binding', () => sandboxThroughBinding(env.SANDBOX));

const request = (code: string, timeoutMs = 2_000): SandboxRequest => ({
  code,
  inputs: {},
  timeoutMs,
  memoryLimitMb: 16,
});
const notCancelled = () => new AbortController().signal;

describe('code nodes through the SANDBOX binding', () => {
  it('without a binding, fails with sandbox_failed and says how to set it up', async () => {
    const answer = await sandboxThroughBinding(undefined).execute(
      request('function main() { return {} }'),
      notCancelled(),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'sandbox_failed' } });
    expect(answer.ok ? '' : answer.error.message).toMatch(/binding SANDBOX.*npm start/);
  });

  it('a sandbox Worker that cannot be reached is sandbox_failed, without the platform error text', async () => {
    const notRunning = {
      execute: () => Promise.reject(new Error('Service edgeflow-sandbox is not running')),
    };
    const answer = await sandboxThroughBinding(notRunning).execute(
      request('function main() { return {} }'),
      notCancelled(),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'sandbox_failed' } });
    expect(answer.ok ? '' : answer.error.message).not.toContain('Service edgeflow-sandbox');
  });

  it('stops waiting at timeoutMs plus the grace when the sandbox never answers', async () => {
    const silent = { execute: () => new Promise<never>(() => {}) };
    const answer = await sandboxThroughBinding(silent, { graceMs: 50 }).execute(
      request('', 100),
      notCancelled(),
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'code_timeout', message: expect.stringContaining('100 ms') },
    });
  });

  it('stops waiting when the run is cancelled', async () => {
    const silent = { execute: () => new Promise<never>(() => {}) };
    const controller = new AbortController();
    const answer = sandboxThroughBinding(silent).execute(request(''), controller.signal);
    controller.abort();
    expect(await answer).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it("the sandbox's own stop is the one reported: while (true) {} is code_timeout at its deadline", async () => {
    const answer = await sandboxThroughBinding(env.SANDBOX).execute(
      request('function main() { while (true) {} }', 300),
      notCancelled(),
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'code_timeout', message: expect.stringContaining('300 ms') },
    });
  });
});
