import { describe, expect, it } from 'vitest';
import { nodeEnd, runEnd, runPlan, testPorts } from '../../test/support.ts';
import type { SandboxPort } from '../index.ts';
import { createFunctionSandbox, planFrom } from '../testing/index.ts';

const codePlan = (config: Record<string, unknown>) =>
  planFrom({
    mode: 'workflow',
    nodes: [
      {
        id: 'start',
        type: 'start',
        config: {
          inputs: [
            { name: 'text', type: 'string', required: true },
            { name: 'items', type: 'array', default: [1, 2, 3] },
          ],
        },
      },
      { id: 'code', type: 'code', config },
      { id: 'end', type: 'end', config: { outputs: [{ name: 'result', value: '{{code.result}}' }] } },
    ],
    edges: [
      ['start', 'code'],
      ['code', 'end'],
    ],
  });

describe('code node', () => {
  it('maps inputs (raw values for single references), runs main in the sandbox and checks outputs', async () => {
    const plan = codePlan({
      code: 'function main(inputs) { console.log("got", inputs.items.length); return { result: inputs.label + inputs.items.reduce((a, b) => a + b, 0) }; }',
      inputs: { label: 'sum of {{start.text}}: ', items: '{{start.items}}' },
      outputs: [{ name: 'result', type: 'string' }],
    });
    const events = await runPlan(plan, {
      inputs: { text: 'xs' },
      ports: testPorts({ sandbox: createFunctionSandbox() }),
    });
    expect(nodeEnd(events, 'code')).toMatchObject({
      status: 'succeeded',
      inputs: { label: 'sum of xs: ', items: [1, 2, 3] },
      outputs: { result: 'sum of xs: 6' },
      logs: ['got 3'],
    });
    expect(runEnd(events).outputs).toEqual({ result: 'sum of xs: 6' });
  });

  it('passes the request’s limits to the sandbox', async () => {
    const seen: unknown[] = [];
    const sandbox: SandboxPort = {
      async execute(request) {
        seen.push(request);
        return { ok: true, result: { result: 'x' }, logs: [] };
      },
    };
    await runPlan(codePlan({ code: 'function main(){}', timeoutMs: 500, memoryLimitMb: 16, inputs: {} }), {
      inputs: { text: 't' },
      ports: testPorts({ sandbox }),
    });
    expect(seen).toEqual([{ code: 'function main(){}', inputs: {}, timeoutMs: 500, memoryLimitMb: 16 }]);
  });

  it('names the sandbox’s code_timeout, even when it answers right at timeoutMs; the run’s deadline is a backstop', async () => {
    const onTime: SandboxPort = {
      execute: (request) =>
        new Promise((resolve) =>
          setTimeout(
            () => resolve({ ok: false, error: { code: 'code_timeout', message: 'too slow' }, logs: [] }),
            request.timeoutMs,
          ),
        ),
    };
    const timed = await runPlan(codePlan({ code: 'x', timeoutMs: 50 }), {
      inputs: { text: 't' },
      ports: testPorts({ sandbox: onTime }),
    });
    expect(runEnd(timed).error).toMatchObject({ code: 'code_timeout', nodeId: 'code' });
    const never: SandboxPort = { execute: () => new Promise(() => {}) };
    const hung = await runPlan(codePlan({ code: 'x', timeoutMs: 50 }), {
      inputs: { text: 't' },
      ports: testPorts({ sandbox: never }),
    });
    expect(runEnd(hung).error).toMatchObject({ code: 'node_timeout', nodeId: 'code' });
  });

  it('fails with code_invalid_output when a declared output is missing or of another type', async () => {
    const sandbox = createFunctionSandbox();
    const wrongType = await runPlan(codePlan({ code: 'function main() { return { result: 42 }; }' }), {
      inputs: { text: 't' },
      ports: testPorts({ sandbox }),
    });
    expect(runEnd(wrongType).error).toMatchObject({ code: 'code_invalid_output', nodeId: 'code' });
    expect(runEnd(wrongType).error?.message).toContain('result');
    const missing = await runPlan(codePlan({ code: 'function main() { return {}; }' }), {
      inputs: { text: 't' },
      ports: testPorts({ sandbox }),
    });
    expect(runEnd(missing).error?.code).toBe('code_invalid_output');
  });

  it('reports the sandbox’s error, retries it when asked, and fails without a sandbox', async () => {
    let calls = 0;
    const sandbox: SandboxPort = {
      async execute() {
        calls += 1;
        return calls < 2
          ? { ok: false, error: { code: 'code_error', message: 'x is not defined' }, logs: ['before'] }
          : { ok: true, result: { result: 'ok' }, logs: [] };
      },
    };
    const retried = await runPlan(codePlan({ code: 'x', retry: { attempts: 2, backoffMs: 0 } }), {
      inputs: { text: 't' },
      ports: testPorts({ sandbox }),
    });
    expect(runEnd(retried).outputs).toEqual({ result: 'ok' });
    const thrown = await runPlan(codePlan({ code: 'function main() { throw new Error("bad input"); }' }), {
      inputs: { text: 't' },
      ports: testPorts({ sandbox: createFunctionSandbox() }),
    });
    expect(runEnd(thrown).error).toMatchObject({ code: 'code_error', message: 'bad input' });
    const none = await runPlan(codePlan({ code: 'function main() {}' }), { inputs: { text: 't' } });
    expect(runEnd(none).error).toMatchObject({ code: 'port_unavailable' });
  });
});
