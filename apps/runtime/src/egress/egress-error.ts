import { type HttpErrorCode, HttpPortError } from '@edgeflow/engine';

/**
 * The finer reason behind an egress failure. The engine's `code` stays one of its four
 * (`egress_refused`, `request_timeout`, `response_too_large`, `request_failed`); `reason` tells
 * callers and logs which rule fired.
 */
export type EgressReason =
  | 'invalid_url'
  | 'scheme_not_allowed'
  | 'credentials_in_url'
  | 'port_not_allowed'
  | 'host_denied'
  | 'host_not_allowed'
  | 'metadata'
  | 'local_name'
  | 'special_address'
  | 'invalid_request'
  | 'too_many_redirects'
  | 'invalid_redirect'
  | 'unresolvable'
  | 'response_too_large'
  | 'timeout'
  | 'cancelled'
  | 'network';

const codeOf: Readonly<Record<EgressReason, HttpErrorCode>> = {
  invalid_url: 'egress_refused',
  scheme_not_allowed: 'egress_refused',
  credentials_in_url: 'egress_refused',
  port_not_allowed: 'egress_refused',
  host_denied: 'egress_refused',
  host_not_allowed: 'egress_refused',
  metadata: 'egress_refused',
  local_name: 'egress_refused',
  special_address: 'egress_refused',
  invalid_request: 'egress_refused',
  // A redirect loop or a broken Location answers the same way next time: not worth a retry.
  too_many_redirects: 'egress_refused',
  invalid_redirect: 'egress_refused',
  unresolvable: 'request_failed',
  response_too_large: 'response_too_large',
  timeout: 'request_timeout',
  cancelled: 'request_failed',
  network: 'request_failed',
};

/**
 * A request the guarded egress refused or could not complete. Messages name the origin
 * (`https://host:port`) and the rule, never the path, query, user info or header values.
 * @example if (error instanceof EgressError && error.reason === 'metadata') audit(error.message)
 */
export class EgressError extends HttpPortError {
  readonly reason: EgressReason;

  constructor(reason: EgressReason, message: string, options: { readonly cause?: unknown } = {}) {
    super(codeOf[reason], message, options);
    this.name = 'EgressError';
    this.reason = reason;
  }
}
