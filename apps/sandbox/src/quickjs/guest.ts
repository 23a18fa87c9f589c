import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, Scope } from 'quickjs-emscripten-core';
import type { GuestExecution, GuestOutcome, StopReason } from './guest-execution.ts';
import {
  cancelledFailure,
  classifyGuestError,
  parseGuestErrorDescription,
  type SandboxFailure,
  timeoutFailure,
  userCodeFileName,
} from './guest-failure.ts';
import { sandboxPreludeSource } from './sandbox-prelude.ts';

/** Room to describe an error after the guest hit its memory limit. */
const describeHeadroomBytes = 2 * 1024 * 1024;

interface Helpers {
  readonly hasMain: QuickJSHandle;
  readonly callMain: QuickJSHandle;
  readonly serialise: QuickJSHandle;
  readonly describe: QuickJSHandle;
}

type Failed = { readonly ok: false; readonly failure: SandboxFailure };
type Step<Value> = { readonly ok: true; readonly value: Value } | Failed;

/** One execution inside an already created runtime and context; the caller disposes them. */
export class Guest {
  readonly #runtime: QuickJSRuntime;
  readonly #context: QuickJSContext;
  readonly #scope: Scope;
  readonly #execution: GuestExecution;
  readonly #deadline: number;
  #helpers: Helpers | undefined;

  constructor(runtime: QuickJSRuntime, context: QuickJSContext, scope: Scope, execution: GuestExecution) {
    this.#runtime = runtime;
    this.#context = context;
    this.#scope = scope;
    this.#execution = execution;
    this.#deadline = execution.now() + execution.timeoutMs;
    runtime.setMaxStackSize(execution.limits.maxStackSizeBytes);
    // Two stops: the clock deadline (where the clock runs) and a count of interrupt polls, which
    // also works where the clock is frozen during synchronous code, as on deployed Workers.
    const maxChecks = Math.ceil(execution.timeoutMs * execution.limits.interruptChecksPerMs);
    let checks = 0;
    runtime.setInterruptHandler(() => {
      checks += 1;
      if (checks > maxChecks && execution.control.stopReason === undefined)
        execution.control.stopReason = 'timeout';
      return this.#stopped() !== undefined;
    });
  }

  async run(): Promise<GuestOutcome> {
    const helpers = this.#installPrelude();
    if (!helpers.ok) return helpers;
    const context = this.#context;
    const inputs = this.#manage(context.newString(this.#execution.inputsJson));
    // Everything above is ours; from here on the user's code pays for what it allocates.
    this.#runtime.setMemoryLimit(this.#execution.memoryLimitBytes);

    const evaluated = context.evalCode(this.#execution.code, userCodeFileName, { type: 'global' });
    if (evaluated.error) return this.#failEvaluation(evaluated.error);
    evaluated.value.dispose();

    const hasMain = this.#call(helpers.value.hasMain);
    if (!hasMain.ok) return hasMain;
    if (!context.eq(hasMain.value, context.true)) {
      return (
        this.#stoppedOutcome() ?? {
          ok: false,
          failure: { code: 'code_no_main', message: 'The code must define a function main(inputs).' },
        }
      );
    }

    const returned = this.#call(helpers.value.callMain, inputs);
    if (!returned.ok) return returned;
    const settled = await this.#settle(returned.value);
    if (!settled.ok) return settled;

    const serialised = this.#call(helpers.value.serialise, settled.value);
    if (!serialised.ok) return serialised;
    const stop = this.#stoppedOutcome();
    if (stop) return stop;
    const text = context.typeof(serialised.value) === 'string' ? context.getString(serialised.value) : '';
    if (text.startsWith('J') && text.length <= this.#execution.limits.maxOutputChars + 1) {
      return { ok: true, json: text.slice(1) };
    }
    const message = text.startsWith('E') ? text.slice(1) : 'main() must return a JSON object.';
    return { ok: false, failure: { code: 'code_invalid_output', message } };
  }

