import { errorBodySchema } from '../schemas/error-body.ts';
import { defaultErrorCodeForStatus } from '../schemas/error-codes.ts';

/**
 * A failed call: a non-2xx answer (its `code`, `message` and `details` come from the error shape),
 * or an answer that is not what the contract says (`invalid_response`, with the answer's status).
 */
export class EdgeflowApiError extends Error {
  override readonly name = 'EdgeflowApiError';
  readonly status: number;
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;
  /** Seconds to wait before trying again, from `Retry-After` (429 and 503). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    details: Record<string, unknown> = {},
    retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

// An error page can be megabytes of HTML; a glimpse is enough to see what answered.
const snippetLength = 500;

/**
 * Reads an error answer into an `EdgeflowApiError`, falling back to a code for its status when the body
 * is not the error shape (e.g. a proxy's HTML page).
 * @example if (!response.ok) throw await errorFromResponse(response);
 */
export async function errorFromResponse(response: Response): Promise<EdgeflowApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  const text = await response.text().catch(() => '');
  const parsed = errorBodySchema.safeParse(parseJson(text));
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new EdgeflowApiError(response.status, code, message, details, retryAfter);
  }
  const snippet = text.slice(0, snippetLength);
  const statusLine = `${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}`;
  return new EdgeflowApiError(
    response.status,
    defaultErrorCodeForStatus(response.status),
    `The server answered ${statusLine} without an Edgeflow error body.`,
    { body: snippet },
    retryAfter,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `Retry-After` is either whole seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^[0-9]+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
