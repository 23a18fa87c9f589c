// Key-shaped tokens (OpenAI `sk-…`, DashScope `sk-…`, bearer tokens) even when they are not ours:
// a provider may echo a key in an error body, e.g. "Incorrect API key provided: sk-abc…".
const keyShaped = /\b(?:sk|pk|rk)-[A-Za-z0-9_*-]{6,}|\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/g;

/**
 * Removes every configured secret, and anything shaped like an API key, from a text that may reach
 * a person (an error message, a trace).
 * @example redactSecrets('bad key sk-live-1234567', ['sk-live-1234567']) === 'bad key [redacted]'
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    // Very short values would scrub ordinary words; keys are never that short.
    if (secret.length >= 4) result = result.split(secret).join('[redacted]');
  }
  return result.replace(keyShaped, '[redacted]');
}
