import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.ts';

describe('redactSecrets', () => {
  it('removes every occurrence of a configured secret', () => {
    expect(redactSecrets('key abc123XYZ and again abc123XYZ', ['abc123XYZ'])).toBe(
      'key [redacted] and again [redacted]',
    );
  });

  it('removes key-shaped tokens that are not ours, and bearer tokens', () => {
    expect(redactSecrets('Incorrect API key provided: sk-proj-****abcd1234.', [])).toBe(
      'Incorrect API key provided: [redacted].',
    );
    expect(redactSecrets('sent Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.x', [])).toBe(
      'sent Authorization: [redacted]',
    );
  });

  it('leaves ordinary text and very short values alone', () => {
    expect(redactSecrets('The model is overloaded, try again.', ['a', ''])).toBe(
      'The model is overloaded, try again.',
    );
  });
});
