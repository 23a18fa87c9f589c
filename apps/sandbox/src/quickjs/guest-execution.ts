import type { CancelSignal } from '@edgeflow/engine';
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import type { SandboxFailure } from './guest-failure.ts';
import type { LogCollector } from './log-collector.ts';
import type { QuickJsSandboxLimits } from './sandbox-limits.ts';

export type StopReason = 'timeout' | 'cancelled';

/** Written by the host's timer and abort listener, read by the guest's interrupt handler. */
export interface ExecutionControl {
  stopReason: StopReason | undefined;
}

export type GuestOutcome =
  | { readonly ok: true; readonly json: string }
  | { readonly ok: false; readonly failure: SandboxFailure };

export interface GuestExecution {
  readonly module: QuickJSWASMModule;
  readonly code: string;
  readonly inputsJson: string;
  readonly timeoutMs: number;
  readonly memoryLimitBytes: number;
  readonly limits: QuickJsSandboxLimits;
  readonly now: () => number;
  readonly signal: CancelSignal;
  readonly control: ExecutionControl;
  readonly logs: LogCollector;
}
