import type { CancelSignal, SandboxPort, SandboxRequest, SandboxResult } from '@edgeflow/engine';
import type { ExecutionControl, GuestOutcome } from './guest-execution.ts';
import { cancelledFailure, type SandboxFailure, timeoutFailure } from './guest-failure.ts';
import { LogCollector } from './log-collector.ts';
import {
  isolateQuickJsModuleLoader,
  type QuickJsLease,
  type QuickJsModuleLoader,
} from './quickjs-module-loader.ts';
import { runGuest } from './run-guest.ts';
import {
  clampRequestLimits,
  type QuickJsSandboxLimits,
  resolveQuickJsSandboxLimits,
} from './sandbox-limits.ts';

export interface QuickJsSandboxOptions {
  readonly limits?: Partial<QuickJsSandboxLimits> | undefined;
  /** The clock for deadlines; tests freeze it to behave like deployed Workers. */
  readonly now?: (() => number) | undefined;
  /** Defaults to the isolate-wide loader, so the WebAssembly instance is made once per isolate. */
  readonly loader?: QuickJsModuleLoader | undefined;
}

/**
 * The code node's sandbox: user JavaScript runs in QuickJS compiled to WebAssembly, because Workers
 * forbid `eval` and `new Function` (and running user code in our own isolate would hand it `env`,
 * `fetch` and every secret). Each execution gets a fresh QuickJS runtime and context with only the
 * standard built-ins and `console`; inputs go in and the result comes out as JSON text, so no host
 * object ever crosses. A clock deadline, an interrupt budget, an outer timer, a memory limit, a
 * stack limit and the cancel signal bound every run.
 * @example
 * const sandbox = createQuickJsSandbox();
 * await sandbox.execute({ code: 'function main(i) { return { n: i.n + 1 } }', inputs: { n: 1 }, timeoutMs: 1000, memoryLimitMb: 16 }, signal);
 * // → { ok: true, result: { n: 2 }, logs: [] }
 */
export function createQuickJsSandbox(options: QuickJsSandboxOptions = {}): SandboxPort {
  const limits = resolveQuickJsSandboxLimits(options.limits);
  const now = options.now ?? Date.now;
  const loader = options.loader ?? isolateQuickJsModuleLoader();

  return {
    async execute(request: SandboxRequest, signal: CancelSignal): Promise<SandboxResult> {
      const logs = new LogCollector(limits);
      const outcome = await executeRequest(request, signal, logs);
      if (outcome.ok) {
        const result = parseResult(outcome.json);
        if (result.ok) return { ok: true, result: result.value, logs: logs.lines() };
        return { ok: false, error: result.failure, logs: logs.lines() };
      }
      return {
        ok: false,
        error: { code: outcome.failure.code, message: outcome.failure.message },
        logs: logs.lines(),
      };
    },
  };

  async function executeRequest(
    request: SandboxRequest,
    signal: CancelSignal,
    logs: LogCollector,
  ): Promise<GuestOutcome> {
    if (signal.aborted) return failed(cancelledFailure);
    const inputsJson = encodeInputs(request.inputs, limits.maxInputChars);
    if (typeof inputsJson !== 'string') return failed(inputsJson);
    const { timeoutMs, memoryLimitBytes } = clampRequestLimits(request, limits);

    let lease: QuickJsLease;
    try {
      lease = await loader.acquire();
    } catch {
      return failed({ code: 'sandbox_failed', message: 'The code sandbox could not start.' });
    }
    if (signal.aborted) {
      lease.release({ broken: false });
      return failed(cancelledFailure);
    }

    const control: ExecutionControl = { stopReason: undefined };
    // The outer limit: QuickJS cannot be interrupted inside one native call (a huge `fill` or
    // `repeat`), so the host also stops waiting at the next await point after the deadline.
    let stopWaiting = (): void => {};
    const stopped = new Promise<GuestOutcome>((resolve) => {
      const onAbort = (): void => {
        control.stopReason ??= 'cancelled';
        resolve(failed(cancelledFailure));
      };
      const timer = setTimeout(() => {
        control.stopReason ??= 'timeout';
        resolve(failed(timeoutFailure(timeoutMs)));
      }, timeoutMs + limits.outerGraceMs);
      signal.addEventListener('abort', onAbort, { once: true });
      stopWaiting = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      };
    });

    const guest = runGuest({
      module: lease.module,
      code: request.code,
      inputsJson,
      timeoutMs,
      memoryLimitBytes,
      limits,
      now,
      signal,
      control,
      logs,
    }).then(
      ({ outcome, broken }) => {
        lease.release({ broken });
        return outcome;
      },
      (): GuestOutcome => {
        lease.release({ broken: true });
        return failed({ code: 'sandbox_failed', message: 'The code sandbox failed; it has been reset.' });
      },
    );
    try {
      return await Promise.race([guest, stopped]);
    } finally {
      stopWaiting();
    }
  }
}

/** The guest's JSON text, parsed by the host: plain data, no prototypes from inside. */
function parseResult(
  json: string,
): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly failure: SandboxFailure } {
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false, failure: { code: 'code_invalid_output', message: 'main() must return JSON.' } };
  }
}

function failed(failure: SandboxFailure): GuestOutcome {
  return { ok: false, failure };
}

function encodeInputs(inputs: SandboxRequest['inputs'], maxChars: number): string | SandboxFailure {
  let json: string | undefined;
  try {
    json = JSON.stringify(inputs ?? {});
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'not serialisable';
    return { code: 'code_invalid_input', message: `The inputs are not JSON: ${reason}` };
  }
  if (json === undefined) return { code: 'code_invalid_input', message: 'The inputs are not JSON.' };
  if (json.length > maxChars) {
    return {
      code: 'code_invalid_input',
      message: `The inputs are ${json.length} characters of JSON; the limit is ${maxChars}.`,
    };
  }
  return json;
}
