import { z } from 'zod';
import { limits } from './limits.ts';

/** Error codes are stable snake_case words callers may branch on. */
export const errorCodeSchema = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'must be snake_case');

/** The one error shape of every route: `{ error: { code, message, details } }`. */
export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string().max(limits.errorMessageLength),
    // A caller parsing an error should not fail over a missing `details`; the runtime always sends it.
    details: z.record(z.string(), z.unknown()).default({}),
  }),
});
export type ErrorBody = z.output<typeof errorBodySchema>;

/**
 * Builds the body of an error answer.
 * @example errorBody('not_published', 'Publish the app before running it.') // { error: { code, message, details: {} } }
 */
export function errorBody(code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { error: { code, message, details } };
}
