import { z } from 'zod';

/**
 * A compile() diagnostic as sent over HTTP. `code` is any snake_case string rather than the graph
 * package's list, so an older client keeps working when the graph package adds a code.
 */
export const diagnosticSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string().max(100),
  message: z.string(),
  nodeId: z.string().optional(),
  /** JSON pointer into the document, e.g. `/nodes/2/config/prompt`. */
  path: z.string().optional(),
});
export type DiagnosticBody = z.output<typeof diagnosticSchema>;

/**
 * `{ diagnostics }`: the answer of `PUT /api/apps/{appId}/draft` and `POST /api/graph/validate`, and the
 * `details` of a 422 `invalid_graph` from publish.
 */
export const diagnosticsResponseSchema = z.object({ diagnostics: z.array(diagnosticSchema) });
export type DiagnosticsResponse = z.output<typeof diagnosticsResponseSchema>;
