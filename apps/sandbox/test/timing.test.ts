import { expect, it } from 'vitest';
import { createQuickJsModuleLoader, createQuickJsSandbox } from '../src/quickjs/index.ts';

// Measured, not asserted: the lead's benchmark needs the numbers. "Cold" is the first execution on a
// new loader: instantiating the WebAssembly module (workerd compiles it when the script loads), the
// warm-up run and one execution. "Warm" reuses the instance and pays for a fresh runtime and context.
// workerd's performance.now() has millisecond resolution, so means are taken over blocks of runs.
it('measures cold and warm execution of a trivial main', async () => {
  const request = {
    code: "function main(inputs) { return { greeting: 'hello ' + inputs.name }; }",
    inputs: { name: 'edge' },
    timeoutMs: 1_000,
    memoryLimitMb: 16,
  };
  const signal = new AbortController().signal;
  const sandbox = createQuickJsSandbox({ loader: createQuickJsModuleLoader() });

  const coldStart = performance.now();
  const cold = await sandbox.execute(request, signal);
  const coldMs = performance.now() - coldStart;
  expect(cold).toMatchObject({ ok: true, result: { greeting: 'hello edge' } });

  const blockMeans: number[] = [];
  const each: number[] = [];
  for (let block = 0; block < 4; block += 1) {
    const blockStart = performance.now();
    for (let index = 0; index < 100; index += 1) {
      const start = performance.now();
      const answer = await sandbox.execute(request, signal);
      each.push(performance.now() - start);
      expect(answer.ok).toBe(true);
    }
    blockMeans.push((performance.now() - blockStart) / 100);
  }
  each.sort((a, b) => a - b);
  const at = (quantile: number) => (each[Math.floor(quantile * (each.length - 1))] ?? Number.NaN).toFixed(0);
  console.log(
    `QuickJS sandbox timing (workerd): cold ${coldMs.toFixed(0)} ms; warm mean per block of 100 runs: ` +
      `${blockMeans.map((mean) => mean.toFixed(2)).join(', ')} ms; median ${at(0.5)} ms, p95 ${at(0.95)} ms`,
  );
});
