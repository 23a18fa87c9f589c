import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../src/secrets/index.ts';

describe('the secret box (AES-GCM, key from SECRETS_MASTER_KEY)', () => {
  const box = createSecretBox('master-key-for-tests');

  it('opens what it sealed, with a fresh IV each time', async () => {
    const first = await box.seal('NAME', 'value ☃');
    const second = await box.seal('NAME', 'value ☃');
    expect(first.iv).not.toBe(second.iv);
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(await box.open('NAME', first)).toBe('value ☃');
  });

  it('refuses a ciphertext moved to another name, altered, or opened with another master key', async () => {
    const sealed = await box.seal('NAME', 'value');
    await expect(box.open('OTHER', sealed)).rejects.toThrow();
    const flipped = `${sealed.ciphertext.startsWith('A') ? 'B' : 'A'}${sealed.ciphertext.slice(1)}`;
    await expect(box.open('NAME', { ...sealed, ciphertext: flipped })).rejects.toThrow();
    await expect(createSecretBox('another-master-key').open('NAME', sealed)).rejects.toThrow();
  });
});
