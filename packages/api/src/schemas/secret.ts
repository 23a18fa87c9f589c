import { identifierSchema } from '@edgeflow/graph';
import { z } from 'zod';
import { limits } from './limits.ts';
import { timestampSchema } from './timestamp.ts';

/** A secret's name is what documents write in `{{secrets.name}}`, so it follows the identifier rule. */
export const secretNameSchema = identifierSchema;

/** `PUT /api/secrets/{name}`. */
export const putSecretRequestSchema = z.strictObject({
  value: z.string().min(1).max(limits.secretValueLength).describe('Stored encrypted; never answered back.'),
});
export type PutSecretRequest = z.input<typeof putSecretRequestSchema>;

export const secretSchema = z.object({ name: z.string(), updatedAt: timestampSchema });
export type Secret = z.output<typeof secretSchema>;

export const secretListSchema = z.object({ secrets: z.array(secretSchema) });
export type SecretList = z.output<typeof secretListSchema>;
