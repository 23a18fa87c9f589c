/** The sandbox's own ceilings; a request's `timeoutMs` and `memoryLimitMb` are clamped to them. */
export interface QuickJsSandboxLimits {
  /**
   * Highest memory limit a request may ask for. A Worker isolate has 128 MB for everything, and the
   * QuickJS heap lives in the isolate's WebAssembly memory, so the node config's 256 MB cannot be honoured.
   */
  readonly maxMemoryLimitMb: number;
  /**
   * QuickJS's own stack limit (~1,500 frames of simple recursion at 256 KiB). Larger values let deep
   * recursion overflow the host's native stack first (seen at 512 KiB in workerd), which throws in
   * the host and costs a fresh WebAssembly instance.
   */
  readonly maxStackSizeBytes: number;
  /** Longest `JSON.stringify(inputs)` accepted, in UTF-16 code units. */
  readonly maxInputChars: number;
  /** Longest `JSON.stringify(result)` accepted, in UTF-16 code units. */
  readonly maxOutputChars: number;
  readonly maxLogLines: number;
  readonly maxLogLineChars: number;
  readonly maxLogChars: number;
  /**
   * Interrupt polls allowed per millisecond of `timeoutMs`: a work budget for where the clock does
   * not run. Deployed Workers freeze `Date.now()` during synchronous code (a Spectre mitigation), so
   * the clock deadline alone never fires inside `while (true) {}` there. QuickJS polls its interrupt
   * handler every 10,000 backward jumps, which is a coarse and uneven measure of work: in local
   * workerd `while (true) {}` polled ~8/ms, arithmetic loops ~1.5-5/ms, string, regexp and object
   * loops ~0.2-0.6/ms, and a loop around one heavy native call (sort, JSON) almost never. At 2/ms a
   * runaway tight loop stops at ~0.25 × timeoutMs and typical data-shaping loops at ~3-10 ×;
   * native-bound loops are stopped only by the Worker's CPU limit. Where the clock runs (wrangler
   * dev, tests) the deadline usually decides first.
   */
  readonly interruptChecksPerMs: number;
  /** How long past `timeoutMs` the host waits before it gives up on the guest at an await point. */
  readonly outerGraceMs: number;
  /** Microtasks run between two yields to the host's event loop (where abort and timers can fire). */
  readonly jobsPerSlice: number;
}

export const defaultQuickJsSandboxLimits: QuickJsSandboxLimits = {
  maxMemoryLimitMb: 64,
  maxStackSizeBytes: 256 * 1024,
  maxInputChars: 1_000_000,
  maxOutputChars: 1_000_000,
  maxLogLines: 200,
  maxLogLineChars: 4_000,
  maxLogChars: 64_000,
  interruptChecksPerMs: 2,
  outerGraceMs: 250,
  jobsPerSlice: 1_000,
};

const maxTimeoutMs = 30_000;

export function resolveQuickJsSandboxLimits(
  overrides: Partial<QuickJsSandboxLimits> = {},
): QuickJsSandboxLimits {
  return { ...defaultQuickJsSandboxLimits, ...overrides };
}

/** The request's time and memory, made finite, positive and within the sandbox's ceilings. */
export function clampRequestLimits(
  request: { readonly timeoutMs: number; readonly memoryLimitMb: number },
  limits: QuickJsSandboxLimits,
): { readonly timeoutMs: number; readonly memoryLimitBytes: number } {
  const timeoutMs = clamp(request.timeoutMs, 1, maxTimeoutMs);
  const memoryLimitMb = clamp(request.memoryLimitMb, 1, limits.maxMemoryLimitMb);
  return { timeoutMs, memoryLimitBytes: Math.floor(memoryLimitMb * 1024 * 1024) };
}

function clamp(value: number, low: number, high: number): number {
  return Number.isNaN(value) ? low : Math.min(Math.max(value, low), high);
}
