import type { SealedSecret } from '@edgeflow/db';

/**
 * Encryption of tool secrets at rest: AES-GCM (256-bit) with a fresh 96-bit IV per value, the key
 * derived by HKDF-SHA-256 from the Worker secret SECRETS_MASTER_KEY (any high-entropy text; `npm start`
 * and `npm run deploy` generate one). The secret's name is the additional authenticated data, so a
 * ciphertext copied onto another name does not decrypt. WebCrypto only: nothing of ours to get wrong
 * but the parameters.
 */
export interface SecretBox {
  seal(name: string, value: string): Promise<SealedSecret>;
  open(name: string, sealed: SealedSecret): Promise<string>;
}

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function keyFor(masterKey: string): Promise<CryptoKey> {
  let key = keys.get(masterKey);
  if (!key) {
    key = crypto.subtle
      .importKey('raw', encoder.encode(masterKey), 'HKDF', false, ['deriveKey'])
      .then((material) =>
        crypto.subtle.deriveKey(
          {
            name: 'HKDF',
            hash: 'SHA-256',
            salt: encoder.encode('edgeflow/secrets'),
            info: encoder.encode('aes-gcm-256 v1'),
          },
          material,
          { name: 'AES-GCM', length: 256 },
          false,
          ['encrypt', 'decrypt'],
        ),
      );
    keys.set(masterKey, key);
  }
  return key;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

export function createSecretBox(masterKey: string): SecretBox {
  return {
    async seal(name, value) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ciphertext = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(name) },
        await keyFor(masterKey),
        encoder.encode(value),
      );
      return { ciphertext: toBase64(new Uint8Array(ciphertext)), iv: toBase64(iv) };
    },
    async open(name, sealed) {
      const plaintext = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: encoder.encode(name) },
        await keyFor(masterKey),
        fromBase64(sealed.ciphertext),
      );
      return new TextDecoder().decode(plaintext);
    },
  };
}
