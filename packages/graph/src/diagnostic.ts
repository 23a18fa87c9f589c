/** Stable codes of compile() diagnostics; the editor and the API rely on them. */
export const diagnosticCodes = [
  'invalid_document',
  'unknown_kind',
  'invalid_config',
  'duplicate_node_id',
  'reserved_node_id',
  'duplicate_edge_id',
  'dangling_edge',
  'unknown_port',
  'duplicate_edge',
  'self_loop',
  'cycle',
  'missing_start',
  'multiple_starts',
  'start_has_input',
  'unreachable_node',
  'unknown_reference',
  'invalid_reference',
  'downstream_reference',
  'unknown_field',
  'type_mismatch',
  'secret_not_allowed',
  'missing_answer',
  'answer_in_workflow',
  'missing_end',
  'end_in_chat',
  'missing_query_input',
  'condition_missing_else',
  'duplicate_name',
  'dead_end',
  'unconnected_port',
] as const;
export type DiagnosticCode = (typeof diagnosticCodes)[number];

export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly nodeId?: string;
  /** JSON pointer into the document, e.g. `/nodes/2/config/prompt`. */
  readonly path?: string;
}

/** Escapes one segment of a JSON pointer (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

export function pointer(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${pointerSegment(segment)}`).join('');
}
