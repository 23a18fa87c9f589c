import type { PlacedDiagnostic } from '../document/diagnostics-map.ts';
import type { FieldSpec } from './form-fields.ts';

/** What every control of the inspector form gets. */
export interface FieldProps {
  readonly nodeId: string;
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
