/** What bounds a run; each has its own error code when hit. */
export interface RunLimits {
  /** Node executions (skipped nodes do not count): `step_limit_exceeded`. */
  readonly maxSteps: number;
  /** The whole run: `wall_time_exceeded`. */
  readonly wallTimeMs: number;
  /** Each try of a node that calls a port, unless its config sets `timeoutMs`: `node_timeout`. */
  readonly nodeTimeoutMs: number;
  /** Input plus output tokens of all model calls, counted as they are reported: `token_limit_exceeded`. */
  readonly maxTokens: number;
}

/**
 * A code node's sandbox and an http node's egress enforce the node's `timeoutMs` themselves and say so
 * (`code_timeout`, `request_timeout`, which an http node's retry policy may retry); the run's own
 * deadline for such a node comes this much later, as the backstop for a port that does not return.
 * With both at the same instant, whichever timer fired first named the failure.
 */
export const portBackstopMs = 1_000;

export const defaultRunLimits: RunLimits = {
  maxSteps: 500,
  wallTimeMs: 300_000,
  nodeTimeoutMs: 120_000,
  maxTokens: 200_000,
};

/** Hard ceilings: no option and no node config goes above them. */
export const runLimitCeilings: RunLimits = {
  maxSteps: 5_000,
  wallTimeMs: 900_000,
  nodeTimeoutMs: 600_000,
  maxTokens: 2_000_000,
};

function clamp(value: number | undefined, fallback: number, ceiling: number): number {
  if (value === undefined || !Number.isFinite(value) || value < 1) return fallback;
  return Math.min(Math.floor(value), ceiling);
}

/**
 * Fills missing limits with defaults and caps every one at its ceiling.
 * @example resolveRunLimits({ maxTokens: 10_000 }).wallTimeMs === defaultRunLimits.wallTimeMs
 */
export function resolveRunLimits(
  limits: Partial<Record<keyof RunLimits, number | undefined>> = {},
): RunLimits {
  return {
    maxSteps: clamp(limits.maxSteps, defaultRunLimits.maxSteps, runLimitCeilings.maxSteps),
    wallTimeMs: clamp(limits.wallTimeMs, defaultRunLimits.wallTimeMs, runLimitCeilings.wallTimeMs),
    nodeTimeoutMs: clamp(
      limits.nodeTimeoutMs,
      defaultRunLimits.nodeTimeoutMs,
      runLimitCeilings.nodeTimeoutMs,
    ),
    maxTokens: clamp(limits.maxTokens, defaultRunLimits.maxTokens, runLimitCeilings.maxTokens),
  };
}
