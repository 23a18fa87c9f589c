import { describe, expect, it } from 'vitest';
import { describeSandboxPort } from '../../../test/support/sandbox-port.case.ts';
import { createQuickJsSandbox } from '../src/quickjs/index.ts';

describeSandboxPort('QuickJS sandbox', () => createQuickJsSandbox());

const sandbox = createQuickJsSandbox();
const execute = (code: string, inputs: Record<string, unknown> = {}, timeoutMs = 2_000) =>
  sandbox.execute({ code, inputs, timeoutMs, memoryLimitMb: 16 }, new AbortController().signal);
const errorOf = async (code: string, inputs?: Record<string, unknown>) => {
  const answer = await execute(code, inputs);
  if (answer.ok) throw new Error(`expected a failure, got ${JSON.stringify(answer.result)}`);
  return answer.error;
};

describe('main', () => {
  it('may be declared with const, let or var', async () => {
    for (const declaration of ['const', 'let', 'var']) {
      const answer = await execute(
        `${declaration} main = (inputs) => ({ kind: '${declaration}', x: inputs.x });`,
        {
          x: 1,
        },
      );
      expect(answer).toMatchObject({ ok: true, result: { kind: declaration, x: 1 } });
    }
  });

  it('may return a promise without being async', async () => {
    const answer = await execute('function main() { return Promise.resolve({ later: true }); }');
    expect(answer).toMatchObject({ ok: true, result: { later: true } });
  });

  it('runs top-level code once before main', async () => {
    const answer = await execute(
      'const table = [1, 2, 3].map((x) => x * x);\nfunction main() { return { table }; }',
    );
    expect(answer).toMatchObject({ ok: true, result: { table: [1, 4, 9] } });
  });

  it('sees no state from an earlier execution', async () => {
    await execute('globalThis.leftover = 1; Array.prototype.polluted = 1; function main() { return {}; }');
    const answer = await execute(
      'function main() { return { leftover: typeof leftover, polluted: typeof [].polluted }; }',
    );
    expect(answer).toMatchObject({ ok: true, result: { leftover: 'undefined', polluted: 'undefined' } });
  });
});

describe('inputs', () => {
  it('are copies: changing them inside changes nothing outside', async () => {
    const inputs = { list: [1, 2], nested: { value: 'original' } };
    const answer = await execute(
      `function main(inputs) {
        inputs.list.push(3); inputs.nested.value = 'changed'; inputs.added = true;
        return { seen: inputs };
      }`,
      inputs,
    );
    expect(answer).toMatchObject({
      ok: true,
      result: { seen: { list: [1, 2, 3], nested: { value: 'changed' } } },
    });
    expect(inputs).toEqual({ list: [1, 2], nested: { value: 'original' } });
  });

  it('arrive as plain JSON, not host objects', async () => {
    const answer = await execute(
      `function main(inputs) {
        return { proto: Object.getPrototypeOf(inputs) === Object.prototype, keys: Object.keys(inputs),
                 date: typeof inputs.when };
      }`,
      { when: new Date(0), skipped: undefined },
    );
    expect(answer).toMatchObject({ ok: true, result: { proto: true, keys: ['when'], date: 'string' } });
  });

  it('over the size limit are refused before anything runs', async () => {
    const error = await errorOf('function main() { return {}; }', { big: 'x'.repeat(1_100_000) });
    expect(error.code).toBe('code_invalid_input');
  });
});

