import { schemaReference } from './component-schemas.ts';
import type { Route } from './route.ts';

const retryAfter = {
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    schema: { type: 'integer', minimum: 0 },
  },
};

/** `components.responses`: one error answer per status, each in the error shape. */
const errorResponses = {
  400: [
    'BadRequest',
    'Malformed: not JSON (`malformed_json`), or not matching the schema, unknown keys included (`invalid_request`, with `details.issues`).',
  ],
  401: ['Unauthorized', 'No credentials, or credentials that are not valid (`unauthorized`).'],
  403: [
    'Forbidden',
    'Credentials that may not do this (`forbidden`), or a publishable key from an origin it does not allow (`origin_not_allowed`).',
  ],
  404: [
    'NotFound',
    'Unknown, or not owned by these credentials (`not_found`); `not_published` for a run of an app without a version.',
  ],
  409: ['Conflict', 'Conflicts with the current state (`conflict`).'],
  413: ['PayloadTooLarge', 'The body is over the limit of the route (`payload_too_large`).'],
  415: ['UnsupportedMediaType', 'A `Content-Type` the route does not accept (`unsupported_media_type`).'],
  422: [
    'UnprocessableEntity',
    'Well-formed but invalid: `invalid_graph` (with `details.diagnostics`), `invalid_inputs` (with `details.fields`), or another reason in `code`.',
  ],
  429: [
    'TooManyRequests',
    'Rate limited (`rate_limited`) or out of daily budget (`budget_exhausted`); see `Retry-After`.',
  ],
  502: ['BadGateway', 'The model provider or a fetched URL failed (`provider_error`).'],
  503: [
    'ServiceUnavailable',
    'No `ADMIN_TOKEN` is configured (`admin_not_configured`), or a dependency is down (`unavailable`).',
  ],
} as const satisfies Record<number, readonly [string, string]>;

type ErrorStatus = keyof typeof errorResponses;

function isErrorStatus(status: number): status is ErrorStatus {
  return status in errorResponses;
}

/** The `components.responses` every operation refers to. */
export function errorResponseComponents(): Record<string, unknown> {
  const components: Record<string, unknown> = {
    UnexpectedError: {
      description: 'A bug (500) or an outage; never caused by the input and never holding a stack trace.',
      content: { 'application/json': { schema: schemaReference('Error') } },
    },
  };
  for (const [status, [name, description]] of Object.entries(errorResponses)) {
    components[name] = {
      description,
      ...(status === '429' || status === '503' ? { headers: retryAfter } : {}),
      content: { 'application/json': { schema: schemaReference('Error') } },
    };
  }
  return components;
}

/** The error answers of a route: its own plus those its credentials, path, query and body imply. */
export function errorResponsesOf(route: Route): Record<string, unknown> {
  const statuses = new Set<number>(route.errors ?? []);
  if (route.credentials.length > 0) {
    statuses.add(401);
    statuses.add(403);
  }
  if (route.credentials.length === 1 && route.credentials[0] === 'adminToken') statuses.add(503);
  if (route.credentials.some((credential) => credential !== 'adminToken')) statuses.add(429);
  if (route.path.includes('{')) statuses.add(404);
  if (route.query !== undefined) statuses.add(400);
  if (route.body !== undefined) {
    statuses.add(400);
    statuses.add(413);
    statuses.add(415);
  }
  const responses: Record<string, unknown> = {};
  for (const status of [...statuses].sort((a, b) => a - b)) {
    if (!isErrorStatus(status))
      throw new Error(`No error response for status ${status} (${route.operationId}).`);
    responses[String(status)] =
      route.errorShape === 'openai'
        ? openAiErrorResponse(status, errorResponses[status][1])
        : { $ref: `#/components/responses/${errorResponses[status][0]}` };
  }
  responses.default =
    route.errorShape === 'openai'
      ? openAiErrorResponse(500, 'A bug or an outage.')
      : { $ref: '#/components/responses/UnexpectedError' };
  return responses;
}

function openAiErrorResponse(status: number, description: string): Record<string, unknown> {
  return {
    description: `${description} In OpenAI's error shape.`,
    ...(status === 429 ? { headers: retryAfter } : {}),
    content: { 'application/json': { schema: schemaReference('OpenAiError') } },
  };
}
