import type { SandboxResult } from '@edgeflow/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createQuickJsModuleLoader,
  createQuickJsSandbox,
  type QuickJsSandboxOptions,
} from '../src/quickjs/index.ts';

interface Timed {
  readonly answer: SandboxResult;
  readonly elapsedMs: number;
}

async function timed(
  code: string,
  {
    timeoutMs = 300,
    memoryLimitMb = 16,
    signal = new AbortController().signal,
    ...options
  }: QuickJsSandboxOptions & {
    timeoutMs?: number;
    memoryLimitMb?: number;
    signal?: AbortSignal;
  } = {},
): Promise<Timed> {
  const sandbox = createQuickJsSandbox(options);
  const started = performance.now();
  const answer = await sandbox.execute({ code, inputs: {}, timeoutMs, memoryLimitMb }, signal);
  return { answer, elapsedMs: performance.now() - started };
}

const codeOf = (answer: SandboxResult): string => (answer.ok ? 'ok' : answer.error.code);
const healthy = async (options: QuickJsSandboxOptions = {}, timeoutMs = 2_000) =>
  (await timed('function main() { return { alive: [1, 2, 3].length }; }', { ...options, timeoutMs })).answer;

// Elapsed times below are warm: the first execution in an isolate also instantiates QuickJS.
beforeAll(async () => {
  expect(await healthy({}, 10_000)).toMatchObject({ ok: true });
});

