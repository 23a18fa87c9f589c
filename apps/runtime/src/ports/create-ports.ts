import type { EnginePorts } from '@edgeflow/engine';
import { createModelPort } from '@edgeflow/providers';
import { createHttpPort } from '../egress/index.ts';
import type { Env } from '../env.ts';
import { knowledgeServices } from '../knowledge/knowledge-services.ts';
import { sandboxThroughBinding } from '../sandbox/sandbox-service.ts';
import { createSecretsPort } from '../secrets/index.ts';
import { workersClock } from './workers-clock.ts';

/** What an app's settings say about outbound requests. */
export interface AppEgressSettings {
  readonly allowedHosts?: readonly string[] | undefined;
  readonly deniedHosts?: readonly string[] | undefined;
}

/**
 * The one place where Worker bindings become the engine's ports. Provider instances are cached by the
 * providers package per env object, so this is cheap per request. Every request a pipeline makes goes
 * through the guarded egress; model endpoints the operator configured are trusted and do not.
 */
export function createPorts(env: Env, settings: AppEgressSettings = {}): EnginePorts {
  return {
    clock: workersClock,
    model: createModelPort(env, { sleep: workersClock.sleep }),
    http: createHttpPort({
      allowPrivate: env.EGRESS_ALLOW_PRIVATE === 'true',
      ...(settings.allowedHosts?.length ? { allowHosts: [...settings.allowedHosts] } : {}),
      ...(settings.deniedHosts?.length ? { denyHosts: [...settings.deniedHosts] } : {}),
    }),
    // User code runs in the sandbox Worker (apps/sandbox), an isolate with no bindings.
    sandbox: sandboxThroughBinding(env.SANDBOX),
    secrets: createSecretsPort(env),
    // Searches only the knowledge bases a retrieval node's config names (the stored document's).
    retriever: knowledgeServices(env).retriever,
  };
}
