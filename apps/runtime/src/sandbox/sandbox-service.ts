import type { CancelSignal, SandboxPort, SandboxRequest, SandboxResult } from '@edgeflow/engine';

/**
 * The sandbox Worker (apps/sandbox, `edgeflow-sandbox`) as the runtime sees it through its `SANDBOX`
 * service binding: one RPC method. User code runs there, not here, for two reasons: that isolate has
 * no bindings (no D1, no secrets), and code that spins (`while (true) {}`) busies that isolate, not
 * the one serving every other run; QuickJS's interrupt can stop such a guest but never pause it.
 */
export interface SandboxService {
  execute(request: SandboxRequest): Promise<SandboxResult>;
}

export interface SandboxServiceOptions {
  /**
   * How long past the request's `timeoutMs` the runtime waits for the sandbox's own answer (which
   * names the stop: deadline, memory, error) before it gives up itself: the RPC round trip, and a
   * guest stuck inside one long native call, which QuickJS cannot interrupt.
   */
  readonly graceMs?: number | undefined;
}

// Under the engine's backstop (portBackstopMs, 1 s), so a stuck guest is named `code_timeout`, not `node_timeout`.
const defaultGraceMs = 600;
const setUpHint =
  'Deploy the sandbox Worker (apps/sandbox, `npm run deploy` does it) or run `npm start`, which runs it locally.';

const failure = (code: string, message: string): SandboxResult => ({
  ok: false,
  error: { code, message },
  logs: [],
});

/**
 * The engine's sandbox port through the `SANDBOX` binding. The caller's cancel signal and an outer
 * timer end the wait here whatever the sandbox does; without a binding, or when the sandbox Worker
 * cannot be reached, code nodes fail with `sandbox_failed` and say how to set it up.
 */
export function sandboxThroughBinding(
  binding: SandboxService | undefined,
  options: SandboxServiceOptions = {},
): SandboxPort {
  const graceMs = options.graceMs ?? defaultGraceMs;
  return {
    async execute(request: SandboxRequest, signal: CancelSignal): Promise<SandboxResult> {
      if (binding === undefined) {
        return failure(
          'sandbox_failed',
          `Code nodes cannot run here: the runtime has no sandbox Worker bound (binding SANDBOX). ${setUpHint}`,
        );
      }
      if (signal.aborted) return failure('cancelled', 'The code run was cancelled.');
      // The code node's schema already bounds it (10 ms to 30 s), as the sandbox's own ceiling does.
      const { timeoutMs } = request;
      let stopWaiting = (): void => {};
      const stopped = new Promise<SandboxResult>((resolve) => {
        const onAbort = () => resolve(failure('cancelled', 'The code run was cancelled.'));
        const timer = setTimeout(
          () => resolve(failure('code_timeout', `The code exceeded its time limit of ${timeoutMs} ms.`)),
          timeoutMs + graceMs,
        );
        signal.addEventListener('abort', onAbort, { once: true });
        stopWaiting = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
        };
      });
      const answered = binding
        .execute(request)
        .catch(() =>
          failure(
            'sandbox_failed',
            `The sandbox Worker (edgeflow-sandbox) could not run this code: it is not running or it failed. ${setUpHint}`,
          ),
        );
      try {
        return await Promise.race([answered, stopped]);
      } finally {
        stopWaiting();
      }
    },
  };
}
