import { type SecretList, secretListSchema } from '../schemas/secret.ts';
import { path } from './path.ts';
import type { RequestOptions, Transport } from './transport.ts';

export interface SecretMethods {
  /** `PUT /api/secrets/{name}`: stores (or replaces) a secret for `{{secrets.name}}`. */
  putSecret(name: string, value: string, options?: RequestOptions): Promise<void>;
  /** `GET /api/secrets`: names and times, never values. */
  listSecrets(options?: RequestOptions): Promise<SecretList>;
  /** `DELETE /api/secrets/{name}`. */
  deleteSecret(name: string, options?: RequestOptions): Promise<void>;
}

export function createSecretMethods(transport: Transport): SecretMethods {
  return {
    putSecret: async (name, value, options = {}) =>
      transport.empty({ method: 'PUT', path: path`/api/secrets/${name}`, body: { value }, ...options }),
    listSecrets: async (options = {}) =>
      transport.json({ method: 'GET', path: '/api/secrets', ...options }, secretListSchema),
    deleteSecret: async (name, options = {}) =>
      transport.empty({ method: 'DELETE', path: path`/api/secrets/${name}`, ...options }),
  };
}
