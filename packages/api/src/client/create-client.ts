import { type AppMethods, createAppMethods } from './app-methods.ts';
import { createKeyMethods, type KeyMethods } from './key-methods.ts';
import { createKnowledgeMethods, type KnowledgeMethods } from './knowledge-methods.ts';
import { createPlatformMethods, type PlatformMethods } from './platform-methods.ts';
import { createPublicMethods, type PublicMethods } from './public-methods.ts';
import { createRunMethods, type RunMethods } from './run-methods.ts';
import { createSecretMethods, type SecretMethods } from './secret-methods.ts';
import { type ClientOptions, createTransport } from './transport.ts';

/** A method per route of API.md; answers are validated, failures throw `EdgeflowApiError`. */
export interface EdgeflowClient
  extends PlatformMethods,
    AppMethods,
    KeyMethods,
    RunMethods,
    KnowledgeMethods,
    SecretMethods,
    PublicMethods {}

/**
 * Creates a typed client of an Edgeflow runtime.
 * @example
 * const client = createClient({ baseUrl: 'http://127.0.0.1:8787', key: appKey });
 * for await (const event of client.run('app_123', { inputs: { query: 'Hi' } })) console.log(event.type);
 */
export function createClient(options: ClientOptions): EdgeflowClient {
  const transport = createTransport(options);
  return {
    ...createPlatformMethods(transport),
    ...createAppMethods(transport),
    ...createKeyMethods(transport),
    ...createRunMethods(transport),
    ...createKnowledgeMethods(transport),
    ...createSecretMethods(transport),
    ...createPublicMethods(transport),
  };
}
