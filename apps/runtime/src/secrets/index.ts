import { createDatabase, createSecretStore } from '@edgeflow/db';
import type { SecretsPort } from '@edgeflow/engine';
import type { Env } from '../env.ts';
import { ApiError } from '../http/api-error.ts';
import { createSecretBox, type SecretBox } from './secret-box.ts';

export { createSecretBox, type SecretBox } from './secret-box.ts';

/** The secret box of this environment; 503 `secrets_not_configured` when SECRETS_MASTER_KEY is unset. */
export function secretBoxOf(env: Env): SecretBox {
  const masterKey = env.SECRETS_MASTER_KEY?.trim();
  if (!masterKey) {
    throw new ApiError(
      503,
      'secrets_not_configured',
      'Secrets cannot be stored: set SECRETS_MASTER_KEY (wrangler secret put SECRETS_MASTER_KEY; npm start and npm run deploy create one).',
    );
  }
  return createSecretBox(masterKey);
}

/**
 * The engine's secrets port: reads and decrypts on demand (the engine loads each name once per run and
 * masks the values in everything it emits). No master key: there is no secret to read.
 */
export function createSecretsPort(env: Env): SecretsPort | undefined {
  const masterKey = env.SECRETS_MASTER_KEY?.trim();
  if (!masterKey) return undefined;
  const box = createSecretBox(masterKey);
  return {
    async get(name) {
      const sealed = await createSecretStore(createDatabase(env.DB)).get(name);
      return sealed ? box.open(name, sealed) : undefined;
    },
  };
}
