import type { NodeKind } from '@edgeflow/graph';
import type { PlacedDiagnostic } from '../document/diagnostics-map.ts';
import type { FieldSpec } from './form-fields.ts';

/** What every control of the inspector form gets. */
export interface FieldProps {
  readonly nodeId: string;
  /** The node's kind and the field's path in its catalog entry (`cases/*\/rules/*\/left`), to name the field. */
  readonly kind: NodeKind;
  readonly path: string;
  readonly label: string;
  readonly description?: string | undefined;
  readonly spec: FieldSpec;
  /** Pointer inside the node's config, e.g. `/cases/0/rules/1/left`. */
  readonly pointer: string;
  readonly required: boolean;
  readonly value: unknown;
  readonly problems: readonly PlacedDiagnostic[];
  readonly onChange: (value: unknown) => void;
}
