import { type QuickJSContext, type QuickJSRuntime, Scope } from 'quickjs-emscripten-core';
import { Guest } from './guest.ts';
import type { GuestExecution, GuestOutcome } from './guest-execution.ts';
import { cancelledFailure, timeoutFailure } from './guest-failure.ts';

/**
 * Runs one request in a fresh QuickJS runtime and context, disposed on every path the instance
 * survives. `broken` says the WebAssembly instance threw or failed to clean up and must not be
 * lent again; the guest's own failures are outcomes, not throws.
 */
export async function runGuest(
  execution: GuestExecution,
): Promise<{ readonly outcome: GuestOutcome; readonly broken: boolean }> {
  const scope = new Scope();
  let runtime: QuickJSRuntime;
  let context: QuickJSContext;
  let outcome: GuestOutcome;
  try {
    runtime = execution.module.newRuntime();
    context = runtime.newContext();
    outcome = await new Guest(runtime, context, scope, execution).run();
  } catch (error) {
    // The instance stopped mid-call (typically the host's own stack overflowing inside a deep
    // native recursion such as JSON.stringify of a very deep object): its memory is in an unknown
    // state, so it is neither disposed nor used again.
    return { outcome: hostFailure(error, execution), broken: true };
  }
  try {
    scope.dispose();
    context.dispose();
    runtime.dispose();
  } catch {
    return { outcome, broken: true };
  }
  return { outcome, broken: false };
}

function hostFailure(error: unknown, execution: GuestExecution): GuestOutcome {
  const { stopReason } = execution.control;
  if (stopReason === 'cancelled') return { ok: false, failure: cancelledFailure };
  if (stopReason === 'timeout') return { ok: false, failure: timeoutFailure(execution.timeoutMs) };
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return {
      ok: false,
      failure: {
        code: 'code_error',
        message: 'RangeError: Maximum call stack size exceeded (recursion too deep).',
      },
    };
  }
  return {
    ok: false,
    failure: { code: 'sandbox_failed', message: 'The code sandbox failed; it has been reset.' },
  };
}