describe('time', () => {
  it('while (true) {} ends with code_timeout within the timeout and a small margin', async () => {
    const { answer, elapsedMs } = await timed('function main() { while (true) {} }', { timeoutMs: 300 });
    expect(codeOf(answer)).toBe('code_timeout');
    expect(elapsedMs).toBeLessThan(300 + 200);
  });

  it('catching the interruption does not help', async () => {
    const { answer, elapsedMs } = await timed(
      'function main() { for (;;) { try { while (true) {} } catch (e) {} } }',
      { timeoutMs: 200 },
    );
    expect(codeOf(answer)).toBe('code_timeout');
    expect(elapsedMs).toBeLessThan(200 + 200);
  });

  it('an endless loop in top-level code ends too', async () => {
    const { answer } = await timed('let i = 0; while (true) { i++; }\nfunction main() { return {}; }', {
      timeoutMs: 100,
    });
    expect(codeOf(answer)).toBe('code_timeout');
  });

  it('a promise that never settles ends with code_timeout, not a hang', async () => {
    const { answer, elapsedMs } = await timed('async function main() { await new Promise(() => {}); }', {
      timeoutMs: 1_000,
    });
    expect(codeOf(answer)).toBe('code_timeout');
    expect(elapsedMs).toBeLessThan(1_000);
  });

  it('an endless chain of microtasks ends with code_timeout', async () => {
    const { answer, elapsedMs } = await timed('async function main() { for (;;) await null; }', {
      timeoutMs: 300,
    });
    expect(codeOf(answer)).toBe('code_timeout');
    expect(elapsedMs).toBeLessThan(300 + 300);
  });

  it('with a frozen clock, as on deployed Workers, the interrupt budget still stops while (true)', async () => {
    const frozen = () => 1_000_000;
    const { answer, elapsedMs } = await timed('function main() { let i = 0; while (true) { i++; } }', {
      timeoutMs: 300,
      now: frozen,
    });
    expect(codeOf(answer)).toBe('code_timeout');
    console.log(
      `frozen clock, timeoutMs 300: while (true) { i++ } stopped by the poll budget after ${elapsedMs.toFixed(0)} ms`,
    );
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it('the host keeps serving after a timeout', async () => {
    await timed('function main() { while (true) {} }', { timeoutMs: 50 });
    expect(await healthy()).toMatchObject({ ok: true, result: { alive: 3 } });
  });
});

describe('memory', () => {
  it('new Array(1e9).fill(0) fails with code_memory_limit inside the sandbox; the next run succeeds', async () => {
    const { answer, elapsedMs } = await timed('function main() { return { a: new Array(1e9).fill(0) }; }', {
      timeoutMs: 5_000,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'code_memory_limit' } });
    console.log(`new Array(1e9).fill(0) at 16 MB failed after ${elapsedMs.toFixed(0)} ms`);
    expect(await healthy()).toMatchObject({ ok: true });
  });

  it('string doubling fails with code_memory_limit', async () => {
    const flat = await timed(
      "function main() { let s = 'x'; for (;;) { s = s + s; s.charCodeAt(s.length - 1); } }",
      { timeoutMs: 5_000 },
    );
    expect(codeOf(flat.answer)).toBe('code_memory_limit');
    const rope = await timed("function main() { let s = 'x'; while (true) s += s; }", { timeoutMs: 5_000 });
    expect(codeOf(rope.answer)).toBe('code_memory_limit');
    expect(await healthy()).toMatchObject({ ok: true });
  });

  it('growing an array of objects fails with code_memory_limit', async () => {
    const { answer } = await timed('function main() { const a = []; for (;;) a.push({ n: a.length }); }', {
      timeoutMs: 10_000,
    });
    expect(codeOf(answer)).toBe('code_memory_limit');
  });

  it('a request above the ceiling is clamped to it', async () => {
    const { answer } = await timed(
      "function main() { return { s: 'x'.repeat(100 * 1024 * 1024).length }; }",
      {
        memoryLimitMb: 256,
        timeoutMs: 5_000,
      },
    );
    expect(codeOf(answer)).toBe('code_memory_limit');
    expect(await healthy()).toMatchObject({ ok: true });
  });

  it('deep recursion is a code_error, not a crash', async () => {
    const { answer } = await timed(
      'function main() { function f(n) { return f(n + 1) + 1; } return { n: f(0) }; }',
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'code_error', message: expect.stringMatching(/stack/) },
    });
    expect(await healthy()).toMatchObject({ ok: true });
  });

  it('a native recursion that overflows the host stack resets the instance and the host keeps serving', async () => {
    const loader = createQuickJsModuleLoader();
    const { answer } = await timed(
      'function main() { const o = {}; let c = o; for (let i = 0; i < 1e5; i++) { c.x = {}; c = c.x; } return o; }',
      { loader, timeoutMs: 5_000 },
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'code_error', message: expect.stringMatching(/stack/) },
    });
    expect(await healthy({ loader })).toMatchObject({ ok: true });
    expect(loader.instancesCreated).toBe(2);
  });

  it('ordinary failures leave the instance reusable: no leaked handles, no resets', async () => {
    const loader = createQuickJsModuleLoader();
    const codes = [
      'function main() { return { ok: 1 }; }',
      'async function main() { await null; return { ok: 1 }; }',
      'function main() { throw new Error("x"); }',
      'async function main() { throw new Error("x"); }',
      'function main( {',
      'const x = 1;',
      'function main() { return 1; }',
      'function main() { const a = {}; a.a = a; return a; }',
      'function main() { while (true) {} }',
      'async function main() { await new Promise(() => {}); }',
      'async function main() { for (;;) await null; }',
      'function main() { return { a: new Array(1e9).fill(0) }; }',
      'function main() { function f() { return f(); } return f(); }',
      'function main() { console.log({ toJSON() { throw new Error("no"); } }); return {}; }',
      'function main() { return { toJSON() { throw new Error("no"); } }; }',
      'function main() { const e = new Error("x"); Object.defineProperty(e, "message", { get() { throw e; } }); throw e; }',
    ];
    for (const code of codes) await timed(code, { loader, timeoutMs: 100 });
    expect(await healthy({ loader })).toMatchObject({ ok: true });
    expect(loader.instancesCreated).toBe(1);
  });
});

describe('cancellation', () => {
  it('an aborted signal stops a running async main', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user left')), 50);
    const { answer, elapsedMs } = await timed('async function main() { for (;;) await null; }', {
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    expect(codeOf(answer)).toBe('cancelled');
    expect(elapsedMs).toBeLessThan(1_000);
  });

  it('an already aborted signal runs nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const { answer } = await timed("function main() { console.log('ran'); return {}; }", {
      signal: controller.signal,
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'cancelled', message: expect.any(String) },
      logs: [],
    });
  });
});
