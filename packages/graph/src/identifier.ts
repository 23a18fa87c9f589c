import { z } from 'zod';

/** Node ids, input names, field names and port names: usable inside `{{node.field}}` references. */
export const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Namespaces that references resolve outside the node graph; no node may take these ids. */
export const reservedRoots = ['sys', 'secrets', 'args'] as const;

export const identifierSchema = z
  .string()
  .regex(
    identifierPattern,
    'must start with a letter or _ and contain only letters, digits and _ (at most 64)',
  );
