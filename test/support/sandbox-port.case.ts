import type { SandboxPort, SandboxRequest } from '@edgeflow/engine';
import { describe, expect, it } from 'vitest';

/**
 * What every `SandboxPort` must do, whatever isolates it: JSON in, JSON out, async main, console
 * captured, a throw reported as `code_error`. Implementations run it from their own tests.
 */
export function describeSandboxPort(name: string, makeSandbox: () => SandboxPort): void {
  const request = (code: string, inputs: SandboxRequest['inputs'] = {}): SandboxRequest => ({
    code,
    inputs,
    timeoutMs: 2_000,
    memoryLimitMb: 16,
  });
  const execute = (code: string, inputs?: SandboxRequest['inputs']) =>
    makeSandbox().execute(request(code, inputs), new AbortController().signal);

  describe(`${name} (SandboxPort contract)`, () => {
    it('returns every JSON type inside the result object', async () => {
      const answer = await execute(
        `function main() {
          return { text: 'héllo ✓', number: 1.5, integer: -3, yes: true, no: false, nothing: null,
                   list: [1, 'two', [3], { four: 4 }], object: { nested: { deep: [] } }, empty: {} };
        }`,
      );
      expect(answer).toEqual({
        ok: true,
        result: {
          text: 'héllo ✓',
          number: 1.5,
          integer: -3,
          yes: true,
          no: false,
          nothing: null,
          list: [1, 'two', [3], { four: 4 }],
          object: { nested: { deep: [] } },
          empty: {},
        },
        logs: [],
      });
    });

    it('passes inputs as JSON values', async () => {
      const inputs = { text: 'abc', count: 2, flags: [true, false], meta: { a: null } };
      const answer = await execute(
        'function main(inputs) { return { echo: inputs, n: inputs.count * 21 }; }',
        inputs,
      );
      expect(answer).toMatchObject({ ok: true, result: { echo: inputs, n: 42 } });
    });

    it('awaits an async main', async () => {
      const answer = await execute(
        `async function main(inputs) {
          const doubled = await Promise.resolve(inputs.n * 2);
          const parts = await Promise.all([1, 2, 3].map(async (x) => x + doubled));
          return { parts };
        }`,
        { n: 5 },
      );
      expect(answer).toMatchObject({ ok: true, result: { parts: [11, 12, 13] } });
    });

    it('captures console output', async () => {
      const answer = await execute(`function main() { console.log('hello', 42, { a: 1 }); return {}; }`);
      expect(answer.ok).toBe(true);
      expect(answer.logs).toEqual(['hello 42 {"a":1}']);
    });

    it('reports a thrown error as code_error with its message', async () => {
      const answer = await execute(`function main() { throw new Error('no way'); }`);
      expect(answer).toMatchObject({ ok: false, error: { code: 'code_error' } });
      expect(answer.ok ? '' : answer.error.message).toContain('no way');
    });
  });
}
