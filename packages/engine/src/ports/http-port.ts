import type { CancelSignal } from './cancel-signal.ts';
import { PortError } from './port-error.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

export interface HttpRequest {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The implementation must give up after this long (it is also the node's timeout). */
  readonly timeoutMs: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * The guarded egress: the implementation decides which URLs may be reached (see SECURITY.md) and
 * throws an `HttpPortError` for refused or failed requests. Any HTTP status is a response, not an error.
 */
export interface HttpPort {
  request(request: HttpRequest, signal: CancelSignal): Promise<HttpResponse>;
}

export type HttpErrorCode = 'egress_refused' | 'request_failed' | 'request_timeout' | 'response_too_large';

const retryableCodes: ReadonlySet<HttpErrorCode> = new Set(['request_failed', 'request_timeout']);

/** Why a request got no response; a refused URL is never retried. */
export class HttpPortError extends PortError {
  declare readonly code: HttpErrorCode;

  constructor(code: HttpErrorCode, message: string, options: { readonly cause?: unknown } = {}) {
    super(code, message, { retryable: retryableCodes.has(code), cause: options.cause });
    this.name = 'HttpPortError';
  }
}