describe('output', () => {
  it('is checked to be a JSON object', async () => {
    for (const value of ['42', "'text'", '[1, 2]', 'null', 'undefined', 'true']) {
      const error = await errorOf(`function main() { return ${value}; }`);
      expect(error.code, value).toBe('code_invalid_output');
    }
  });

  it('refuses what JSON cannot carry', async () => {
    expect((await errorOf('function main() { return { big: 10n }; }')).code).toBe('code_invalid_output');
    expect((await errorOf('function main() { const a = {}; a.self = a; return a; }')).code).toBe(
      'code_invalid_output',
    );
  });

  it('drops what JSON drops (functions, undefined, symbols)', async () => {
    const answer = await execute(
      'function main() { return { f() {}, u: undefined, s: Symbol(), kept: 1 }; }',
    );
    expect(answer).toMatchObject({ ok: true, result: { kept: 1 } });
    expect(answer.ok && Object.keys(answer.result as object)).toEqual(['kept']);
  });

  it('of 10 MB is refused', async () => {
    const error = await errorOf("function main() { return { text: 'x'.repeat(10 * 1024 * 1024) }; }");
    expect(error.code).toBe('code_invalid_output');
    expect(error.message).toMatch(/limit is 1000000/);
  });

  it('cannot pollute host prototypes through __proto__ keys', async () => {
    const answer = await execute(
      `function main() { return JSON.parse('{"__proto__": {"polluted": true}}'); }`,
    );
    expect(answer.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(answer.ok && Object.getPrototypeOf(answer.result)).toBe(Object.prototype);
  });
});

describe('console', () => {
  it('captures log, info, warn, error and debug in order, levels marked', async () => {
    const answer = await execute(
      `function main() {
        console.log('a', 1, true, null, undefined, [1], { b: 2 });
        console.info('info');
        console.warn('careful');
        console.error(new TypeError('bad'));
        console.debug('details');
        return {};
      }`,
    );
    expect(answer.logs).toEqual([
      'a 1 true null undefined [1] {"b":2}',
      'info',
      '[warn] careful',
      '[error] TypeError: bad',
      '[debug] details',
    ]);
  });

  it('keeps the logs of a failed run', async () => {
    const answer = await execute("function main() { console.log('before'); throw new Error('after'); }");
    expect(answer).toMatchObject({ ok: false, logs: ['before'] });
  });

  it('caps the number and size of lines', async () => {
    const many = await execute(
      'function main() { for (let i = 0; i < 1000; i++) console.log(i); return {}; }',
    );
    expect(many.logs).toHaveLength(201);
    expect(many.logs.at(-1)).toMatch(/800 more console line/);
    const long = await execute("function main() { console.log('y'.repeat(1e6)); return {}; }");
    expect(long.logs[0]?.length).toBeLessThanOrEqual(4_001);
  });

  it('survives user code replacing the built-ins it uses', async () => {
    const answer = await execute(
      `String.prototype.slice = () => 'hijacked'; JSON.stringify = () => 'hijacked';
       function main() { console.log('y'.repeat(100000)); return { ok: 1 }; }`,
    );
    expect(answer.logs[0]).toMatch(/^y{4000}/);
    // The result goes through the prelude's own JSON.stringify, captured before the user's code ran.
    expect(answer).toMatchObject({ ok: true, result: { ok: 1 } });
  });
});

describe('errors', () => {
  it('a syntax error is code_syntax_error with its line', async () => {
    const error = await errorOf('function main() {\n  return {\n}');
    expect(error.code).toBe('code_syntax_error');
    expect(error.message).toMatch(/SyntaxError.*\(line \d\)/);
  });

  it('a SyntaxError thrown by running code is code_error, not code_syntax_error', async () => {
    const error = await errorOf("JSON.parse('{');\nfunction main() { return {}; }");
    expect(error).toMatchObject({ code: 'code_error', message: expect.stringContaining('SyntaxError') });
  });

  it('a missing main is code_no_main', async () => {
    expect((await errorOf('const x = 1;')).code).toBe('code_no_main');
    expect((await errorOf('const main = 5;')).code).toBe('code_no_main');
    expect((await errorOf('')).code).toBe('code_no_main');
  });

  it('a thrown error is code_error with its name, message and line', async () => {
    const error = await errorOf('function main(inputs) {\n  const x = inputs.missing;\n  return x.y;\n}');
    expect(error).toEqual({
      code: 'code_error',
      message: expect.stringMatching(/^TypeError: .*\(line 3\)$/),
    });
  });

  it('a thrown non-error value and an async rejection are code_error', async () => {
    expect(await errorOf("function main() { throw 'plain string'; }")).toEqual({
      code: 'code_error',
      message: 'Thrown value: plain string',
    });
    const rejected = await errorOf("async function main() { await null; throw new RangeError('late'); }");
    expect(rejected).toMatchObject({
      code: 'code_error',
      message: expect.stringContaining('RangeError: late'),
    });
  });

  it('an error in top-level code is code_error', async () => {
    const error = await errorOf('undefinedFunction();\nfunction main() { return {}; }');
    expect(error).toMatchObject({ code: 'code_error', message: expect.stringContaining('line 1') });
  });

  it('never passes on the guest stack trace', async () => {
    const error = await errorOf('function a() { throw new Error("deep"); }\nfunction main() { a(); }');
    expect(error.message).not.toMatch(/\bat\b/);
  });
});