  /**
   * A SyntaxError from evaluating the script is a syntax error only if the code does not compile;
   * otherwise top-level code threw it (`JSON.parse('{')`). Compiling again only on this path keeps
   * the common path at one parse.
   */
  #failEvaluation(error: QuickJSHandle): Failed {
    const failure = this.#fail(error, 'run');
    if (failure.failure.code !== 'code_error' || !failure.failure.message.startsWith('SyntaxError'))
      return failure;
    const compiled = this.#context.evalCode(this.#execution.code, userCodeFileName, {
      type: 'global',
      compileOnly: true,
    });
    if (compiled.error) return this.#fail(compiled.error, 'compile');
    compiled.value.dispose();
    return failure;
  }

  #installPrelude(): Step<Helpers> {
    const context = this.#context;
    const { limits, logs } = this.#execution;
    const hostLog = this.#manage(
      context.newFunction('log', (level, text) => {
        if (context.typeof(level) === 'string' && context.typeof(text) === 'string') {
          logs.add(context.getString(level), context.getString(text));
        }
      }),
    );
    const prelude = context.evalCode(sandboxPreludeSource, 'prelude.js', { type: 'global', strict: true });
    if (prelude.error) return this.#preludeFailed(prelude.error);
    const factory = this.#manage(prelude.value);
    const made = context.callFunction(
      factory,
      context.undefined,
      hostLog,
      this.#manage(context.newNumber(limits.maxLogLineChars)),
      this.#manage(context.newNumber(limits.maxOutputChars)),
    );
    if (made.error) return this.#preludeFailed(made.error);
    const helpers = this.#manage(made.value);
    const helper = (name: keyof Helpers): QuickJSHandle => this.#manage(context.getProp(helpers, name));
    this.#helpers = {
      hasMain: helper('hasMain'),
      callMain: helper('callMain'),
      serialise: helper('serialise'),
      describe: helper('describe'),
    };
    return { ok: true, value: this.#helpers };
  }

  #preludeFailed(error: QuickJSHandle): Failed {
    this.#manage(error);
    const stop = this.#stoppedOutcome();
    if (stop) return stop;
    throw new Error('The sandbox prelude failed to evaluate.');
  }

  #call(helper: QuickJSHandle, ...args: QuickJSHandle[]): Step<QuickJSHandle> {
    const result = this.#context.callFunction(helper, this.#context.undefined, ...args);
    if (result.error) return this.#fail(result.error, 'run');
    return { ok: true, value: this.#manage(result.value) };
  }

  /**
   * Runs pending jobs until the value returned by main settles. Slices of jobs alternate with
   * yields to the host's event loop, where the abort signal and the outer timer can act.
   */
  async #settle(returned: QuickJSHandle): Promise<Step<QuickJSHandle>> {
    const context = this.#context;
    for (let slice = 0; ; slice += 1) {
      const state = context.getPromiseState(returned);
      if (state.type === 'fulfilled') return { ok: true, value: this.#manage(state.value) };
      if (state.type === 'rejected') return this.#fail(state.error, 'run');
      if (slice > 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
      const stop = this.#stoppedOutcome();
      if (stop) return stop;
      if (!this.#runtime.hasPendingJob()) {
        return {
          ok: false,
          failure: {
            code: 'code_timeout',
            message: `main() returned a promise that never settles (nothing is left to run); it would exceed ${this.#execution.timeoutMs} ms.`,
          },
        };
      }
      const ran = this.#runtime.executePendingJobs(this.#execution.limits.jobsPerSlice);
      if (ran.error) return this.#fail(ran.error, 'run');
    }
  }

  /** A thrown value as a failure: the stop reason if we stopped the guest, else what it threw. */
  #fail(error: QuickJSHandle, phase: 'compile' | 'run'): Failed {
    this.#manage(error);
    const stop = this.#stoppedOutcome();
    if (stop) return stop;
    const context = this.#context;
    this.#runtime.setMemoryLimit(this.#execution.memoryLimitBytes + describeHeadroomBytes);
    try {
      const describe = this.#helpers?.describe;
      const described =
        describe === undefined ? undefined : context.callFunction(describe, context.undefined, error);
      let json: string | undefined;
      if (described?.error) this.#manage(described.error);
      else if (described !== undefined) {
        const handle = this.#manage(described.value);
        if (context.typeof(handle) === 'string') json = context.getString(handle);
      }
      return (
        this.#stoppedOutcome() ?? {
          ok: false,
          failure: classifyGuestError(
            json === undefined ? undefined : parseGuestErrorDescription(json),
            phase,
          ),
        }
      );
    } finally {
      this.#runtime.setMemoryLimit(this.#execution.memoryLimitBytes);
    }
  }

  #stopped(): StopReason | undefined {
    const { control, signal, now } = this.#execution;
    if (control.stopReason === undefined) {
      if (signal.aborted) control.stopReason = 'cancelled';
      else if (now() > this.#deadline) control.stopReason = 'timeout';
    }
    return control.stopReason;
  }

  #stoppedOutcome(): Failed | undefined {
    const reason = this.#stopped();
    if (reason === undefined) return undefined;
    return {
      ok: false,
      failure: reason === 'cancelled' ? cancelledFailure : timeoutFailure(this.#execution.timeoutMs),
    };
  }

  #manage(handle: QuickJSHandle): QuickJSHandle {
    return this.#scope.manage(handle);
  }
}
