import type { FakeModelBehaviour } from './fake-model-behaviour.ts';
import { validateBehaviour } from './validate-behaviour.ts';

/** The model name whose script and queue apply to every model without its own. */
export const anyModel = '*';

/** Scripted and queued behaviours per model name. */
export interface BehaviourBook {
  script(model: string, behaviour: FakeModelBehaviour): void;
  enqueue(model: string, behaviours: readonly FakeModelBehaviour[]): void;
  /**
   * The behaviour for the next request to `model`: its queue, then the `'*'` queue, then its
   * script, then the `'*'` script, then the fallback. Queued entries are consumed.
   */
  take(model: string): FakeModelBehaviour;
  /** Model names that have a script or a queue, `'*'` excluded. */
  models(): string[];
  reset(): void;
}

export function createBehaviourBook(fallback: FakeModelBehaviour): BehaviourBook {
  validateBehaviour(fallback);
  const scripts = new Map<string, FakeModelBehaviour>();
  const queues = new Map<string, FakeModelBehaviour[]>();

  const shiftQueue = (model: string): FakeModelBehaviour | undefined => queues.get(model)?.shift();

  return {
    script(model, behaviour) {
      validateBehaviour(behaviour);
      scripts.set(model, behaviour);
    },
    enqueue(model, behaviours) {
      for (const behaviour of behaviours) validateBehaviour(behaviour);
      const queue = queues.get(model) ?? [];
      queue.push(...behaviours);
      queues.set(model, queue);
    },
    take(model) {
      return (
        shiftQueue(model) ?? shiftQueue(anyModel) ?? scripts.get(model) ?? scripts.get(anyModel) ?? fallback
      );
    },
    models() {
      const names = new Set([...scripts.keys(), ...queues.keys()]);
      names.delete(anyModel);
      return [...names];
    },
    reset() {
      scripts.clear();
      queues.clear();
    },
  };
}
