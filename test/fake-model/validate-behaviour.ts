import type { FakeModelBehaviour } from './fake-model-behaviour.ts';

const nonNegativeFields = [
  'tokenCount',
  'firstTokenLatencyMs',
  'interTokenDelayMs',
  'retryAfterSeconds',
  'retryAfterMs',
  'dropAfterTokens',
  'hangMs',
] as const;

const integerFields = ['tokenCount', 'dropAfterTokens'] as const;

/**
 * Throws on a behaviour that cannot be honoured, at `script()`/`enqueue()` time, so a mistyped test
 * fails where it was written rather than as a puzzling HTTP response later.
 */
export function validateBehaviour(behaviour: FakeModelBehaviour): void {
  const replies = [behaviour.text, behaviour.tokens, behaviour.tokenCount].filter(
    (reply) => reply !== undefined,
  );
  if (replies.length > 1) {
    throw new TypeError('fake model behaviour: give at most one of text, tokens and tokenCount');
  }
  for (const field of nonNegativeFields) {
    const value = behaviour[field];
    if (value !== undefined && !(value >= 0)) {
      throw new TypeError(`fake model behaviour: ${field} must be a non-negative number, got ${value}`);
    }
  }
  for (const field of integerFields) {
    const value = behaviour[field];
    if (value !== undefined && !Number.isInteger(value)) {
      throw new TypeError(`fake model behaviour: ${field} must be an integer, got ${value}`);
    }
  }
  const status = behaviour.status;
  if (status !== undefined && !(Number.isInteger(status) && status >= 200 && status <= 599)) {
    throw new TypeError(`fake model behaviour: status must be an HTTP status 200-599, got ${status}`);
  }
  for (const call of behaviour.toolCalls ?? []) {
    if (call.name.length === 0) throw new TypeError('fake model behaviour: a tool call needs a name');
  }
}
