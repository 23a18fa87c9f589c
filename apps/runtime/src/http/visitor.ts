import { sha256Hex } from '@edgeflow/db';
import { ApiError } from './api-error.ts';

/**
 * The header a widget sends with a publishable key: a random id it keeps in the visitor's storage
 * (e.g. `crypto.randomUUID()`). It is the visitor's only credential for their conversations, so it
 * must be long enough not to be guessed; only its SHA-256 is stored.
 */
export const visitorHeader = 'x-edgeflow-visitor';
const visitorPattern = /^[A-Za-z0-9_-]{22,128}$/;

/** SHA-256 of the visitor id the request carries; null without one; 400 for one that is too weak. */
export async function visitorOf(request: Request): Promise<string | null> {
  const value = request.headers.get(visitorHeader);
  if (value === null) return null;
  if (!visitorPattern.test(value)) {
    throw new ApiError(
      400,
      'invalid_request',
      `${visitorHeader} must be 22 to 128 characters of A-Z a-z 0-9 _ - (a random id such as crypto.randomUUID()).`,
      { header: visitorHeader },
    );
  }
  return sha256Hex(`visitor:${value}`);
}

/** The visitor a publishable-key request must name (runs and conversations belong to visitors). */
export function requireVisitor(visitor: string | null): string {
  if (visitor !== null) return visitor;
  throw new ApiError(
    400,
    'visitor_required',
    `Requests with a publishable key must send ${visitorHeader}: a random id the widget keeps for this visitor.`,
    { header: visitorHeader },
  );
}
