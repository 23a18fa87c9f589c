import { describe, expect, it } from 'vitest';
import { createQuickJsSandbox } from '../src/quickjs/index.ts';

const sandbox = createQuickJsSandbox();
const execute = (code: string) =>
  sandbox.execute(
    { code, inputs: { probe: 1 }, timeoutMs: 2_000, memoryLimitMb: 16 },
    new AbortController().signal,
  );

/** Names a Workers or Node host would have and the sandbox must not. */
const hostOnlyNames = [
  'fetch',
  'process',
  'require',
  'module',
  'exports',
  'env',
  'Deno',
  'Bun',
  'caches',
  'crypto',
  'navigator',
  'WebAssembly',
  'setTimeout',
  'setInterval',
  'queueMicrotask',
  'scheduler',
  'Request',
  'Response',
  'Headers',
  'URL',
  'TextEncoder',
  'structuredClone',
  'addEventListener',
  'importScripts',
  '__hostMarker',
];

/** QuickJS's standard built-ins, plus the console the prelude installs. */
const expectedGlobals = [
  'AggregateError',
  'Array',
  'ArrayBuffer',
  'BigInt',
  'BigInt64Array',
  'BigUint64Array',
  'Boolean',
  'DataView',
  'Date',
  'Error',
  'EvalError',
  'FinalizationRegistry',
  'Float16Array',
  'Float32Array',
  'Float64Array',
  'Function',
  'Infinity',
  'Int16Array',
  'Int32Array',
  'Int8Array',
  'InternalError',
  'Iterator',
  'JSON',
  'Map',
  'Math',
  'NaN',
  'Number',
  'Object',
  'Promise',
  'Proxy',
  'RangeError',
  'ReferenceError',
  'Reflect',
  'RegExp',
  'Set',
  'SharedArrayBuffer',
  'String',
  'Symbol',
  'SyntaxError',
  'TypeError',
  'URIError',
  'Uint16Array',
  'Uint32Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'WeakMap',
  'WeakRef',
  'WeakSet',
  'console',
  'decodeURI',
  'decodeURIComponent',
  'encodeURI',
  'encodeURIComponent',
  'escape',
  'eval',
  'globalThis',
  'isFinite',
  'isNaN',
  'parseFloat',
  'parseInt',
  'undefined',
  'unescape',
];

/** Guest code: how a reached global looks, as JSON. */
const inspect = (expression: string) => `
  function main() {
    const reached = ${expression};
    const names = ${JSON.stringify(hostOnlyNames)};
    return {
      same: reached === globalThis,
      present: names.filter((name) => typeof reached[name] !== 'undefined'),
      globals: Object.getOwnPropertyNames(reached).sort(),
    };
  }`;

describe('escapes', () => {
  (globalThis as Record<string, unknown>).__hostMarker = 'host secret';

  it.each([
    'globalThis',
    "this.constructor.constructor('return globalThis')()",
    "(function(){}).constructor('return this')()",
    "console.log.constructor('return this')()",
    "[].constructor.constructor('return this')()",
    "(0, eval)('this')",
    "Function('return this')()",
  ])('%s reaches only the sandbox global', async (expression) => {
    const answer = await execute(inspect(expression));
    expect(answer).toMatchObject({ ok: true, result: { same: true, present: [] } });
    // Only the standard built-ins, console, and the user's own main.
    expect(answer.ok && (answer.result as { globals: string[] }).globals).toEqual(
      [...expectedGlobals, 'main'].sort(),
    );
  });

  it('an async constructor reaches the same sandbox global', async () => {
    const answer = await execute(`
      async function main() {
        const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
        const reached = await AsyncFunction('return this')();
        return { same: reached === globalThis, fetch: typeof reached.fetch };
      }`);
    expect(answer).toMatchObject({ ok: true, result: { same: true, fetch: 'undefined' } });
  });

  it('the function handed to main is a sandbox function with sandbox constructors', async () => {
    const answer = await execute(`
      function main(inputs) {
        const viaInputs = inputs.constructor.constructor('return this')();
        const viaMain = main.constructor('return typeof fetch + typeof process')();
        return { same: viaInputs === globalThis, viaMain };
      }`);
    expect(answer).toMatchObject({ ok: true, result: { same: true, viaMain: 'undefinedundefined' } });
  });

  it('dynamic import and module syntax load nothing', async () => {
    const dynamic = await execute("async function main() { await import('cloudflare:workers'); return {}; }");
    expect(dynamic).toMatchObject({ ok: false, error: { code: 'code_error' } });
    const staticImport = await execute(
      "import { env } from 'cloudflare:workers';\nfunction main() { return {}; }",
    );
    expect(staticImport.ok).toBe(false);
  });

  it('changes to built-ins inside stay inside', async () => {
    const answer = await execute(`
      Object.prototype.polluted = 'yes';
      Array.prototype.map = () => 'hijacked';
      JSON.parse = () => 'hijacked';
      function main() { return { done: true }; }`);
    expect(answer).toMatchObject({ ok: true, result: { done: true } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect([1].map((x) => x + 1)).toEqual([2]);
    expect(JSON.parse('{"a":1}')).toEqual({ a: 1 });
  });

  it('no timers or host clocks beyond Date', async () => {
    const answer = await execute(
      'function main() { return { timers: [typeof setTimeout, typeof setImmediate, typeof performance] }; }',
    );
    expect(answer).toMatchObject({ ok: true, result: { timers: ['undefined', 'undefined', 'undefined'] } });
  });
});
