import { type RunEvent, run } from '@edgeflow/engine';
import { collectEvents, createTimerClock, planFrom } from '@edgeflow/engine/testing';
import { describe, expect, it } from 'vitest';
import { createQuickJsSandbox } from '../src/quickjs/index.ts';

const codePlan = (code: string, extra: Record<string, unknown> = {}) =>
  planFrom({
    mode: 'workflow',
    nodes: [
      { id: 'start', type: 'start', config: { inputs: [{ name: 'text', type: 'string', required: true }] } },
      {
        id: 'code',
        type: 'code',
        config: {
          code,
          inputs: { text: '{{start.text}}' },
          outputs: [{ name: 'result', type: 'string' }],
          ...extra,
        },
      },
      { id: 'end', type: 'end', config: { outputs: [{ name: 'result', value: '{{code.result}}' }] } },
    ],
    edges: [
      ['start', 'code'],
      ['code', 'end'],
    ],
  });

const runCode = (code: string, extra?: Record<string, unknown>): Promise<RunEvent[]> =>
  collectEvents(
    run(codePlan(code, extra), {
      inputs: { text: 'edge' },
      ports: { clock: createTimerClock(), sandbox: createQuickJsSandbox() },
    }),
  );

const last = (events: readonly RunEvent[]) => events.at(-1);
const codeEnd = (events: readonly RunEvent[]) =>
  events.find((event) => event.type === 'node-end' && event.nodeId === 'code');

describe('the engine running a code node in the QuickJS sandbox', () => {
  it('succeeds with the declared output and the logs', async () => {
    const events = await runCode(
      "function main(inputs) { console.log('len', inputs.text.length); return { result: inputs.text.toUpperCase() }; }",
    );
    expect(codeEnd(events)).toMatchObject({
      status: 'succeeded',
      outputs: { result: 'EDGE' },
      logs: ['len 4'],
    });
    expect(last(events)).toMatchObject({ type: 'run-end', status: 'succeeded', outputs: { result: 'EDGE' } });
  });

  it('fails the run on while (true) {} (SECURITY.md item 5)', async () => {
    const events = await runCode('function main() { while (true) {} }', { timeoutMs: 200 });
    expect(codeEnd(events)).toMatchObject({ status: 'failed', error: { code: 'code_timeout' } });
    expect(last(events)).toMatchObject({ type: 'run-end', status: 'failed' });
  });

  it('fails the run on a never-settling promise (SECURITY.md item 5)', async () => {
    const events = await runCode('async function main() { await new Promise(() => {}); }', {
      timeoutMs: 200,
    });
    expect(codeEnd(events)).toMatchObject({ status: 'failed', error: { code: 'code_timeout' } });
  });

  it('fails the run on runaway allocation, inside the sandbox (SECURITY.md item 6)', async () => {
    const events = await runCode('function main() { return { result: new Array(1e9).fill(0) }; }', {
      memoryLimitMb: 8,
      timeoutMs: 5_000,
    });
    expect(codeEnd(events)).toMatchObject({ status: 'failed', error: { code: 'code_memory_limit' } });
    const after = await runCode('function main(inputs) { return { result: inputs.text }; }');
    expect(last(after)).toMatchObject({ status: 'succeeded', outputs: { result: 'edge' } });
  });
});
