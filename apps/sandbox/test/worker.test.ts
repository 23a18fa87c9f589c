import { exports } from 'cloudflare:workers';
import type { SandboxResult } from '@edgeflow/engine';
import { describe, expect, it } from 'vitest';

/**
 * The Worker's default entrypoint, called over RPC as the runtime's `SANDBOX` binding calls it (typed
 * loosely, so a test can send what a wrong caller might).
 */
const sandboxWorker = exports.default as unknown as {
  execute(request: unknown): Promise<SandboxResult>;
  fetch(request: Request): Promise<Response>;
};

const request = (code: string, inputs: Record<string, unknown> = {}) => ({
  code,
  inputs,
  timeoutMs: 2_000,
  memoryLimitMb: 16,
});

describe('the sandbox Worker', () => {
  it('runs main(inputs) and answers its JSON result and console output', async () => {
    const answer = await sandboxWorker.execute(
      request('function main(inputs) { console.log("n is", inputs.n); return { twice: inputs.n * 2 }; }', {
        n: 21,
      }),
    );
    expect(answer).toEqual({ ok: true, result: { twice: 42 }, logs: ['n is 21'] });
  });

  it('answers a guest failure as a result, not a thrown RPC error', async () => {
    const answer = await sandboxWorker.execute(request('function main() { throw new TypeError("nope"); }'));
    expect(answer).toMatchObject({ ok: false, error: { code: 'code_error' } });
  });

  it('ends while (true) {} at the deadline', async () => {
    const answer = await sandboxWorker.execute({
      ...request('function main() { while (true) {} }'),
      timeoutMs: 300,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'code_timeout' } });
  });

  it('refuses what is not a request with code_invalid_input', async () => {
    for (const wrong of [
      null,
      'code',
      { code: 1, inputs: {}, timeoutMs: 1, memoryLimitMb: 1 },
      { ...request(''), inputs: [] },
      { ...request(''), timeoutMs: '5' },
    ]) {
      expect(await sandboxWorker.execute(wrong)).toMatchObject({
        ok: false,
        error: { code: 'code_invalid_input' },
      });
    }
  });

  it('the guest sees no bindings or host globals', async () => {
    const answer = await sandboxWorker.execute(
      request(
        'function main() { return { env: typeof env, db: typeof DB, global: Object.keys(globalThis).sort() }; }',
      ),
    );
    expect(answer).toMatchObject({ ok: true, result: { env: 'undefined', db: 'undefined' } });
    const globals = answer.ok ? (answer.result as { global: string[] }).global : [];
    expect(globals).not.toContain('fetch');
    expect(globals).not.toContain('WebAssembly');
  });

  it('answers 404 in the contract error shape to HTTP', async () => {
    const response = await sandboxWorker.fetch(new Request('http://sandbox/anything'));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
