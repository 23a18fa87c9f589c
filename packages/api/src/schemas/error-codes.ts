/**
 * The error codes the runtime answers with, each with its status and when it is used. Codes fixed by
 * API.md are marked; the others are our choice and are listed in `/openapi.json`. Callers must still
 * accept codes not listed here: the contract may add codes, never rename them.
 */
export const errorCodes = {
  malformed_json: { status: 400, description: 'The body is not JSON.' },
  invalid_request: {
    status: 400,
    description:
      'The body, query or path does not match the schema (unknown keys included); `details.issues` lists each problem.',
  },
  unauthorized: { status: 401, description: 'No credentials, or credentials that are not valid.' },
  forbidden: {
    status: 403,
    description: 'Valid credentials that may not do this (e.g. an app key on `/api/*`).',
  },
  origin_not_allowed: {
    status: 403,
    description: 'A publishable key used from an origin not in its `allowedOrigins`.',
  },
  visitor_required: {
    status: 400,
    description:
      'A publishable-key request that runs the app or reads a conversation without `X-Edgeflow-Visitor`.',
  },
  not_found: { status: 404, description: 'Unknown, or not owned by these credentials.' },
  not_published: { status: 404, description: 'API.md: the app has no published version to run.' },
  method_not_allowed: { status: 405, description: 'The path exists but not with this method.' },
  conflict: {
    status: 409,
    description: 'The request conflicts with the current state (e.g. a name already taken).',
  },
  payload_too_large: { status: 413, description: 'The body is over the limit of the route.' },
  unsupported_media_type: { status: 415, description: 'The `Content-Type` is not one the route accepts.' },
  invalid_graph: {
    status: 422,
    description: 'The draft or document does not compile; `details.diagnostics` holds the diagnostics.',
  },
  invalid_inputs: {
    status: 422,
    description: "API.md: run inputs do not match the start node's inputs; `details.fields` lists them.",
  },
  document_too_large: {
    status: 413,
    description: 'A knowledge document over 5 MiB (file or fetched URL) or 1,000,000 characters of text.',
  },
  unsupported_document: {
    status: 415,
    description:
      'A knowledge document that is binary (by its content) rather than text, Markdown, HTML or PDF.',
  },
  empty_document: { status: 422, description: 'A knowledge document without any text.' },
  unparseable_document: {
    status: 422,
    description:
      'A knowledge document that cannot be parsed (a damaged or encrypted PDF, or a file declared PDF that is not one).',
  },
  url_refused: {
    status: 422,
    description:
      'A document URL the guarded egress refuses (private, loopback, metadata or otherwise special address).',
  },
  embedding_model_required: {
    status: 422,
    description: '`mode: "vector"` on a knowledge base without an embedding model.',
  },
  invalid_embedding_model: {
    status: 422,
    description: 'The embedding model of a knowledge base is unknown, not configured, or failed a probe.',
  },
  rate_limited: { status: 429, description: 'Too many requests; wait for `Retry-After` seconds.' },
  budget_exhausted: {
    status: 429,
    description: 'The daily budget of the app is spent; `Retry-After` says when it resets.',
  },
  internal_error: { status: 500, description: 'A bug on our side; the message never holds a stack trace.' },
  provider_error: {
    status: 502,
    description: 'The model provider failed or answered with something unusable.',
  },
  url_fetch_failed: {
    status: 502,
    description: 'A document URL could not be fetched (network failure, timeout, or a non-2xx answer).',
  },
  admin_not_configured: {
    status: 503,
    description: 'API.md: production has no `ADMIN_TOKEN`, so the management API is closed.',
  },
  secrets_not_configured: {
    status: 503,
    description: 'The runtime has no `SECRETS_MASTER_KEY`, so secrets cannot be stored.',
  },
  unavailable: { status: 503, description: 'A dependency is down; try again later.' },
} as const satisfies Record<string, { status: number; description: string }>;
export type KnownErrorCode = keyof typeof errorCodes;

const codeByStatus: Readonly<Record<number, KnownErrorCode>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_request',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'provider_error',
  503: 'unavailable',
};

/**
 * The code to assume for an error answer whose body is not the error shape (a proxy's HTML page).
 * @example defaultErrorCodeForStatus(404) // 'not_found'; defaultErrorCodeForStatus(418) // 'http_418'
 */
export function defaultErrorCodeForStatus(status: number): string {
  return codeByStatus[status] ?? `http_${status}`;
}
