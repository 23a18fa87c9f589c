import type { z } from 'zod';
import type { ValueType } from './value-type.ts';

export type NodeCategory = 'basic' | 'model' | 'knowledge' | 'tools' | 'logic' | 'output';

/** A field of a config that must hold exactly one reference of a given type (checked by compile()). */
export interface TypedReferenceField {
  /** JSON pointer inside `config`, e.g. `/cases/0/rules/1/left`. */
  readonly path: string;
  readonly expected: ValueType;
  /** What the field is for, to name it in diagnostics. */
  readonly label: string;
}

/** Everything the compiler, the engine and the editor need to know about one node kind. */
export interface NodeKindDefinition<Kind extends string = string, Config = unknown> {
  readonly kind: Kind;
  readonly label: string;
  readonly description: string;
  readonly category: NodeCategory;
  /** Validates a config and fills defaults. */
  readonly configSchema: z.ZodType<Config>;
  /** The config a freshly dropped node starts with. */
  readonly defaultConfig: Config;
  /** Whether the node has an input port (all but `start`). */
  readonly hasInput: boolean;
  /** Named output ports; `out` is the default port of kinds that do not branch. */
  outputPorts(config: Config): string[];
  /** Typed outputs other nodes may reference. */
  outputs(config: Config): Record<string, ValueType>;
  /**
   * Pointers (relative to config, `*` for any key or index) of the strings that are templates; only
   * these are scanned for references and rendered. Code, descriptions and names are never templates.
   */
  readonly templateFields: readonly string[];
  /** Fields that must be a single reference of a given type. */
  typedReferences?(config: Config): TypedReferenceField[];
  /** Whether `retry` applies (model, http and code nodes). */
  readonly retryable: boolean;
}

/** The port every non-branching node uses. */
export const defaultPort = 'out';
/** The port taken when a node with `onError: "route"` fails. */
export const errorPort = 'error';
