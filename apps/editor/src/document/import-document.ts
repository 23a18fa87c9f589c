import { compile, type Diagnostic, type WorkflowDocument, workflowDocumentSchema } from '@edgeflow/graph';

export type ImportResult =
  | { readonly ok: true; readonly document: WorkflowDocument; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Reads an exported document. Refused, with compile()'s diagnostics, when it is not JSON, not a
 * workflow document, or has errors; warnings alone do not refuse it.
 */
export function importDocument(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, diagnostics: [{ severity: 'error', code: 'invalid_document', message, path: '' }] };
  }
  const result = compile(json);
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) return { ok: false, diagnostics: errors };
  const document = workflowDocumentSchema.parse(json);
  return { ok: true, document, warnings: result.diagnostics };
}

/** The document as a file a person can diff in git. */
export function exportDocument(document: WorkflowDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
