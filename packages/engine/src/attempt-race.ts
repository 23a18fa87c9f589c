import type { CancelScope } from './cancel-scope.ts';
import type { Deadlines } from './deadlines.ts';
import { cancelledError, NodeError, toNodeError } from './node-error.ts';
import type { CancelSignal } from './ports/cancel-signal.ts';

/**
 * Runs one try of a node under its own scope and settles as soon as the work settles, the timeout
 * passes or the node is cancelled, whichever comes first. A port that ignores its signal cannot
 * hold the run: the race is lost for it, and its late result is dropped.
 */
export function raceAttempt<Value>(
  deadlines: Deadlines,
  parent: CancelScope,
  timeoutMs: number,
  work: (signal: CancelSignal) => Promise<Value>,
): Promise<Value> {
  const scope = parent.child();
  if (scope.aborted) return Promise.reject(toNodeError(scope.reason ?? cancelledError(), 'cancelled'));
  return new Promise<Value>((resolve, reject) => {
    const deadline = deadlines.add(timeoutMs, () => {
      scope.abort(new NodeError('node_timeout', `The node did not finish within ${timeoutMs} ms.`));
    });
    const onAbort = (): void => {
      deadlines.remove(deadline);
      reject(toNodeError(scope.reason ?? cancelledError(), 'cancelled'));
    };
    scope.addEventListener('abort', onAbort);
    let pending: Promise<Value>;
    try {
      pending = work(scope);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (value) => {
        if (scope.aborted) return;
        deadlines.remove(deadline);
        scope.dispose();
        resolve(value);
      },
      (error: unknown) => {
        if (scope.aborted) return;
        deadlines.remove(deadline);
        scope.dispose();
        reject(error);
      },
    );
  });
}
