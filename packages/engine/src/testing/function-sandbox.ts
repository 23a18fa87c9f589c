import type { SandboxPort, SandboxResult } from '../ports/sandbox-port.ts';

type Main = (inputs: unknown, console: Record<string, (...values: unknown[]) => void>) => unknown;

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** JSON in, JSON out, as across the real sandbox's boundary. */
function jsonCopy(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/**
 * A sandbox for tests that runs the code in this process with the `Function` constructor: the same
 * contract as the QuickJS sandbox (main(inputs), JSON across, console.log collected, async main
 * allowed, `code_error` for a throw) but NO isolation and no way to stop a synchronous endless loop.
 * Never give it untrusted code; the runtime uses QuickJS.
 */
export function createFunctionSandbox(): SandboxPort {
  return {
    async execute(request): Promise<SandboxResult> {
      const logs: string[] = [];
      const log = (...values: unknown[]): void => {
        logs.push(values.map(show).join(' '));
      };
      try {
        const main = new Function(
          'inputs',
          'console',
          `"use strict";\n${request.code}\n;if (typeof main !== 'function') throw new Error('Define function main(inputs).');\nreturn main(inputs);`,
        ) as Main;
        const result = await main(jsonCopy(request.inputs), { log, info: log, warn: log, error: log });
        return { ok: true, result: jsonCopy(result), logs };
      } catch (error) {
        return {
          ok: false,
          error: { code: 'code_error', message: error instanceof Error ? error.message : show(error) },
          logs,
        };
      }
    },
  };
}
