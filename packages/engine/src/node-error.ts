import { PortError } from './ports/port-error.ts';
import type { RunError } from './run-event.ts';

/** A node's failure as the engine reports it: a stable code, a sentence, and whether a retry may help. */
export class NodeError extends Error {
  readonly code: string;
  readonly retryable: boolean;

  constructor(code: string, message: string, retryable = true) {
    super(message);
    this.name = 'NodeError';
    this.code = code;
    this.retryable = retryable;
  }

  toJSON(): RunError {
    return { code: this.code, message: this.message };
  }
}

const runEnded = new NodeError('cancelled', 'The run ended before this node finished.', false);

/** The failure every running node gets when the run ends under it (shared: making an Error costs a stack). */
export function cancelledError(): NodeError {
  return runEnded;
}

const errorCodePattern = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Turns whatever a port or executor threw into a NodeError; unknown errors keep only their message
 * (never a stack) under `fallbackCode`.
 */
export function toNodeError(error: unknown, fallbackCode: string): NodeError {
  if (error instanceof NodeError) return error;
  if (error instanceof PortError) return new NodeError(error.code, error.message, error.retryable);
  if (error instanceof Error) {
    // Errors of the same shape from another copy of this package, or an adapter's own error class.
    const { code, retryable } = error as { code?: unknown; retryable?: unknown };
    const message = error.message || fallbackCode;
    if (typeof code === 'string' && errorCodePattern.test(code))
      return new NodeError(code, message, retryable !== false);
    return new NodeError(fallbackCode, message);
  }
  if (typeof error === 'string' && error) return new NodeError(fallbackCode, error);
  return new NodeError(fallbackCode, `The node failed (${fallbackCode}).`);
}
