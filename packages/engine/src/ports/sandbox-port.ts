import type { CancelSignal } from './cancel-signal.ts';

export interface SandboxRequest {
  /** JavaScript defining `function main(inputs) { return {…} }` (it may be async). */
  readonly code: string;
  /** JSON values only. */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly timeoutMs: number;
  readonly memoryLimitMb: number;
}

export type SandboxResult =
  | { readonly ok: true; readonly result: unknown; readonly logs: readonly string[] }
  | {
      readonly ok: false;
      readonly error: { readonly code: string; readonly message: string };
      readonly logs: readonly string[];
    };

/** Runs user code in isolation (QuickJS in production) with a deadline and a memory limit. */
export interface SandboxPort {
  execute(request: SandboxRequest, signal: CancelSignal): Promise<SandboxResult>;
}
