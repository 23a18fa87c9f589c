import type { Clock } from './clock.ts';
import type { HttpPort } from './http-port.ts';
import type { ModelPort } from './model-port.ts';
import type { RetrieverPort } from './retriever-port.ts';
import type { SandboxPort } from './sandbox-port.ts';
import type { SecretsPort } from './secrets-port.ts';

/**
 * Everything a run may reach outside the engine. Only the clock is required: a node whose port is
 * missing fails with `port_unavailable`, so a plan without http nodes needs no http port.
 */
export interface EnginePorts {
  readonly clock: Clock;
  readonly model?: ModelPort | undefined;
  readonly retriever?: RetrieverPort | undefined;
  readonly http?: HttpPort | undefined;
  readonly sandbox?: SandboxPort | undefined;
  readonly secrets?: SecretsPort | undefined;
}
