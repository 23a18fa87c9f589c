import {
  type CreatedKey,
  type CreateKeyRequest,
  createdKeySchema,
  type KeyList,
  keyListSchema,
} from '../schemas/key.ts';
import { path } from './path.ts';
import type { RequestOptions, Transport } from './transport.ts';

export interface KeyMethods {
  /** `POST /api/apps/{appId}/keys`: the answer's `key` is shown this once. */
  createKey(appId: string, body: CreateKeyRequest, options?: RequestOptions): Promise<CreatedKey>;
  /** `GET /api/apps/{appId}/keys`. */
  listKeys(appId: string, options?: RequestOptions): Promise<KeyList>;
  /** `DELETE /api/apps/{appId}/keys/{keyId}`. */
  deleteKey(appId: string, keyId: string, options?: RequestOptions): Promise<void>;
}

export function createKeyMethods(transport: Transport): KeyMethods {
  return {
    createKey: async (appId, body, options = {}) =>
      transport.json(
        { method: 'POST', path: path`/api/apps/${appId}/keys`, body, ...options },
        createdKeySchema,
      ),
    listKeys: async (appId, options = {}) =>
      transport.json({ method: 'GET', path: path`/api/apps/${appId}/keys`, ...options }, keyListSchema),
    deleteKey: async (appId, keyId, options = {}) =>
      transport.empty({ method: 'DELETE', path: path`/api/apps/${appId}/keys/${keyId}`, ...options }),
  };
}
