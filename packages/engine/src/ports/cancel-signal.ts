/**
 * The part of `AbortSignal` the engine and its ports use. A real `AbortSignal` satisfies it, so an
 * adapter can pass one in; the engine's own scopes implement it without DOM or Node types.
 */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { readonly once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
