import type { EnginePorts } from '@edgeflow/engine';
import { createModelPort } from '@edgeflow/providers';
import type { Env } from '../env.ts';
import { workersClock } from './workers-clock.ts';

/**
 * The one place where Worker bindings become the engine's ports. Provider instances are cached by the
 * providers package per env object, so this is cheap per request.
 */
export function createPorts(env: Env): EnginePorts {
  return {
    clock: workersClock,
    model: createModelPort(env, { sleep: workersClock.sleep }),
  };
}
