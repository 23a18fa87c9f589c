import { type DiagnosticBody, diagnosticsResponseSchema, EdgeflowApiError } from '@edgeflow/api';

/** The diagnostics a 422 `invalid_graph` carries in `details`, or null for any other failure. */
export function errorDiagnostics(error: unknown): DiagnosticBody[] | null {
  if (!(error instanceof EdgeflowApiError)) return null;
  const parsed = diagnosticsResponseSchema.safeParse(error.details);
  return parsed.success ? parsed.data.diagnostics : null;
}
