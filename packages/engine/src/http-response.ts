import type { HttpResponse } from './ports/http-port.ts';

/** Statuses that say the server is struggling, not that the request was wrong: worth another try. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The body as JSON, or null when it is not JSON. */
export function parseJsonBody(response: HttpResponse): unknown {
  if (response.body === '') return null;
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    return null;
  }
}
