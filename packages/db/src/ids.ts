const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Random base62 text by rejection sampling (unbiased); 22 characters carry ~131 bits. */
export function randomToken(length: number): string {
  let text = '';
  while (text.length < length) {
    const bytes = new Uint8Array(length * 2);
    crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      // 248 = 4 × 62: bytes above it would make the first characters likelier.
      if (byte < 248 && text.length < length) text += alphabet[byte % 62];
    }
  }
  return text;
}

export type IdPrefix = 'app' | 'run' | 'key' | 'kb' | 'doc' | 'conv' | 'chunk';

/** A prefixed id such as `app_3kTq…`; random, so ids reveal nothing about other callers. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomToken(20)}`;
}

/** Hex SHA-256, used to store keys without storing them. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const byte of digest) hex += hexOfByte[byte];
  return hex;
}

// Every request hashes its key (the key cache is keyed by hash): a table beats 32 toString calls.
const encoder = new TextEncoder();
const hexOfByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Compares two strings in time that depends only on their lengths. */
export function constantTimeEqual(left: string, right: string): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index += 1)
    difference |= left.charCodeAt(index) ^ right.charCodeAt(index);
  return difference === 0;
}
