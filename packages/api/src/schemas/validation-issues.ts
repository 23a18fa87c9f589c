import { pointer } from '@edgeflow/graph';
import { z } from 'zod';
import { type ErrorBody, errorBody } from './error-body.ts';

/** One problem with a request, in `details.issues` of an `invalid_request` error. */
export const validationIssueSchema = z.object({
  /** JSON pointer into the request body (or query), `''` for the whole of it. */
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ValidationIssue = z.output<typeof validationIssueSchema>;

export const invalidRequestDetailsSchema = z.object({ issues: z.array(validationIssueSchema) });
export type InvalidRequestDetails = z.output<typeof invalidRequestDetailsSchema>;

// A hostile body can carry thousands of problems; the first few are enough to act on.
const maxIssues = 20;

/**
 * Turns a zod error into the `details.issues` of an `invalid_request` error.
 * @example validationIssues(result.error) // [{ path: '/inputs', code: 'too_big', message: '…' }]
 */
export function validationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.slice(0, maxIssues).map((issue) => ({
    path: pointer(...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))),
    code: issue.code,
    message: issue.message,
  }));
}

/**
 * The 400 answer for a request that does not match its schema, naming the first problem.
 * @example c.json(invalidRequestError(parsed.error), 400)
 */
export function invalidRequestError(error: z.ZodError): ErrorBody {
  const issues = validationIssues(error);
  const first = issues[0];
  const where = first === undefined || first.path === '' ? 'The request' : `\`${first.path}\``;
  const message = first === undefined ? 'The request is not valid.' : `${where}: ${first.message}`;
  return errorBody('invalid_request', message, { issues });
}
