import { WorkerEntrypoint } from 'cloudflare:workers';
import type { SandboxRequest, SandboxResult } from '@edgeflow/engine';
import { createQuickJsSandbox } from './quickjs/index.ts';
import { requestProblem } from './request-problem.ts';

/** One per isolate: the QuickJS WebAssembly instance it lends is made once and reused. */
const sandbox = createQuickJsSandbox();

/**
 * The sandbox Worker: runs a code node's JavaScript for the runtime, which calls `execute` over its
 * `SANDBOX` service binding (RPC). It holds no bindings, so even code that escaped QuickJS would find
 * no database, secret or variable here; its HTTP handler answers 404 to anything, so only a Worker
 * bound to it can use it, even if a route were added by mistake.
 */
export default class SandboxWorker extends WorkerEntrypoint {
  /** `main(inputs)` of `request.code`, run in a fresh QuickJS context: its JSON result or why not. */
  async execute(request: SandboxRequest): Promise<SandboxResult> {
    const problem = requestProblem(request);
    if (problem !== undefined) {
      return { ok: false, error: { code: 'code_invalid_input', message: problem }, logs: [] };
    }
    // RPC carries no AbortSignal: a run the runtime cancels stops waiting there, and the guest here
    // ends at its own deadline (the request's `timeoutMs`, at most 30 s), which bounds it anyway. The
    // signal is made per call: Workers tie one to the request that created it.
    return sandbox.execute(request, new AbortController().signal);
  }

  override async fetch(): Promise<Response> {
    return Response.json(
      {
        error: {
          code: 'not_found',
          message: 'The sandbox Worker is internal: it answers its service binding only.',
          details: {},
        },
      },
      { status: 404 },
    );
  }
}
