import { z } from 'zod';

export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;

/**
 * An outbound request described by templates; shared by the `http` node and the agent's http tools.
 * The URL is checked by the guarded egress after templating, never before.
 */
export const httpRequestShape = {
  method: z.enum(httpMethods).default('GET'),
  url: z.string().min(1, 'a URL is required').max(8192),
  headers: z
    .record(
      z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be a valid header name'),
      z.string().max(8192),
    )
    .default({}),
  body: z.string().max(1_000_000).optional().describe('Request body template; JSON when it parses as JSON'),
  timeoutMs: z.int().min(100).max(120_000).default(15_000),
  response: z.enum(['json', 'text']).default('json'),
};
